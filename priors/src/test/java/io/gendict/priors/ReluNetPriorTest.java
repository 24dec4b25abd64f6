package io.gendict.priors;

import io.gendict.core.param.Params;
import io.gendict.core.spi.GenerativePrior;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.gendict.priors.PriorTesting.assertError;
import static io.gendict.priors.PriorTesting.create;
import static io.gendict.priors.PriorTesting.forward;
import static io.gendict.priors.PriorTesting.vjp;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ReluNetPriorTest {
    private final ReluNetPriorProvider provider = new ReluNetPriorProvider();
    private final DMatrixRMaj w1 = new DMatrixRMaj(new double[][]{{1, -1}, {2, 0.5}, {-1, -1}});
    private final DMatrixRMaj w2 = new DMatrixRMaj(new double[][]{{1, 1, 1}, {-1, 2, 0}});

    private GenerativePrior handMade() {
        Params params = provider.parameters().validate(provider.name(), Map.of("widths", "2,3,2"));
        return provider.restore(params, Map.of("W1", w1, "W2", w2));
    }

    @Test
    void forwardIsNestedReluWithoutBias() {
        // W1·(1, 2) = (−1, 3, −3) → ReLU (0, 3, 0); W2·that = (3, 6) → ReLU (3, 6)
        assertArrayEquals(new double[]{3, 6}, forward(handMade(), 1, 2), 0);
        // W1·(−1, 0) = (−1, −2, 1) → (0, 0, 1); W2·that = (1, 0)
        assertArrayEquals(new double[]{1, 0}, forward(handMade(), -1, 0), 0);
    }

    @Test
    void vjpBackPropagatesThroughActiveUnits() {
        // at z = (1, 2) only unit 2 of layer 1 is on: dz = W1[1,:]ᵀ·(W2[:,1]ᵀ·dx) = (2, 0.5)·(1·dx0 + 2·dx1)
        assertArrayEquals(new double[]{2 * 7, 0.5 * 7}, vjp(handMade(), new double[]{1, 2}, 1, 3), 0);
    }

    @Test
    void defaultWidthsAndGaussianScale() {
        GenerativePrior g = create(provider, "relu-net");
        assertEquals(10, g.latentDim());
        assertEquals(300, g.outputDim());
        DMatrixRMaj w = create(provider, "relu-net:widths=50,400,seed=3").arrays().get("W1");
        assertEquals(400, w.numRows);
        assertEquals(50, w.numCols);
        double sum = 0;
        for (double v : w.data) {
            sum += v * v;
        }
        assertEquals(1.0 / 400, sum / w.getNumElements(), 0.05 / 400);
        assertNull(g.arrays().get("b1"));
    }

    @Test
    void badWidthsNamePriorAndParameter() {
        assertError(() -> create(provider, "relu-net:widths=10,0,300"), "relu-net", "'widths'", "is 0");
        assertError(() -> create(provider, "relu-net:widths=10"), "relu-net", "'widths'", "at least two");
    }

    @Test
    void restoreChecksSavedShapes() {
        Params params = provider.parameters().validate(provider.name(), Map.of("widths", "2,3,2"));
        assertError(() -> provider.restore(params, Map.of("W1", w2, "W2", w2)), "relu-net", "'W1'", "3×2", "2×3");
        assertError(() -> provider.restore(params, Map.of("W1", w1)), "relu-net", "missing key 'W2'");
    }
}
