import io.gendict.core.data.Batch;
import io.gendict.core.data.SyntheticSource;
import io.gendict.core.experiment.SyntheticPreset;
import io.gendict.core.model.Methods;
import io.gendict.core.plugin.PluginLoader;
import io.gendict.core.plugin.PluginRegistry;
import io.gendict.core.spi.Codes;
import io.gendict.core.spi.DictionaryLearner;
import io.gendict.core.spi.GenerativePrior;
import io.gendict.core.spi.LearnerContext;
import io.gendict.core.spi.Registry;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

import java.util.Arrays;

/**
 * Where a generative method's mean error on figure 1b comes from: it trains the method on 10 batches
 * of 30 samples of one draw of the setting (as {@code experiment group-sparsity} does, codes not
 * rounded), codes fresh test samples, and prints the mean and median of ‖A·x̂ − A*·x*‖ and the worst
 * samples with, per feature, the true w* = z*∘z* beside the decoded ŵ = ẑ∘ẑ. A worst sample whose ŵ
 * has a zero where w* has not, and whose ŵ is not proportional to w*, lies outside the cone the method
 * learned: its code is the nearest point of the wrong cone. Usage:
 * {@code java --add-modules jdk.incubator.vector -cp cli/target/gendict.jar bench/GroupSparsityOutliers.java
 * [method] [seed] [test samples]} (defaults feature-als, 1, 600).
 */
public final class GroupSparsityOutliers {
    private static final int BATCHES = 10;
    private static final int BATCH = 30;
    private static final int WORST = 5;

    public static void main(String[] args) {
        String method = args.length > 0 ? args[0] : "feature-als";
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
        int tests = args.length > 2 ? Integer.parseInt(args[2]) : 600;
        Registry registry = PluginRegistry.of(new PluginLoader().load(null));
        if (!Methods.generative(method, registry)) {
            System.err.println("GroupSparsityOutliers: '" + method + "' is not a generative method");
            System.exit(2);
        }
        SyntheticPreset preset = SyntheticPreset.named("group-sparsity");
        GenerativePrior prior = SyntheticPreset.priorForSeed(registry, preset.prior()).apply(seed);
        SyntheticSource source = SyntheticSource.builder(prior, preset.m(), seed).sigma(preset.sigma()).build();
        DictionaryLearner learner = Methods.create(method, null, null,
                new LearnerContext(preset.m(), prior, source.initialDictionary(), seed, 2), registry);
        for (int b = 0; b < BATCHES; b++) {
            learner.fit(source.next(BATCH).y());
        }
        Batch test = source.next(tests);
        Codes codes = learner.encode(test.y());
        DMatrixRMaj x = new DMatrixRMaj(tests, prior.outputDim());
        learner.coefficients(codes, x);
        DMatrixRMaj reconstructed = new DMatrixRMaj(tests, preset.m());
        CommonOps_DDRM.multTransB(x, learner.dictionary(), reconstructed);
        double[] errors = new double[tests];
        Integer[] order = new Integer[tests];
        for (int i = 0; i < tests; i++) {
            errors[i] = rowDistance(reconstructed, test.clean(), i);
            order[i] = i;
        }
        Arrays.sort(order, (i, j) -> Double.compare(errors[j], errors[i]));
        double[] sorted = errors.clone();
        Arrays.sort(sorted);
        System.out.printf("%s, seed %d, %d test samples: mean error %.4f, median %.4f, noise norm about %.2f%n", method,
                seed, tests, Arrays.stream(errors).average().orElse(Double.NaN), sorted[tests / 2],
                preset.sigma() * Math.sqrt(preset.m()));
        for (int r = 0; r < Math.min(WORST, tests); r++) {
            int i = order[r];
            StringBuilder codesText = new StringBuilder();
            for (int f = 0; f < prior.latentDim(); f++) {
                double truth = test.z().get(i, f);
                double decoded = codes.values().get(i, f);
                codesText.append(String.format(" %.3f/%.1f", truth * truth, decoded * decoded));
            }
            System.out.printf("  error %.3f, residual %.3f, w*/w^:%s%n", errors[i],
                    rowDistance(reconstructed, test.y(), i), codesText);
        }
    }

    /** @return ‖a_i − b_i‖ for row i */
    private static double rowDistance(DMatrixRMaj a, DMatrixRMaj b, int i) {
        double s = 0;
        for (int j = 0; j < a.numCols; j++) {
            double d = a.get(i, j) - b.get(i, j);
            s += d * d;
        }
        return Math.sqrt(s);
    }
}
