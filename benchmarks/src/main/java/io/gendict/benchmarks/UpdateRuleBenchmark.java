package io.gendict.benchmarks;

import io.gendict.core.data.Batch;
import io.gendict.core.data.SyntheticSource;
import io.gendict.core.spi.UpdateRule;
import org.ejml.data.DMatrixRMaj;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * One dictionary update from A0 on a batch of 30 samples of the paper's group-sparsity data
 * (m = 784, n = 300, k = 10) with X = G(z*), by each built-in update rule created from its name
 * (default parameters: adam 1000 steps on one thread, preconditioned-gradient with its Monte-Carlo
 * C⁻¹ estimated once in setup). Every call restarts from A0; online-least-squares keeps accumulating
 * its statistics across calls, as in training.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class UpdateRuleBenchmark {
    /** The update rule spec. */
    @Param({"adam", "preconditioned-gradient", "least-squares", "online-least-squares"})
    public String rule;

    private UpdateRule update;
    private DMatrixRMaj a0;
    private DMatrixRMaj a;
    private DMatrixRMaj y;
    private DMatrixRMaj x;

    /** Creates and starts the rule and draws the batch. */
    @Setup
    public void setup() {
        SyntheticSource source = Fixtures.paperSource("group-sparsity");
        a0 = source.initialDictionary();
        a = a0.copy();
        Batch batch = source.next(Fixtures.BATCH);
        y = batch.y();
        x = batch.x();
        update = Fixtures.registry().updateRule(rule);
        update.start(a0, source.prior(), new SplittableRandom(Fixtures.SEED));
    }

    /** @return the updated dictionary */
    @Benchmark
    public DMatrixRMaj update() {
        a.setTo(a0);
        update.update(a, y, x);
        return a;
    }
}
