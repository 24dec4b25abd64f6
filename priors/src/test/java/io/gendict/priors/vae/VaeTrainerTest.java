package io.gendict.priors.vae;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Training on a small synthetic set: progress, determinism, thread-count independence. */
class VaeTrainerTest {
    private static final DMatrixRMaj IMAGES = VaeTestData.images(90, 16, 7);

    private static VaeConfig.Builder small() {
        return VaeConfig.builder().inputDim(16).hidden(12).latent(3).batchSize(20).shardRows(6)
                .learningRate(1e-2).epochs(30).seed(42);
    }

    @Test
    void lossDecreasesAndListenerSeesEveryBatchAndEpoch() {
        List<Double> losses = new ArrayList<>();
        List<Double> snapshotLosses = new ArrayList<>();
        int[] batchCalls = {0};
        VaeModel model = new VaeTrainer().train(IMAGES, small().build(), new EpochListener() {
            @Override
            public void epochDone(int epoch, double meanLoss, VaeModel snapshot) {
                assertEquals(losses.size() + 1, epoch);
                losses.add(meanLoss);
                snapshotLosses.add(snapshot.evaluate(IMAGES));
            }

            @Override
            public void batchDone(int epoch, int batch, int batches) {
                assertEquals(5, batches);
                batchCalls[0]++;
            }
        });
        assertEquals(30, losses.size());
        assertEquals(30 * 5, batchCalls[0]);
        double first = losses.get(0);
        double last = losses.get(losses.size() - 1);
        assertTrue(last < 0.7 * first, "loss " + first + " -> " + last);
        double evaluated = model.evaluate(IMAGES);
        assertEquals(snapshotLosses.get(29), evaluated, 0.0);
        assertTrue(Math.abs(evaluated - last) < 0.2 * last, "test " + evaluated + " vs train " + last);
    }

    @Test
    void sameSeedGivesIdenticalWeightsDifferentSeedDoesNot() {
        Map<String, DMatrixRMaj> a = new VaeTrainer().train(IMAGES, small().epochs(3).build(), EpochListener.NONE).weights();
        Map<String, DMatrixRMaj> b = new VaeTrainer().train(IMAGES, small().epochs(3).build(), EpochListener.NONE).weights();
        Map<String, DMatrixRMaj> c = new VaeTrainer().train(IMAGES, small().epochs(3).seed(43).build(),
                EpochListener.NONE).weights();
        assertIdentical(a, b);
        assertFalse(Arrays.equals(a.get("fc1.weight").data, c.get("fc1.weight").data));
    }

    @Test
    void threadCountDoesNotChangeWeightsOrLoss() {
        VaeModel one = new VaeTrainer().train(IMAGES, small().epochs(3).threads(1).build(), EpochListener.NONE);
        VaeModel three = new VaeTrainer().train(IMAGES, small().epochs(3).threads(3).build(), EpochListener.NONE);
        assertIdentical(one.weights(), three.weights());
        assertEquals(one.evaluate(IMAGES), three.evaluate(IMAGES), 0.0);
    }

    private static void assertIdentical(Map<String, DMatrixRMaj> a, Map<String, DMatrixRMaj> b) {
        assertEquals(a.keySet(), b.keySet());
        for (String key : a.keySet()) {
            assertArrayEquals(a.get(key).data, b.get(key).data, 0.0, key);
        }
    }
}
