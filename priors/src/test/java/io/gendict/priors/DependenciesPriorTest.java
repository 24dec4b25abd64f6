package io.gendict.priors;

import io.gendict.core.spi.GenerativePrior;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import static io.gendict.priors.PriorTesting.assertError;
import static io.gendict.priors.PriorTesting.create;
import static io.gendict.priors.PriorTesting.forward;
import static io.gendict.priors.PriorTesting.vjp;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class DependenciesPriorTest {
    private final DependenciesPriorProvider provider = new DependenciesPriorProvider();

    @Test
    void defaultIsPaperFigure1a() {
        GenerativePrior g = create(provider, "dependencies");
        assertEquals(3, g.latentDim());
        assertEquals(9, g.outputDim());
    }

    @Test
    void forwardStacksIdentitySquareAndSine() {
        GenerativePrior g = create(provider, "dependencies:k=3");
        assertArrayEquals(new double[]{0, 1, -2, 0, 1, 4, 0, Math.sin(1), Math.sin(-2)}, forward(g, 0, 1, -2), 0);
    }

    @Test
    void vjpAddsTheThreeBlocks() {
        GenerativePrior g = create(provider, "dependencies:k=2");
        double[] dz = vjp(g, new double[]{1, -2}, 1, 2, 3, 4, 5, 6);
        assertArrayEquals(new double[]{1 + 2 * 1 * 3 + Math.cos(1) * 5, 2 + 2 * -2 * 4 + Math.cos(-2) * 6}, dz, 1e-15);
    }

    @Test
    void jacobianIsThreeDiagonals() {
        GenerativePrior g = create(provider, "dependencies:k=2");
        DMatrixRMaj j = new DMatrixRMaj(1, 1);
        g.jacobian(new double[]{0.5, 3}, j);
        assertArrayEquals(new double[]{1, 0, 0, 1, 1, 0, 0, 6, Math.cos(0.5), 0, 0, Math.cos(3)}, j.data, 0);
    }

    @Test
    void nonPositiveKNamesPriorAndParameter() {
        assertError(() -> create(provider, "dependencies:k=0"), "dependencies", "'k'", "is 0");
    }
}
