package io.gendict.methods;

import io.gendict.oracles.Synthetic;
import io.gendict.oracles.TestPriors;
import io.gendict.core.plugin.PluginLoader;
import io.gendict.core.plugin.PluginRegistry;
import io.gendict.core.spi.Registry;
import io.gendict.core.experiment.MethodCatalog;
import io.gendict.core.spi.DictionaryLearner;
import io.gendict.core.spi.GenerativePrior;
import io.gendict.core.spi.LearnerContext;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Measures test error after each batch and seconds per training batch of the generative methods on the
 * paper's two synthetic settings (docs/algorithms.md §3: training batches of B = 30 unless given, 5
 * test batches of 30, σ = 0.1). Time is the training thread's CPU time (robust to other load on the
 * machine) with one thread, wall time with more or with -Dwall=true. Arguments: {@code
 * setting(dependencies|group-sparsity) methods(comma list) trials batches threads [batch size]}.
 * Not a test; run with {@code java -cp ... io.gendict.methods.GenerativeMethodsBench}.
 */
public final class GenerativeMethodsBench {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final List<Double> ENCODE = new ArrayList<>();

    private GenerativeMethodsBench() {
    }

    /** @param args setting, comma-separated methods, trials, batches */
    public static void main(String[] args) {
        String setting = args.length > 0 ? args[0] : "dependencies";
        String[] methods = (args.length > 1 ? args[1] : "fast,altmin,algorithm1,autodiff").split(",");
        int trials = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        int batches = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        int threads = args.length > 4 ? Integer.parseInt(args[4]) : 1;
        int batchSize = args.length > 5 ? Integer.parseInt(args[5]) : 30;
        Registry registry = PluginRegistry.of(new PluginLoader().load(null));
        for (String method : methods) {
            double[][] err = new double[trials][batches];
            double[][] secs = new double[trials][batches];
            for (int t = 0; t < trials; t++) {
                run(setting, method, registry, 1000 + t, threads, batchSize, err[t], secs[t]);
            }
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-16s %-11s", setting, method));
            for (int b = 0; b < batches; b++) {
                double[] col = new double[trials];
                for (int t = 0; t < trials; t++) {
                    col[t] = err[t][b];
                }
                sb.append(String.format(Locale.ROOT, " %8.3f", mean(col)));
            }
            List<Double> all = new ArrayList<>();
            for (double[] s : secs) {
                for (double v : s) {
                    all.add(v);
                }
            }
            double[] last = new double[trials];
            for (int t = 0; t < trials; t++) {
                last[t] = err[t][batches - 1];
            }
            double[] sorted = all.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            sb.append(String.format(Locale.ROOT, " | final %.3f ± %.3f | mean %.4f, median %.4f s/batch",
                    mean(last), std(last), mean(sorted), sorted[sorted.length / 2]));
            double[] encode = ENCODE.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            ENCODE.clear();
            sb.append(String.format(Locale.ROOT, " | encode of 150 test samples: median %.4f s (CPU)", encode[encode.length / 2]));
            System.out.println(sb);
        }
    }

    private static void run(String setting, String method, Registry registry, long seed, int threads, int batchSize,
                            double[] err, double[] secs) {
        SplittableRandom rng = new SplittableRandom(seed);
        boolean deps = setting.equals("dependencies");
        GenerativePrior prior = deps ? TestPriors.dependencies(3) : TestPriors.groupSparsity(300, 10, 0.6, rng.nextLong());
        int m = deps ? 10 : 784;
        Synthetic data = new Synthetic(prior, m, 0.1, rng.split());
        List<Synthetic.Batch> test = new ArrayList<>();
        SplittableRandom testRng = rng.split();
        for (int i = 0; i < 5; i++) {
            test.add(data.batch(30, testRng));
        }
        SplittableRandom trainRng = rng.split();
        DictionaryLearner learner = new MethodCatalog(registry).create(method, new LearnerContext(m, prior, null, seed, threads));
        for (int b = 0; b < err.length; b++) {
            Synthetic.Batch batch = data.batch(batchSize, trainRng);
            boolean cpu = threads == 1 && !Boolean.getBoolean("wall");
            long t0 = cpu ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
            learner.fit(batch.y());
            secs[b] = ((cpu ? THREADS.getCurrentThreadCpuTime() : System.nanoTime()) - t0) / 1e9;
            double e = 0;
            long e0 = THREADS.getCurrentThreadCpuTime();
            for (Synthetic.Batch tb : test) {
                e += data.testError(learner, tb);
            }
            ENCODE.add((THREADS.getCurrentThreadCpuTime() - e0) / 1e9);
            err[b] = e / test.size();
        }
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double std(double[] v) {
        double mu = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - mu) * (x - mu);
        }
        return v.length > 1 ? Math.sqrt(s / (v.length - 1)) : 0;
    }
}
