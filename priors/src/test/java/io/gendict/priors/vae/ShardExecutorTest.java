package io.gendict.priors.vae;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicIntegerArray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Every shard runs exactly once per call; a shard's exception reaches the caller and the executor survives it. */
class ShardExecutorTest {

    @Test
    void runsEveryShardOnceAndRethrowsFailures() {
        try (ShardExecutor executor = new ShardExecutor(3)) {
            AtomicIntegerArray counts = new AtomicIntegerArray(7);
            for (int call = 0; call < 5; call++) {
                executor.run(7, counts::incrementAndGet);
            }
            for (int k = 0; k < 7; k++) {
                assertEquals(5, counts.get(k), "shard " + k);
            }
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> executor.run(4, k -> {
                if (k == 2) {
                    throw new IllegalStateException("shard 2");
                }
            }));
            assertEquals("shard 2", e.getMessage());
            executor.run(7, counts::incrementAndGet);
            assertEquals(6, counts.get(6));
        }
    }
}
