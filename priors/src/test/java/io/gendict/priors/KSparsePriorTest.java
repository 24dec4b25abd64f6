package io.gendict.priors;

import io.gendict.core.spi.GenerativePrior;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import static io.gendict.priors.PriorTesting.assertError;
import static io.gendict.priors.PriorTesting.create;
import static io.gendict.priors.PriorTesting.forward;
import static io.gendict.priors.PriorTesting.vjp;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KSparsePriorTest {
    private final KSparsePriorProvider provider = new KSparsePriorProvider();
    private final GenerativePrior g = create(provider, "k-sparse:n=5,k=2,bound=10");

    @Test
    void integerPositionsPlaceTheValues() {
        assertEquals(4, g.latentDim());
        assertArrayEquals(new double[]{0, 1.5, 0, -0.7, 0}, forward(g, 2, 4, 1.5, -0.7), 0);
    }

    @Test
    void slotsAtTheSamePositionAdd() {
        assertArrayEquals(new double[]{0, 0, 3, 0, 0}, forward(g, 3, 3, 1, 2), 0);
    }

    @Test
    void rampSoftThresholds() {
        // p = 2.375: b = 2 − 4·0.375 = 0.5, τ = V·(1 − b) = 5
        assertArrayEquals(new double[]{0, 0, 0, 0, 0}, forward(g, 2.375, 4.5, 1.5, 3), 0);
        assertArrayEquals(new double[]{0, 2, 0, 0, 0}, forward(g, 2.375, 0, 7, 3), 0);
        // positions outside 1..n write nothing
        assertArrayEquals(new double[]{0, 0, 0, 0, 0}, forward(g, 0.4, 5.6, 1, 1), 0);
    }

    @Test
    void valuesAboveTheBoundTurnDense() {
        assertArrayEquals(new double[]{2, 12, 2, 2, 2}, forward(g, 2, 0, 12, 0), 0);
    }

    @Test
    void vjpOnPlateauIsFlatInPosition() {
        assertArrayEquals(new double[]{0, 0, 2, 4}, vjp(g, new double[]{2, 4, 1.5, -0.7}, 1, 2, 3, 4, 5), 0);
    }

    @Test
    void vjpOnRampMovesThePosition() {
        // x_2 = soft(7, 10·(1 − b(p))), ∂x_2/∂p = 10·(−4) on the right ramp; ∂x_2/∂v = 1
        assertArrayEquals(new double[]{-40 * 2, 0, 2, 0}, vjp(g, new double[]{2.375, 0, 7, 3}, 1, 2, 3, 4, 5), 0);
    }

    @Test
    void latentsGiveKSparseBoundedOutputs() {
        GenerativePrior prior = create(provider, "k-sparse:n=12,k=4,bound=1");
        DMatrixRMaj z = new DMatrixRMaj(200, prior.latentDim());
        prior.latentDistribution().sample(new SplittableRandom(3), z);
        DMatrixRMaj x = new DMatrixRMaj(1, 1);
        prior.forward(z, x);
        for (int r = 0; r < z.numRows; r++) {
            Set<Double> positions = new HashSet<>();
            for (int s = 0; s < 4; s++) {
                double p = z.get(r, s);
                assertTrue(p == Math.rint(p) && p >= 1 && p <= 12, "position " + p);
                positions.add(p);
                assertTrue(Math.abs(z.get(r, 4 + s)) <= 1);
            }
            assertEquals(4, positions.size(), "distinct positions");
            int nonZeros = 0;
            for (int j = 0; j < 12; j++) {
                nonZeros += x.get(r, j) != 0 ? 1 : 0;
            }
            assertTrue(nonZeros <= 4);
        }
    }

    @Test
    void badParametersNamePriorAndParameter() {
        assertError(() -> create(provider, "k-sparse:n=5,k=6"), "k-sparse", "'k'", "at most n = 5");
        assertError(() -> create(provider, "k-sparse:k=0"), "k-sparse", "'k'");
        assertError(() -> create(provider, "k-sparse:bound=0"), "k-sparse", "'bound'", "expected > 0");
        assertError(() -> create(provider, "k-sparse:bound=-1"), "k-sparse", "'bound'");
    }
}
