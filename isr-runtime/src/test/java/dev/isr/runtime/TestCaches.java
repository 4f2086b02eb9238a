package dev.isr.runtime;

/** A cache wired to a test clock and a manual executor, the setup most tests share. */
final class TestCaches {

    final MutableClock clock = new MutableClock();
    final ManualExecutor executor = new ManualExecutor();
    final RecordingListener listener = new RecordingListener();

    IsrCache.Builder builder() {
        return IsrCache.builder().clock(clock).executor(executor).listener(listener);
    }

    IsrCache build() {
        return builder().build();
    }
}
