package io.gendict.benchmarks.harness;

import io.gendict.core.error.GendictException;
import io.gendict.core.experiment.SyntheticPreset;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ScalingBenchmarkTest {
    @Test
    void groupSparsityScalesNWithM() {
        assertEquals(SyntheticPreset.GROUP_SPARSITY.prior(), ScalingBenchmark.groupSparsity(784).prior());
        assertEquals("group-sparsity:n=75,k=10,p=0.6", ScalingBenchmark.groupSparsity(196).prior());
        SyntheticPreset large = ScalingBenchmark.groupSparsity(3136);
        assertEquals("group-sparsity:n=1200,k=10,p=0.6", large.prior());
        assertEquals(3136, large.m());
        assertEquals(0.1, large.sigma());
    }

    @Test
    void rejectsAnEmptyDimension() {
        assertThrows(GendictException.class, () -> ScalingBenchmark.groupSparsity(0));
    }
}
