package io.gendict.priors;

import io.gendict.core.spi.GenerativePrior;
import io.gendict.core.spi.LinearFeatures;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.gendict.priors.PriorTesting.assertError;
import static io.gendict.priors.PriorTesting.create;
import static io.gendict.priors.PriorTesting.forward;
import static io.gendict.priors.PriorTesting.vjp;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GroupSparsityPriorTest {
    private final GroupSparsityPriorProvider provider = new GroupSparsityPriorProvider();
    private final DMatrixRMaj m = new DMatrixRMaj(new double[][]{{1, 0}, {1, 1}, {0, 0}});

    private GenerativePrior handMade() {
        return provider.restore(provider.parameters().validate(provider.name(), Map.of("n", 3, "k", 2)), Map.of("M", m));
    }

    @Test
    void forwardIsMTimesSquares() {
        assertArrayEquals(new double[]{4, 13, 0}, forward(handMade(), 2, -3), 0);
    }

    @Test
    void vjpIsTwoZTimesDxM() {
        assertArrayEquals(new double[]{2 * 2 * (1 + 2), 2 * -3 * 2}, vjp(handMade(), new double[]{2, -3}, 1, 2, 5), 0);
    }

    @Test
    void jacobianIsTwoMTimesZ() {
        DMatrixRMaj j = new DMatrixRMaj(1, 1);
        handMade().jacobian(new double[]{2, -3}, j);
        assertArrayEquals(new double[]{4, 0, 4, -6, 0, 0}, j.data, 0);
    }

    @Test
    void declaresLinearFeaturesAndEvenness() {
        GenerativePrior g = handMade();
        LinearFeatures f = g.linearFeatures().orElseThrow();
        assertEquals(LinearFeatures.Feature.SQUARE, f.feature());
        assertArrayEquals(m.data, f.mixing().data, 0);
        assertTrue(g.isEven());
    }

    @Test
    void defaultsArePaperFigure1bAndMIsBernoulli() {
        GenerativePrior g = create(provider, "group-sparsity");
        assertEquals(10, g.latentDim());
        assertEquals(300, g.outputDim());
        DMatrixRMaj drawn = g.arrays().get("M");
        double ones = 0;
        for (double v : drawn.data) {
            assertTrue(v == 0 || v == 1);
            ones += v;
        }
        assertEquals(0.6, ones / 3000, 0.03);
    }

    @Test
    void seedDeterminesM() {
        double[] a = create(provider, "group-sparsity:seed=5").arrays().get("M").data;
        assertArrayEquals(a, create(provider, "group-sparsity:seed=5").arrays().get("M").data, 0);
        assertFalse(java.util.Arrays.equals(a, create(provider, "group-sparsity:seed=6").arrays().get("M").data));
    }

    @Test
    void extremeProbabilities() {
        for (double v : create(provider, "group-sparsity:n=4,k=3,p=0").arrays().get("M").data) {
            assertEquals(0, v);
        }
        for (double v : create(provider, "group-sparsity:n=4,k=3,p=1").arrays().get("M").data) {
            assertEquals(1, v);
        }
    }

    @Test
    void badParametersNamePriorAndParameter() {
        assertError(() -> create(provider, "group-sparsity:p=1.5"), "group-sparsity", "'p'", "[0, 1]");
        assertError(() -> create(provider, "group-sparsity:p=-0.1"), "group-sparsity", "'p'");
        assertError(() -> create(provider, "group-sparsity:k=0"), "group-sparsity", "'k'");
        assertError(() -> create(provider, "group-sparsity:n=-3"), "group-sparsity", "'n'");
    }

    @Test
    void restoreValidatesSavedM() {
        var params = provider.parameters().validate(provider.name(), Map.of("n", 3, "k", 2));
        assertError(() -> provider.restore(params, Map.of()), "group-sparsity", "'M'", "3×2");
        assertError(() -> provider.restore(params, Map.of("M", new DMatrixRMaj(2, 3))), "group-sparsity", "'M'", "3×2", "2×3");
        DMatrixRMaj bad = m.copy();
        bad.set(1, 1, 0.5);
        assertError(() -> provider.restore(params, Map.of("M", bad)), "group-sparsity", "'M'", "0.5", "row 1, column 1", "0 or 1");
    }
}
