package io.gendict.theory.estimate;

import io.gendict.core.spi.ReluLayers;

import io.gendict.core.error.Checks;
import io.gendict.core.io.StrictJson;
import io.gendict.core.spi.GenerativePrior;
import org.ejml.data.DMatrixRMaj;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Every condition of the paper checked for one prior and one dictionary (docs/algorithms.md §1, §4),
 * after the cheap part of the prior contract ({@link PriorContractEstimator}): Assumption 1 (R), the
 * S-REC, the RRIC, the WDC of each layer when the prior implements
 * {@link ReluLayers} (empty otherwise), and Assumptions 5–6 (C*, ν, the Assumption 6 expression, with
 * R = the sampled max ‖G(z)‖), and the geometric rate of Algorithm 1 run noiseless from a Δ = 0.05
 * start around the dictionary taken as A* ({@link ConvergenceRun}, η = 0.5, 40 steps of 20n
 * samples). Works for any {@link GenerativePrior}, third-party included. Each
 * estimator draws from its own split of the seed, in the order of the components, so a report is
 * reproducible from {@link CheckSettings#seed()}. Renders as text ({@link #toText()}) or JSON
 * ({@link #toJson()}: strict JSON, NaN and ±∞ written as {@code null} and named in the object's
 * {@code nonFinite} member, see {@link StrictJson}).
 *
 * @param prior          the prior's spec string
 * @param latentLaw      the prior's latent distribution
 * @param latentDim      k
 * @param outputDim      n
 * @param dictionaryRows m
 * @param settings       the settings used
 * @param contract       the prior contract's VJP and finiteness checks
 * @param outputBound    Assumption 1
 * @param srec           Assumption 2
 * @param rric           the RRIC of Theorem 5.3
 * @param wdc            the WDC per layer (empty when the prior exposes no ReLU layers)
 * @param secondMoment   Assumptions 5–6
 * @param convergence    Theorem 5.1's geometric rate, fitted
 * @since 0.1
 */
public record TheoryReport(String prior, String latentLaw, int latentDim, int outputDim, int dictionaryRows,
                           CheckSettings settings, PriorContractEstimate contract, OutputBoundEstimate outputBound,
                           SrecEstimate srec,
                           RricEstimate rric, List<WdcEstimate> wdc, SecondMomentEstimate secondMoment,
                           ConvergenceFit convergence) {
    private static final double CONVERGENCE_DELTA = 0.05;
    private static final double CONVERGENCE_ETA = 0.5;
    private static final int CONVERGENCE_STEPS = 40;

    /** Defensive copy of the layer list. */
    public TheoryReport {
        wdc = List.copyOf(wdc);
    }

    /**
     * Runs every estimator.
     *
     * @param prior    the generative prior
     * @param a        m×n dictionary. Not modified.
     * @param cInverse n×n inverse estimate of C* whose ν is wanted, or null to use the Monte-Carlo one.
     *                 Not modified.
     * @param settings sample sizes, thresholds and the seed
     * @return the report
     * @throws io.gendict.core.error.GendictException INVALID_INPUT for a dictionary or C⁻¹ of the wrong
     *                                                shape or with non-finite entries
     */
    public static TheoryReport compute(GenerativePrior prior, DMatrixRMaj a, DMatrixRMaj cInverse,
                                       CheckSettings settings) {
        Checks.shape("dictionary A", a, -1, prior.outputDim());
        Checks.finite("dictionary A", a);
        SplittableRandom root = new SplittableRandom(settings.seed());
        PriorContractEstimate contract = PriorContractEstimator.estimate(prior, new SplittableRandom(~settings.seed()));
        OutputBoundEstimate bound = OutputBoundEstimator.estimate(prior, settings, root.split());
        SrecEstimate srec = SrecEstimator.estimate(prior, a, settings, root.split());
        RricEstimate rric = RricEstimator.estimate(prior, a, settings, root.split());
        SplittableRandom wdcRng = root.split();
        List<WdcEstimate> wdc = prior instanceof ReluLayers layers
                ? WdcEstimator.estimateAll(layers, settings, wdcRng) : List.of();
        SecondMomentEstimate moment = SecondMomentEstimator.estimate(prior, cInverse, bound.max(), settings,
                root.split());
        ConvergenceFit convergence = ConvergenceRun.run(prior, a, CONVERGENCE_DELTA, CONVERGENCE_ETA, 0.0,
                CONVERGENCE_STEPS, 20 * prior.outputDim(), settings.momentSamples(), root.nextLong()).fit();
        return new TheoryReport(prior.params().toSpecString(), prior.latentDistribution().describe(),
                prior.latentDim(), prior.outputDim(), a.numRows, settings, contract, bound, srec, rric, wdc, moment, convergence);
    }

    /** @return the results in report order: prior contract, R, S-REC, RRIC, WDC layers, second moment, convergence */
    public List<CheckResult> results() {
        List<CheckResult> out = new ArrayList<>(List.of(contract, outputBound, srec, rric));
        out.addAll(wdc);
        out.add(secondMoment);
        out.add(convergence);
        return out;
    }

    /** @return whether every checked condition holds by its estimate */
    public boolean allHold() {
        return results().stream().allMatch(CheckResult::holds);
    }

    /** @return a readable multi-line summary: one block per condition with verdict, explanation and caveat */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Theory checks for prior %s (k = %d, n = %d, z ~ %s), dictionary %d×%d, "
                + "seed %d%n", prior, latentDim, outputDim, latentLaw, dictionaryRows, outputDim, settings.seed()));
        if (wdc.isEmpty()) {
            sb.append("WDC: skipped (the prior does not expose ReLU layer weights through ReluLayers)")
                    .append(System.lineSeparator());
        }
        for (CheckResult r : results()) {
            sb.append(System.lineSeparator())
                    .append(r.holds() ? "[holds] " : "[fails] ").append(r.condition())
                    .append(" — ").append(r.sampleCount()).append(" samples").append(System.lineSeparator())
                    .append("  ").append(r.explanation()).append(System.lineSeparator())
                    .append("  Caveat: ").append(r.confidence()).append(System.lineSeparator());
        }
        sb.append(System.lineSeparator()).append(allHold() ? "All checked conditions hold."
                : "Some conditions fail; the paper's guarantees do not apply as stated.").append(System.lineSeparator());
        return sb.toString();
    }

    /** @return the report as pretty-printed strict JSON (every record component; NaN/±∞ as {@link StrictJson}) */
    public String toJson() {
        return StrictJson.toJson(this);
    }
}
