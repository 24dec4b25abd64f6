package io.gendict.baselines;

import io.gendict.baselines.omp.Synthetic;
import io.gendict.core.param.Params;
import io.gendict.core.spi.BaselineProvider;
import io.gendict.core.spi.DictionaryLearner;
import io.gendict.core.spi.LearnerContext;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The classic K-SVD test: 1,500 noiseless signals, each 3-sparse (N(0,1) values) over a random
 * unit-norm dictionary of 50 atoms in dimension 20; a learned atom matches a true one when
 * |⟨a, â⟩| &gt; 0.99. At least 95% of the atoms must be recovered.
 */
class PlantedRecoveryTest {

    @ParameterizedTest
    @CsvSource({
            "ksvd, 'iterations=60', 1",
            "ksvd, 'iterations=60,min-use=4', 1",
            "ksvd, 'iterations=100,min-use=4', 1",
            "approximate-ksvd, 'iterations=60,min-use=4', 1",
            "approximate-ksvd, 'iterations=60', 1",
            "online-dl, '', 60",
            "mod, 'mode=batch,iterations=60', 1",
    })
    void recoversPlantedDictionary(String method, String extra, int epochs) {
        SplittableRandom rng = new SplittableRandom(2024);
        DMatrixRMaj truth = Synthetic.dictionary(20, 50, rng);
        DMatrixRMaj y = Synthetic.signals(truth, Synthetic.sparseCodes(1500, 50, 3, 0, 0, rng));
        Map<String, Object> raw = new java.util.LinkedHashMap<>(Map.of("atoms", "50", "sparsity", "3"));
        if (!extra.isEmpty()) {
            for (String kv : extra.split(",")) {
                raw.put(kv.split("=")[0], kv.split("=")[1]);
            }
        }
        BaselineProvider provider = Providers.byName(method);
        Params params = provider.parameters().validate(method, raw);
        DictionaryLearner learner = provider.create(params, new LearnerContext(20, null, null, 7, 2));
        int batch = epochs == 1 ? 1500 : 100;
        for (int e = 0; e < epochs; e++) {
            for (int b = 0; b < 1500; b += batch) {
                learner.fit(CommonOps_DDRM.extract(y, b, b + batch, 0, 20));
            }
        }
        double recovered = Planted.recovered(truth, learner.dictionary(), 0.99);
        System.err.println(method + " recovered " + recovered);
        assertTrue(recovered >= 0.95, method + " recovered " + recovered);
    }
}
