package dev.isr.compiler;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Runs one task per item on a few threads of its own, which end with the call: JRuby adopts every thread that
 * translates a page, and a thread of a shared pool (the common fork-join pool) would keep the torn-down runtime's
 * thread state for as long as the build tool's JVM lives.
 */
final class Workers {

    private Workers() {
    }

    /**
     * The results in item order. A task's runtime exception is rethrown as it is, after every task has ended.
     *
     * @param name the threads' name, for thread dumps of a build
     */
    static <T, R> List<R> map(List<T> items, int threads, String name, Function<T, R> task) {
        if (items.isEmpty()) {
            return List.of();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, items.size()), work -> {
            Thread thread = new Thread(work, name);
            thread.setDaemon(true); // a build that fails meanwhile must not wait for them to exit
            return thread;
        });
        try {
            List<Future<R>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(pool.submit(() -> task.apply(item)));
            }
            List<R> results = new ArrayList<>();
            RuntimeException failure = null;
            for (Future<R> future : futures) {
                try {
                    results.add(future.get());
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause() instanceof RuntimeException fault ? fault
                                : new IllegalStateException(name + " failed", e.getCause());
                    }
                }
            }
            if (failure != null) {
                throw failure;
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + name, e);
        } finally {
            pool.shutdownNow();
        }
    }
}
