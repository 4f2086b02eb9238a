package dev.isr.runtime;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Remembers every event, in order. */
final class RecordingListener implements IsrListener {

    final List<String> failedKeys = new CopyOnWriteArrayList<>();
    final List<Throwable> failures = new CopyOnWriteArrayList<>();
    final List<String> evictedKeys = new CopyOnWriteArrayList<>();

    @Override
    public void onRefreshFailure(String key, Throwable error) {
        failedKeys.add(key);
        failures.add(error);
    }

    @Override
    public void onEviction(String key) {
        evictedKeys.add(key);
    }
}
