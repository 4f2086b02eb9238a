package dev.isr.runtime;

/**
 * Calls the user's listener so that its exceptions can neither break the cache's bookkeeping nor get
 * lost: they go to the current thread's uncaught-exception handler.
 */
final class SafeListener implements IsrListener {

    private final IsrListener delegate;

    SafeListener(IsrListener delegate) {
        this.delegate = delegate;
    }

    @Override
    public void onRefreshFailure(String key, Throwable error) {
        deliver(() -> delegate.onRefreshFailure(key, error));
    }

    @Override
    public void onEviction(String key) {
        deliver(() -> delegate.onEviction(key));
    }

    @Override
    public void onStoreFailure(String key, Throwable error) {
        deliver(() -> delegate.onStoreFailure(key, error));
    }

    private static void deliver(Runnable event) {
        try {
            event.run();
        } catch (Throwable listenerFailure) {
            reportUncaught(listenerFailure);
        }
    }

    private static void reportUncaught(Throwable listenerFailure) {
        Thread thread = Thread.currentThread();
        thread.getUncaughtExceptionHandler().uncaughtException(thread, listenerFailure);
    }
}
