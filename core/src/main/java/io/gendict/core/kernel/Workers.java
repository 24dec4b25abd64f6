package io.gendict.core.kernel;

import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Runs numbered tasks on up to {@code threads} threads: the caller and {@code threads − 1} pool
 * threads (created on first use) take the next task index until none is left. What a task computes
 * must not depend on the thread that runs it, so results are the same for any thread count.
 * Thread-safe.
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
     * @throws RuntimeException the failure of a task
     */
    public void run(int count, IntConsumer task, String what) {
        int helpers = Math.min(threads, count) - 1;
        if (helpers <= 0) {
            for (int i = 0; i < count; i++) {
                task.accept(i);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        Runnable drain = () -> {
            for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                task.accept(i);
            }
        };
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
            return new GendictException(ErrorKind.NUMERICAL_FAILURE, what + " failed: " + e.getCause(), e.getCause());
        }
    }
}
