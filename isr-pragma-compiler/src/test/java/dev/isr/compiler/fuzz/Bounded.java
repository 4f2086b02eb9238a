package dev.isr.compiler.fuzz;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one fuzz input under a time limit, on a thread with the JVM's default stack size (the size
 * Maven's worker threads have): a hang becomes a failure naming the limit, and any exception or error
 * the code under test lets out — a {@code StackOverflowError} too — becomes a failure carrying it. The worker
 * is a daemon thread: nothing to close.
 */
final class Bounded {

    private final Duration limit;
    private ExecutorService worker = newWorker();

    Bounded(Duration limit) {
        this.limit = limit;
    }

    <T> T call(String input, Callable<T> work) {
        Future<T> future = worker.submit(work);
        try {
            return future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            // the stuck thread may ignore the interrupt: give later inputs a fresh one
            worker.shutdownNow();
            worker = newWorker();
            throw new AssertionError("no result within " + limit.toMillis() + " ms for input " + Inputs.show(input));
        } catch (ExecutionException e) {
            throw new AssertionError("uncaught " + e.getCause() + " for input " + Inputs.show(input), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "fuzz-input");
            thread.setDaemon(true);
            return thread;
        });
    }
}
