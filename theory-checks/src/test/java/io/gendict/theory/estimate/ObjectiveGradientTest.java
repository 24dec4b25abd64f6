package io.gendict.theory.estimate;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The refinement objectives' gradients agree with central finite differences. */
class ObjectiveGradientTest {
    private static void checkGradient(LatentAscent.Objective f, DMatrixRMaj x) {
        DMatrixRMaj grad = new DMatrixRMaj(x.numRows, x.numCols);
        DMatrixRMaj scratch = new DMatrixRMaj(x.numRows, x.numCols);
        f.value(x, grad);
        double h = 1e-6;
        for (int i = 0; i < x.data.length; i++) {
            double keep = x.data[i];
            x.data[i] = keep + h;
            double up = f.value(x, scratch);
            x.data[i] = keep - h;
            double down = f.value(x, scratch);
            x.data[i] = keep;
            assertEquals((up - down) / (2 * h), grad.data[i], 1e-6, "entry " + i);
        }
    }

    @Test
    void negativeRatioGradient() {
        SplittableRandom rng = new SplittableRandom(11);
        DMatrixRMaj a = TestPriors.gaussian(5, 4, 1, rng);
        checkGradient(new SrecEstimator.NegativeRatio(a), TestPriors.gaussian(2, 4, 1, rng));
    }

    @Test
    void deviationGradient() {
        SplittableRandom rng = new SplittableRandom(12);
        DMatrixRMaj a = TestPriors.gaussian(6, 4, 0.5, rng);
        checkGradient(new RricEstimator.Deviation(a), TestPriors.gaussian(4, 4, 1, rng));
    }
}
