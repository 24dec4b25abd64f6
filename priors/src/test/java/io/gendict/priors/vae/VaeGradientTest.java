package io.gendict.priors.vae;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The analytic gradient of the summed negative ELBO (ε fixed) against central finite differences. */
class VaeGradientTest {
    private static final int ROWS = 7;

    @Test
    void gradientMatchesCentralDifferencesAcrossShards() {
        VaeConfig config = VaeConfig.builder().inputDim(6).hidden(4).latent(2).batchSize(ROWS).shardRows(3)
                .threads(2).seed(11).build();
        VaeNetwork net = new VaeNetwork(config, new SplittableRandom(5));
        DMatrixRMaj images = VaeTestData.images(ROWS, 6, 3);
        int[] order = {4, 0, 6, 2, 1, 5, 3};
        try (ShardedPass pass = new ShardedPass(net, config)) {
            pass.run(images, order, 0, ROWS, new SplittableRandom(9), true);
            List<DMatrixRMaj> grads = pass.gradients().stream().map(DMatrixRMaj::copy).toList();
            List<DMatrixRMaj> params = net.parameters();
            double h = 1e-6;
            int checked = 0;
            for (int j = 0; j < params.size(); j++) {
                double[] theta = params.get(j).data;
                for (int i = 0; i < theta.length; i++) {
                    double saved = theta[i];
                    theta[i] = saved + h;
                    double plus = pass.run(images, order, 0, ROWS, new SplittableRandom(9), false);
                    theta[i] = saved - h;
                    double minus = pass.run(images, order, 0, ROWS, new SplittableRandom(9), false);
                    theta[i] = saved;
                    double numeric = (plus - minus) / (2 * h);
                    double analytic = grads.get(j).data[i];
                    assertEquals(numeric, analytic, 1e-6 * Math.max(1, Math.abs(numeric)),
                            "parameter " + j + " entry " + i);
                    checked++;
                }
            }
            assertEquals(6 * 4 + 4 + 4 * 4 + 4 + 2 * 4 + 4 + 4 * 6 + 6, checked);
            assertTrue(grads.stream().anyMatch(g -> g.data[0] != 0), "gradient is not identically zero");
        }
    }
}
