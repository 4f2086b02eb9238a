package dev.isr.runtime;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The executor for background refreshes when the builder is given none: one pool shared by every
 * such cache, created on first use, of {@value #THREADS} daemon threads named {@code isr-refresh-N}.
 * Daemon threads never keep the JVM alive; idle threads exit after a minute, so an idle cache
 * holds no threads. The common ForkJoinPool is avoided on purpose: refreshes block on I/O and
 * would starve parallel streams and async code that share it. The queue is unbounded, but holds at
 * most one refresh per key because refreshes are coalesced. Apps with many slow keys, or on Java 21
 * with virtual threads, pass their own executor.
 */
final class DefaultRefreshExecutor {

    static final int THREADS = 4;

    private DefaultRefreshExecutor() {
    }

    static Executor shared() {
        return Holder.POOL;
    }

    private static final class Holder {
        static final ThreadPoolExecutor POOL = create();

        private static ThreadPoolExecutor create() {
            ThreadPoolExecutor pool = new ThreadPoolExecutor(THREADS, THREADS, 60, TimeUnit.SECONDS,
                    new LinkedBlockingQueue<>(), new DaemonThreads());
            pool.allowCoreThreadTimeOut(true);
            return pool;
        }
    }

    private static final class DaemonThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "isr-refresh-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
