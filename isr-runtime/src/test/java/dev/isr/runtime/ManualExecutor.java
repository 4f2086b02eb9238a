package dev.isr.runtime;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;

/** Queues tasks until the test runs them, so "the background refresh has finished" is a step, not a wait. */
final class ManualExecutor implements Executor {

    private final ConcurrentLinkedQueue<Runnable> queue = new ConcurrentLinkedQueue<>();
    private int submitted;

    @Override
    public synchronized void execute(Runnable task) {
        submitted++;
        queue.add(task);
    }

    /** Runs queued tasks, including ones they queue, until none are left; returns how many ran. */
    int settle() {
        int ran = 0;
        for (Runnable task = queue.poll(); task != null; task = queue.poll()) {
            task.run();
            ran++;
        }
        return ran;
    }

    int queued() {
        return queue.size();
    }

    /** Every task ever handed to this executor. */
    synchronized int submitted() {
        return submitted;
    }
}
