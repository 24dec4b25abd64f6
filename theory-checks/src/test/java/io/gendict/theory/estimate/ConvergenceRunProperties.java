package io.gendict.theory.estimate;

import io.gendict.core.data.SyntheticSource;
import io.gendict.core.spi.GenerativePrior;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

/**
 * Algorithm 1, noiseless, perfect oracle, Δ-close start: geometric convergence with a contraction
 * factor near |1 − η| across seeds and sizes (Theorem 5.1); with noise the error stops at a floor
 * that grows with σ (Theorem 5.2).
 */
class ConvergenceRunProperties {

    @Test
    void noiselessRunsContractGeometricallyAcrossSeedsAndSizes() {
        qt().withFixedSeed(11).withExamples(6).forAll(integers().between(1, 1000), integers().between(2, 4))
                .checkAssert((seed, k) -> {
                    GenerativePrior prior = TestPriors.dependencies(k);
                    int n = prior.outputDim();
                    int m = n + 1 + seed % 5;
                    DMatrixRMaj aStar = SyntheticSource.uniformDictionary(m, n, false, new SplittableRandom(seed));
                    ConvergenceRun run = ConvergenceRun.run(prior, aStar, 0.05, 0.5, 0.0, 40, 20 * n, 20_000, seed);
                    ConvergenceFit fit = run.fit();
                    assertTrue(fit.holds(), fit.explanation());
                    assertTrue(fit.rate() < 0.7, "ρ̂ = " + fit.rate() + " vs |1 − η| = 0.5: " + fit.explanation());
                });
    }

    @Test
    void theFloorGrowsWithTheNoise() {
        GenerativePrior prior = TestPriors.dependencies(3);
        DMatrixRMaj aStar = SyntheticSource.uniformDictionary(10, 9, false, new SplittableRandom(4));
        double previous = 0;
        for (double sigma : new double[] {0.01, 0.1, 1.0}) {
            double floor = ConvergenceRun.run(prior, aStar, 0.05, 0.5, sigma, 40, 180, 20_000, 4).fit().floor();
            assertTrue(floor > 2 * previous, "floor " + floor + " at σ = " + sigma + " vs " + previous + " before");
            previous = floor;
        }
    }
}
