package io.gendict.core.contract;

import io.gendict.core.contract.PlantedProblem.Batch;
import io.gendict.core.spi.SufficientStatisticsRule;
import io.gendict.core.spi.UpdateRule;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * The checks of the update-rule contract ({@link UpdateRule}) on a {@link PlantedProblem}, given a
 * supplier of fresh rule instances (one per learning run, as the rule's provider creates them).
 * The start A0 is A* moved by half its scale; each batch is decoded exactly (X = G(Z) of the
 * planted latents). Each check returns normally or throws {@link ContractViolation}.
 *
 * @since 0.1
 */
public final class UpdateRuleChecks {
    /** Relative Frobenius tolerance of steps that must agree up to floating-point reordering. */
    public static final double REORDERING = 1e-9;
    /** Batches each check feeds through a rule. */
    public static final int BATCHES = 3;

    private UpdateRuleChecks() {
    }

    /**
     * Every update lowers the loss (1/B)·‖Y − X·Aᵀ‖² of the batch it was given, and leaves Y and X
     * unmodified.
     *
     * @param rules   fresh rule instances
     * @param who     names the rule in messages
     * @param problem the planted problem
     * @param seed    seed of the start, the batches and the rule's randomness
     * @param rows    batch size B ≥ 1
     */
    public static void reducesBatchLoss(Supplier<? extends UpdateRule> rules, String who, PlantedProblem problem,
                                        long seed, int rows) {
        UpdateRule rule = started(rules, problem, seed);
        DMatrixRMaj a = problem.perturbed(0.5, seed);
        for (int t = 0; t < BATCHES; t++) {
            Batch batch = problem.batch(rows, seed + 1 + t);
            DMatrixRMaj y = batch.y().copy();
            DMatrixRMaj x = batch.x().copy();
            double before = PlantedProblem.loss(a, y, x);
            rule.update(a, y, x);
            String at = who + " (seed " + seed + ", B=" + rows + ", batch " + t + ")";
            Verify.identical("batch Y before and after the update (update must not modify it)", batch.y(), y, at);
            Verify.identical("batch X before and after the update (update must not modify it)", batch.x(), x, at);
            Verify.shape("dictionary", a, problem.m(), problem.prior().outputDim(), at);
            double after = PlantedProblem.loss(a, y, x);
            Verify.that(after < before, () -> at + ": the update raised the batch loss from " + before + " to " + after);
        }
    }

    /**
     * A {@link SufficientStatisticsRule} steps from the sums YᵀX, XᵀX and B as it steps from the
     * rows, up to reordering; any other rule passes trivially.
     *
     * @param rules   fresh rule instances
     * @param who     names the rule in messages
     * @param problem the planted problem
     * @param seed    seed of the start, the batches and the rule's randomness
     * @param rows    batch size B ≥ 1
     */
    public static void sufficientStatisticsEqualBatch(Supplier<? extends UpdateRule> rules, String who,
                                                      PlantedProblem problem, long seed, int rows) {
        UpdateRule fromRows = started(rules, problem, seed);
        if (!(started(rules, problem, seed) instanceof SufficientStatisticsRule fromSums)) {
            return;
        }
        DMatrixRMaj a = problem.perturbed(0.5, seed);
        DMatrixRMaj b = a.copy();
        for (int t = 0; t < BATCHES; t++) {
            Batch batch = problem.batch(rows, seed + 1 + t);
            DMatrixRMaj yx = new DMatrixRMaj(1, 1);
            DMatrixRMaj xx = new DMatrixRMaj(1, 1);
            CommonOps_DDRM.multTransA(batch.y(), batch.x(), yx);
            CommonOps_DDRM.multTransA(batch.x(), batch.x(), xx);
            fromRows.update(a, batch.y(), batch.x());
            fromSums.update(b, yx, xx, rows);
            Verify.close("dictionaries stepped from the rows and from the sums", a, b, REORDERING,
                    who + " (seed " + seed + ", B=" + rows + ", batch " + t + ")");
        }
    }

    /**
     * The update given the decoded latents too equals the update from X alone, up to reordering.
     *
     * @param rules   fresh rule instances
     * @param who     names the rule in messages
     * @param problem the planted problem
     * @param seed    seed of the start, the batches and the rule's randomness
     * @param rows    batch size B ≥ 1
     */
    public static void latentsGiveTheSameStep(Supplier<? extends UpdateRule> rules, String who, PlantedProblem problem,
                                              long seed, int rows) {
        UpdateRule plain = started(rules, problem, seed);
        UpdateRule withLatents = started(rules, problem, seed);
        DMatrixRMaj a = problem.perturbed(0.5, seed);
        DMatrixRMaj b = a.copy();
        for (int t = 0; t < BATCHES; t++) {
            Batch batch = problem.batch(rows, seed + 1 + t);
            plain.update(a, batch.y(), batch.x());
            withLatents.update(b, batch.y(), batch.x(), batch.z());
            Verify.close("dictionaries stepped without and with the latents", a, b, REORDERING,
                    who + " (seed " + seed + ", B=" + rows + ", batch " + t + ")");
        }
    }

    /**
     * Two rules started with generators of the same seed and fed the same batches step to
     * bit-identical dictionaries.
     *
     * @param rules   fresh rule instances
     * @param who     names the rule in messages
     * @param problem the planted problem
     * @param seed    seed of the start, the batches and the rules' randomness
     * @param rows    batch size B ≥ 1
     */
    public static void sameSeedSameResult(Supplier<? extends UpdateRule> rules, String who, PlantedProblem problem,
                                          long seed, int rows) {
        DMatrixRMaj a = run(started(rules, problem, seed), problem, seed, rows, 0, BATCHES, problem.perturbed(0.5, seed));
        DMatrixRMaj b = run(started(rules, problem, seed), problem, seed, rows, 0, BATCHES, problem.perturbed(0.5, seed));
        Verify.identical("dictionaries of two runs with the same seed", a, b, who + " (seed " + seed + ", B=" + rows + ")");
    }

    /**
     * A rule restored from another's {@link UpdateRule#state()} after some batches continues as
     * that rule does, bit for bit (what a resumed checkpoint relies on).
     *
     * @param rules   fresh rule instances
     * @param who     names the rule in messages
     * @param problem the planted problem
     * @param seed    seed of the start, the batches and the rules' randomness
     * @param rows    batch size B ≥ 1
     */
    public static void stateRestoresTheRun(Supplier<? extends UpdateRule> rules, String who, PlantedProblem problem,
                                           long seed, int rows) {
        UpdateRule original = started(rules, problem, seed);
        DMatrixRMaj a = run(original, problem, seed, rows, 0, BATCHES - 1, problem.perturbed(0.5, seed));
        Map<String, DMatrixRMaj> state = new HashMap<>();
        original.state().forEach((k, v) -> state.put(k, v.copy()));
        UpdateRule resumed = started(rules, problem, seed);
        resumed.restore(state);
        DMatrixRMaj b = run(resumed, problem, seed, rows, BATCHES - 1, BATCHES, a.copy());
        run(original, problem, seed, rows, BATCHES - 1, BATCHES, a);
        Verify.identical("dictionaries of a run and of its restored copy", a, b, who + " (seed " + seed + ", B=" + rows + ")");
    }

    private static UpdateRule started(Supplier<? extends UpdateRule> rules, PlantedProblem problem, long seed) {
        UpdateRule rule = rules.get();
        rule.start(problem.perturbed(0.5, seed), problem.prior(), new SplittableRandom(seed));
        return rule;
    }

    private static DMatrixRMaj run(UpdateRule rule, PlantedProblem problem, long seed, int rows, int from, int to,
                                   DMatrixRMaj a) {
        for (int t = from; t < to; t++) {
            Batch batch = problem.batch(rows, seed + 1 + t);
            rule.update(a, batch.y(), batch.x(), batch.z());
        }
        return a;
    }
}
