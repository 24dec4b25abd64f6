package io.gendict.theory.estimate;

import io.gendict.core.spi.ReluLayers;

import io.gendict.core.error.Checks;
import io.gendict.core.spi.Gaussian;
import org.ejml.data.DMatrixRMaj;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Estimates the WDC constant of each layer of a bias-free ReLU network (docs/algorithms.md §4.3): N pairs
 * (x, y) uniform on the sphere plus N/4 near-equal (θ ≤ 0.05), N/4 near-opposite (θ ≥ π − 0.05) and
 * N/4 equal pairs; the statistic ‖S_{x,y} − Q_{x,y}‖; the worst pairs refined by hill-climbing
 * (random perturbations of x and y, kept when the statistic grows; the sum is piecewise constant in the
 * activation pattern, so there is no gradient). The verdict uses W rescaled so that mean ‖w_i‖² = k/n,
 * the scale of Hand &amp; Voroninski's N(0, 1/n) entries: a bias-free ReLU net is positively homogeneous,
 * so a layer's scale can be moved into the dictionary and does not matter for the theory.
 *
 * @since 0.1
 */
public final class WdcEstimator {
    private static final double NEAR = 0.05;

    private WdcEstimator() {
    }

    /**
     * Runs {@link #estimate} on every layer, with one split of {@code rng} per layer.
     *
     * @param net      the network's layers
     * @param settings sample sizes and the WDC threshold
     * @param rng      source of randomness. Modified (advanced).
     * @return one estimate per layer, in order
     */
    public static List<WdcEstimate> estimateAll(ReluLayers net, CheckSettings settings, SplittableRandom rng) {
        List<WdcEstimate> out = new ArrayList<>();
        List<DMatrixRMaj> layers = net.reluWeights();
        for (int i = 0; i < layers.size(); i++) {
            out.add(estimate(layers.get(i), i + 1, settings, rng.split()));
        }
        return out;
    }

    /**
     * @param w        n×k weight matrix (rows w_i ∈ R^k). Not modified.
     * @param layer    1-based layer index, for the report
     * @param settings sample sizes and the WDC threshold
     * @param rng      source of randomness. Modified (advanced).
     * @return the estimate
     * @throws io.gendict.core.error.GendictException INVALID_INPUT for a non-finite or all-zero W
     */
    public static WdcEstimate estimate(DMatrixRMaj w, int layer, CheckSettings settings, SplittableRandom rng) {
        String name = "weights of layer " + layer;
        Checks.finite(name, w);
        int n = w.numRows;
        int k = w.numCols;
        double meanSq = 0;
        for (double v : w.data) {
            meanSq += v * v;
        }
        meanSq /= n;
        Checks.parameter(meanSq > 0, name + ": expected a nonzero " + n + "×" + k + " matrix, got all zeros");
        double scale = Math.sqrt((double) k / n / meanSq);
        int random = settings.pairs();
        int special = random / 4;
        List<double[][]> pairs = new ArrayList<>();
        for (int i = 0; i < random; i++) {
            pairs.add(new double[][] {Latents.unitVector(rng, k), Latents.unitVector(rng, k)});
        }
        for (int i = 0; i < special; i++) {
            pairs.add(nearPair(rng, k, NEAR * rng.nextDouble(), 1));
            pairs.add(nearPair(rng, k, NEAR * rng.nextDouble(), -1));
            double[] x = Latents.unitVector(rng, k);
            pairs.add(new double[][] {x, x.clone()});
        }
        WdcStatistic stat = new WdcStatistic(w);
        double[] rescaled = new double[pairs.size()];
        double asGiven = 0;
        for (int i = 0; i < rescaled.length; i++) {
            stat.setPair(pairs.get(i)[0], pairs.get(i)[1]);
            rescaled[i] = stat.deviation(scale);
            asGiven = Math.max(asGiven, stat.deviation(1));
        }
        double sampled = Arrays.stream(rescaled).max().orElse(0);
        int[] worst = IntStream.range(0, rescaled.length).boxed()
                .sorted(Comparator.comparingDouble(i -> -rescaled[i])).limit(settings.refineStarts())
                .mapToInt(Integer::intValue).toArray();
        double epsilon = sampled;
        int evaluations = rescaled.length;
        for (int i : worst) {
            double[] x = pairs.get(i)[0].clone();
            double[] y = pairs.get(i)[1].clone();
            double best = rescaled[i];
            double sigma = 0.1;
            for (int it = 0; it < settings.refineIterations(); it++) {
                double[] xt = perturb(x, sigma, rng);
                double[] yt = perturb(y, sigma, rng);
                stat.setPair(xt, yt);
                double v = stat.deviation(scale);
                evaluations++;
                if (v > best) {
                    best = v;
                    x = xt;
                    y = yt;
                    sigma = Math.min(1, sigma * 1.5);
                } else {
                    sigma *= 0.8;
                }
            }
            epsilon = Math.max(epsilon, best);
            stat.setPair(x, y);
            asGiven = Math.max(asGiven, stat.deviation(1));
        }
        double reference = Math.sqrt(k * Math.log(n) / n);
        boolean holds = epsilon <= settings.wdcThreshold();
        String confidence = "ε̂ is a sampled maximum over " + evaluations + " pairs, so it can only underestimate "
                + "the true ε; the worst pairs sit on activation boundaries, which sampling rarely hits exactly";
        String explanation = String.format(Locale.ROOT,
                "WDC layer %d (%d×%d, expansion n/k = %s): ε̂ = %s after rescaling rows by %s to mean ‖w_i‖² = k/n "
                        + "(%s as given; %s before hill-climbing); Gaussian layers shrink like √(k log n / n) = %s. "
                        + "%s ε̂ %s threshold %s.",
                layer, n, k, Latents.fmt((double) n / k), Latents.fmt(epsilon), Latents.fmt(scale),
                Latents.fmt(asGiven), Latents.fmt(sampled), Latents.fmt(reference), holds ? "Holds:" : "Fails:",
                holds ? "≤" : ">", Latents.fmt(settings.wdcThreshold()));
        return new WdcEstimate("WDC (layer " + layer + ")", layer, n, k, epsilon, asGiven, scale, sampled, reference,
                random, 3 * special, worst.length, settings.wdcThreshold(), holds, evaluations, confidence,
                explanation);
    }

    /** A unit pair at angle φ (sign 1) or π − φ (sign −1). */
    private static double[][] nearPair(SplittableRandom rng, int k, double phi, int sign) {
        double[] x = Latents.unitVector(rng, k);
        double[] w = Latents.unitVector(rng, k);
        double dot = 0;
        for (int j = 0; j < k; j++) {
            dot += w[j] * x[j];
        }
        for (int j = 0; j < k; j++) {
            w[j] -= dot * x[j];
        }
        double nw = Latents.norm(w, 0, k);
        double[] y = new double[k];
        for (int j = 0; j < k; j++) {
            double ortho = nw > 0 ? w[j] / nw : 0;
            y[j] = sign * (Math.cos(phi) * x[j] + Math.sin(phi) * ortho);
        }
        return new double[][] {x, y};
    }

    private static double[] perturb(double[] x, double sigma, SplittableRandom rng) {
        double[] out = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            out[j] = x[j] + sigma * Gaussian.next(rng);
        }
        double nrm = Latents.norm(out, 0, out.length);
        for (int j = 0; j < x.length; j++) {
            out[j] /= nrm;
        }
        return out;
    }
}
