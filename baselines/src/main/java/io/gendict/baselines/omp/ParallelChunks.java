package io.gendict.baselines.omp;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs independent chunks of work on a few threads, each thread with its own scratch worker. The
 * chunk partition never depends on the thread count and chunks write disjoint outputs, so results
 * are bit-identical for any number of threads.
 *
 * @since 0.1
 */
public final class ParallelChunks {
    private ParallelChunks() {
    }

    /**
     * One chunk of work done with a thread's scratch worker.
     *
     * @param <W> the scratch type
     */
    @FunctionalInterface
    public interface Task<W> {
        /**
         * @param worker the calling thread's scratch. Modified.
         * @param chunk  0-based chunk index
         */
        void run(W worker, int chunk);
    }

    /**
     * Runs {@code task} for chunks 0..chunks−1 on at most {@code threads} threads (the caller's
     * thread included); one worker is created per thread.
     *
     * @param chunks  number of chunks
     * @param threads maximum number of threads (≥ 1)
     * @param workers creates a thread's scratch
     * @param task    the work of one chunk
     * @param <W>     the scratch type
     */
    public static <W> void run(int chunks, int threads, Supplier<W> workers, Task<W> task) {
        int used = Math.max(1, Math.min(threads, chunks));
        if (used == 1) {
            W w = workers.get();
            for (int c = 0; c < chunks; c++) {
                task.run(w, c);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        Throwable[] failure = new Throwable[1];
        Runnable loop = () -> {
            W w = workers.get();
            for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) {
                task.run(w, c);
            }
        };
        Thread[] helpers = new Thread[used - 1];
        for (int t = 0; t < helpers.length; t++) {
            helpers[t] = new Thread(loop, "gendict-chunk-" + t);
            helpers[t].setUncaughtExceptionHandler((th, e) -> {
                synchronized (failure) {
                    failure[0] = failure[0] == null ? e : failure[0];
                }
            });
            helpers[t].start();
        }
        loop.run();
        for (Thread h : helpers) {
            try {
                h.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for chunk workers", e);
            }
        }
        synchronized (failure) {
            if (failure[0] instanceof RuntimeException re) {
                throw re;
            }
            if (failure[0] != null) {
                throw new IllegalStateException("chunk worker failed", failure[0]);
            }
        }
    }
}
