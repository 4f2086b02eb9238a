package dev.isr.runtime.redis;

import dev.isr.runtime.IsrListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Remembers the events a test asserts on. */
final class RecordingListener implements IsrListener {

    final List<Throwable> storeFailures = new CopyOnWriteArrayList<>();
    final List<Throwable> refreshFailures = new CopyOnWriteArrayList<>();

    @Override
    public void onStoreFailure(String key, Throwable error) {
        storeFailures.add(error);
    }

    @Override
    public void onRefreshFailure(String key, Throwable error) {
        refreshFailures.add(error);
    }
}
