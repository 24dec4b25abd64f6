package io.gendict.priors.vae;

import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.function.IntConsumer;

/**
 * Runs a task on shard indices 0..n−1 over a fixed set of threads: thread t (the caller is thread 0)
 * takes shards t, t+T, t+2T, … . Persistent daemon workers meet the caller at two barriers per
 * call, so a call allocates nothing. Which thread ran a shard never affects a result, as long as
 * the task writes only to per-shard state.
 */
final class ShardExecutor implements AutoCloseable {
    private final int threads;
    private final Thread[] workers;
    private final CyclicBarrier start;
    private final CyclicBarrier done;
    private IntConsumer task;
    private int shards;
    private boolean closed;
    private volatile Throwable failure;

    /** @param threads total threads including the caller, ≥ 1 */
    ShardExecutor(int threads) {
        this.threads = threads;
        this.workers = new Thread[threads - 1];
        this.start = new CyclicBarrier(threads);
        this.done = new CyclicBarrier(threads);
        for (int t = 1; t < threads; t++) {
            int id = t;
            Thread worker = new Thread(() -> workerLoop(id), "gendict-vae-" + t);
            worker.setDaemon(true);
            workers[t - 1] = worker;
            worker.start();
        }
    }

    /**
     * Runs {@code task.accept(k)} for every k &lt; {@code shards} and returns when all are done.
     *
     * @throws RuntimeException the last exception or error a shard threw, rethrown on the caller
     */
    void run(int shards, IntConsumer task) {
        if (threads == 1) {
            for (int k = 0; k < shards; k++) {
                task.accept(k);
            }
            return;
        }
        this.task = task;
        this.shards = shards;
        await(start);
        runPart(0);
        await(done);
        Throwable f = failure;
        if (f != null) {
            failure = null;
            if (f instanceof Error error) {
                throw error;
            }
            throw (RuntimeException) f;
        }
    }

    /** Stops and joins the workers. */
    @Override
    public void close() {
        if (threads == 1 || closed) {
            return;
        }
        closed = true;
        await(start);
        for (Thread worker : workers) {
            try {
                worker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void workerLoop(int id) {
        while (true) {
            try {
                start.await();
                if (closed) {
                    return;
                }
                runPart(id);
                done.await();
            } catch (InterruptedException | BrokenBarrierException e) {
                return;
            }
        }
    }

    private void runPart(int id) {
        try {
            for (int k = id; k < shards; k += threads) {
                task.accept(k);
            }
        } catch (RuntimeException | Error e) {
            failure = e;
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GendictException(ErrorKind.NUMERICAL_FAILURE, "VAE training interrupted", e);
        } catch (BrokenBarrierException e) {
            throw new GendictException(ErrorKind.NUMERICAL_FAILURE, "VAE worker barrier broken", e);
        }
    }
}
