package io.gendict.theory.estimate;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutputBoundEstimatorTest {
    @Test
    void boundedLatentsGiveTheRadius() {
        CheckSettings s = CheckSettings.defaults(1).withSamples(5000, 100).withLatentRadius(2);
        OutputBoundEstimate e = OutputBoundEstimator.estimate(TestPriors.identityLike(3, 5), s, new SplittableRandom(1));
        assertEquals(2, e.max(), 1e-12, "N(0, I_3) often leaves the ball of radius 2; clipped outputs have norm 2");
        assertTrue(e.median() < e.q99() && e.q99() <= e.q999() && e.q999() <= e.max());
        assertTrue(e.holds(), e.explanation());
        assertEquals(5000, e.sampleCount());
    }

    @Test
    void unboundedGaussianLatentsAreReportedNotPassed() {
        CheckSettings s = CheckSettings.defaults(1).withSamples(20_000, 100);
        OutputBoundEstimate e = OutputBoundEstimator.estimate(TestPriors.identityLike(3, 5), s, new SplittableRandom(2));
        assertFalse(e.holds(), e.explanation());
        assertEquals(Math.sqrt(16.266), e.q999(), 0.25, "0.999-quantile of a chi with 3 degrees of freedom");
        assertTrue(Double.isInfinite(e.latentRadius()));
    }
}
