package io.gendict.core.experiment;

import io.gendict.core.data.SquaresTestPrior;
import io.gendict.core.data.image.ImageTransform;
import io.gendict.core.error.GendictException;
import io.gendict.core.eval.Quantizer;
import io.gendict.core.eval.ReconstructionError;
import io.gendict.core.spi.GenerativePrior;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.MatrixFeatures_DDRM;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrialDataTest {
    private static final GenerativePrior SQUARES = SquaresTestPrior.INSTANCE;

    private static ExperimentSettings settings(int batches) {
        return new ExperimentSettings("t", List.of("x"), 1, batches, 5, 2, 3, Quantizer.none(), 1, 1);
    }

    @Test
    void syntheticTrialsReplayTheSameDataForEveryMethod() {
        SyntheticTrials trials = new SyntheticTrials(seed -> SQUARES, 6, 0.1, false);
        TrialData a = trials.create(0, 42, settings(3));
        TrialData b = trials.create(0, 42, settings(3));
        assertTrue(MatrixFeatures_DDRM.isIdentical(a.initialDictionary(), b.initialDictionary(), 0));
        DMatrixRMaj first = a.nextTrainingBatch(5);
        assertTrue(MatrixFeatures_DDRM.isIdentical(first, b.nextTrainingBatch(5), 0));
        assertFalse(MatrixFeatures_DDRM.isIdentical(first, a.nextTrainingBatch(5), 0), "batches are fresh");
        assertEquals(2, a.testBatches().size());
        TestBatch t = a.testBatches().get(0);
        double noise = ReconstructionError.meanRowDistance(t.noisy(), t.clean());
        assertTrue(noise > 0.1 && noise < 0.5, "σ·√m ≈ 0.245, got " + noise);
        TrialData other = trials.create(1, 43, settings(3));
        assertFalse(MatrixFeatures_DDRM.isIdentical(a.initialDictionary(), other.initialDictionary(), 0));
    }

    @Test
    void imageTrialsKeepTestAndTrainingImagesDisjoint() {
        int count = 2 * 3 + 2 * 5;
        DMatrixRMaj images = new DMatrixRMaj(count, 4);
        for (int i = 0; i < count; i++) {
            images.set(i, 0, i);
        }
        ImageTrials trials = new ImageTrials(images, ImageTransform.FLIP, 0.0, SQUARES);
        TrialData data = trials.create(0, 7, settings(2));
        Set<Double> seen = new HashSet<>();
        for (TestBatch t : data.testBatches()) {
            assertTrue(MatrixFeatures_DDRM.isIdentical(t.noisy(), t.clean(), 0), "σ = 0");
            for (int r = 0; r < t.clean().numRows; r++) {
                assertEquals(0.0, t.clean().get(r, 0), "flipped: pixel 0 moves to column 1");
                seen.add(t.clean().get(r, 1));
            }
        }
        for (int b = 0; b < 2; b++) {
            DMatrixRMaj y = data.nextTrainingBatch(5);
            for (int r = 0; r < 5; r++) {
                seen.add(y.get(r, 1));
            }
        }
        assertEquals(count, seen.size(), "every image used exactly once");
        assertEquals(4, data.initialDictionary().numCols);
    }

    @Test
    void imageTrialsNeedEnoughImages() {
        ImageTrials trials = new ImageTrials(new DMatrixRMaj(10, 4), ImageTransform.BLUR, 0.05, SQUARES);
        GendictException e = assertThrows(GendictException.class, () -> trials.create(0, 1, settings(2)));
        assertTrue(e.getMessage().contains("16 images"), e.getMessage());
    }
}
