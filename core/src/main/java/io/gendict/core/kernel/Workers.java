package io.gendict.core.kernel;

import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * Runs numbered tasks on up to {@code threads} threads: the caller and {@code threads − 1} pool
 * threads (created on first use, kept for later runs) take the next task index until none is left.
 * What a task computes must not depend on the thread that runs it, so results are the same for any
 * thread count. Thread-safe.
 *
 * @since 0.1
 */
public final class Workers {
    private final int threads;
    private ForkJoinPool pool;

    /** @param threads threads, ≥ 1 (the caller's included) */
    public Workers(int threads) {
        this.threads = Math.max(1, threads);
    }

    /** @return the number of threads, the caller's included */
    public int threads() {
        return threads;
    }

    /**
     * Runs task(0) … task(count − 1) and returns when all are done.
     *
     * @param count number of tasks
     * @param task  the work of one task index
     * @param what  names the work in the error raised when a task is interrupted or fails with a checked exception
     * @throws RuntimeException the failure of a task (an {@link Error} of a task propagates unchanged)
     */
    public void run(int count, IntConsumer task, String what) {
        run(count, () -> null, (scratch, i) -> task.accept(i), what);
    }

    /**
     * Runs task(w, 0) … task(w, count − 1) and returns when all are done, where w is the scratch of the
     * thread that takes the task: each thread taking part makes its own with {@code scratch} before its
     * first task and reuses it for the others.
     *
     * @param count   number of tasks
     * @param scratch makes one thread's scratch
     * @param task    the work of one task index with the calling thread's scratch
     * @param what    names the work in the error raised when a task is interrupted or fails with a checked exception
     * @param <W>     the scratch type
     * @throws RuntimeException the failure of a task (an {@link Error} of a task propagates unchanged)
     */
    public <W> void run(int count, Supplier<W> scratch, ScratchTask<W> task, String what) {
        int helpers = Math.min(threads, count) - 1;
        AtomicInteger next = new AtomicInteger();
        Runnable drain = () -> {
            int i = next.getAndIncrement();
            if (i >= count) {
                return;
            }
            W w = scratch.get();
            for (; i < count; i = next.getAndIncrement()) {
                task.run(w, i);
            }
        };
        if (helpers <= 0) {
            drain.run();
            return;
        }
        Future<?>[] futures = new Future<?>[helpers];
        for (int h = 0; h < helpers; h++) {
            futures[h] = pool().submit(drain);
        }
        RuntimeException failure = null;
        try {
            drain.run();
        } catch (RuntimeException e) {
            next.set(count);
            failure = e;
        }
        for (Future<?> f : futures) {
            RuntimeException e = join(f, what);
            failure = failure == null ? e : failure;
        }
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * One task of {@link #run(int, Supplier, ScratchTask, String)}.
     *
     * @param <W> the scratch type
     */
    @FunctionalInterface
    public interface ScratchTask<W> {
        /**
         * @param scratch the calling thread's scratch. Modified.
         * @param index   0-based task index
         */
        void run(W scratch, int index);
    }

    private synchronized ForkJoinPool pool() {
        if (pool == null) {
            pool = new ForkJoinPool(threads - 1);
        }
        return pool;
    }

    private static RuntimeException join(Future<?> f, String what) {
        try {
            f.get();
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new GendictException(ErrorKind.NUMERICAL_FAILURE, what + " interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                return re;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            return new GendictException(ErrorKind.NUMERICAL_FAILURE, what + " failed: " + e.getCause(), e.getCause());
        }
    }
}
