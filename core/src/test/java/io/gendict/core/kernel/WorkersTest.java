package io.gendict.core.kernel;

import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The task runner behind the chunked decoder, the factored autodiff steps and the baselines' coders. */
class WorkersTest {
    @Test
    void runsEveryTaskExactlyOnceForAnyThreadCount() {
        for (int threads = 1; threads <= 3; threads++) {
            Workers workers = new Workers(threads);
            for (int count : new int[]{0, 1, 2, 17}) {
                AtomicIntegerArray runs = new AtomicIntegerArray(count);
                for (int round = 0; round < 5; round++) {
                    workers.run(count, runs::incrementAndGet, "test");
                }
                for (int i = 0; i < count; i++) {
                    assertEquals(5, runs.get(i), threads + " threads, " + count + " tasks: task " + i);
                }
            }
        }
    }

    @Test
    void aFailingTaskFailsTheRunAndTheWorkersStayUsable() {
        Workers workers = new Workers(2);
        GendictException e = assertThrows(GendictException.class, () -> workers.run(8, i -> {
            if (i == 5) {
                throw new GendictException(ErrorKind.NUMERICAL_FAILURE, "task 5 failed");
            }
        }, "test"));
        assertTrue(e.getMessage().contains("task 5 failed"), e.getMessage());
        AtomicIntegerArray runs = new AtomicIntegerArray(4);
        workers.run(4, runs::incrementAndGet, "test");
        for (int i = 0; i < 4; i++) {
            assertEquals(1, runs.get(i), "task " + i);
        }
    }

    @Test
    void eachThreadKeepsOneScratchAcrossItsTasks() {
        for (int threads = 1; threads <= 3; threads++) {
            Workers workers = new Workers(threads);
            for (int count : new int[]{0, 1, 2, 40}) {
                AtomicInteger made = new AtomicInteger();
                Map<List<Integer>, Thread> owner = Collections.synchronizedMap(new IdentityHashMap<>());
                AtomicIntegerArray runs = new AtomicIntegerArray(count);
                workers.run(count, () -> {
                    made.incrementAndGet();
                    return new ArrayList<Integer>();
                }, (scratch, i) -> {
                    Thread previous = owner.putIfAbsent(scratch, Thread.currentThread());
                    assertTrue(previous == null || previous == Thread.currentThread(), "a scratch moved between threads");
                    scratch.add(i);
                    runs.incrementAndGet(i);
                }, "test");
                for (int i = 0; i < count; i++) {
                    assertEquals(1, runs.get(i), threads + " threads, " + count + " tasks: task " + i);
                }
                assertEquals(owner.size(), made.get(), "one scratch per thread that took a task, used");
                assertTrue(made.get() <= Math.min(threads, count), made.get() + " scratches for " + threads + " threads");
            }
        }
    }
}
