package io.gendict.core.contract;

import io.gendict.core.contract.PlantedProblem.Batch;
import io.gendict.core.spi.BlockEncoder;
import io.gendict.core.spi.Checkpointable;
import io.gendict.core.spi.Codes;
import io.gendict.core.spi.DictionaryLearner;
import io.gendict.core.spi.LearnerContext;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The checks of the dictionary-learner contract ({@link DictionaryLearner}, the face of baselines
 * and methods) on a {@link PlantedProblem}, given a function from a {@link LearnerContext} to a new
 * learner. Unless a check says otherwise the context has no initial dictionary, so the method's own
 * seeded initialisation is exercised too, and learners see {@link #BATCHES} batches of B rows.
 * Each check returns normally or throws {@link ContractViolation}.
 *
 * @since 0.1
 */
public final class LearnerChecks {
    /** Training batches each check fits. */
    public static final int BATCHES = 3;
    /** Relative tolerance of an initial dictionary's column against the learner's (which may normalise it). */
    public static final double DIRECTION_TOLERANCE = 1e-9;

    private LearnerChecks() {
    }

    /**
     * A learner given an initial m×atoms dictionary starts from it: before any batch its dictionary
     * has that shape and each column points the way the given column does (a learner may rescale
     * columns, e.g. to unit norm).
     *
     * @param learners creates a learner for a context
     * @param who      names the learner in messages
     * @param problem  the planted problem
     * @param atoms    columns of the initial dictionary the learner accepts
     * @param seed     seed of the initial dictionary and of the context
     */
    public static void initialDictionaryHonoured(Function<LearnerContext, ? extends DictionaryLearner> learners,
                                                 String who, PlantedProblem problem, int atoms, long seed) {
        DMatrixRMaj a0 = PlantedProblem.randomDictionary(problem.m(), atoms, ~seed);
        DictionaryLearner learner = learners.apply(new LearnerContext(problem.m(), problem.prior(), a0.copy(), seed, 1));
        String at = who + " (seed " + seed + ")";
        DMatrixRMaj d = learner.dictionary();
        Verify.shape("dictionary before any batch, given an initial dictionary,", d, problem.m(), atoms, at);
        for (int j = 0; j < atoms; j++) {
            DMatrixRMaj given = unit(CommonOps_DDRM.extractColumn(a0, j, null));
            DMatrixRMaj used = unit(CommonOps_DDRM.extractColumn(d, j, null));
            int col = j;
            double err = distance(given, used);
            Verify.that(err <= DIRECTION_TOLERANCE, () -> at + ": column " + col
                    + " of the dictionary before any batch is not the initial dictionary's (direction differs by "
                    + err + "); LearnerContext.initialDictionary must be honoured");
        }
    }

    /**
     * A learner asked for {@code atoms} atoms (a baseline's {@code atoms} parameter, which
     * {@code learn --atoms} sets) has an m×atoms dictionary after training (a learner may take its
     * atoms from the first batch), and codes against all of them.
     *
     * @param learners creates a learner for a context, with the atoms asked for
     * @param who      names the learner in messages
     * @param problem  the planted problem
     * @param atoms    the number of atoms asked for
     * @param seed     seed of the batches and of the context
     * @param rows     batch size B ≥ 1
     */
    public static void atomsHonoured(Function<LearnerContext, ? extends DictionaryLearner> learners, String who,
                                     PlantedProblem problem, int atoms, long seed, int rows) {
        DictionaryLearner learner = learners.apply(context(problem, seed, 1));
        String at = who + " (seed " + seed + ", B=" + rows + ", " + atoms + " atoms asked for)";
        for (int t = 0; t < BATCHES; t++) {
            learner.fit(problem.batch(rows, seed + 1 + t).y());
        }
        Verify.shape("dictionary after " + BATCHES + " batches", learner.dictionary(), problem.m(), atoms, at);
        DMatrixRMaj x = new DMatrixRMaj(rows, atoms);
        learner.coefficients(learner.encode(problem.batch(rows, seed - 1).y()), x);
        Verify.shape("coefficients", x, rows, atoms, at);
    }

    /**
     * Every listener is called after every batch, in order, with the batch index, the samples seen
     * so far (as {@link DictionaryLearner#samplesSeen()} counts them), an m×n dictionary and a finite
     * training error.
     *
     * @param learners creates a learner for a context
     * @param who      names the learner in messages
     * @param problem  the planted problem
     * @param seed     seed of the batches and of the context
     * @param rows     batch size B ≥ 1
     */
    public static void listenersCalledAfterEveryBatch(Function<LearnerContext, ? extends DictionaryLearner> learners,
                                                      String who, PlantedProblem problem, long seed, int rows) {
        DictionaryLearner learner = learners.apply(context(problem, seed, 1));
        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();
        String at = who + " (seed " + seed + ", B=" + rows + ")";
        learner.addListener((batch, seen, dictionary, error) -> {
            Verify.that(dictionary != null && dictionary.numRows == problem.m(),
                    () -> at + ": listener got a dictionary that is not m×n with m = " + problem.m());
            Verify.that(Double.isFinite(error), () -> at + ": listener got a non-finite training error " + error);
            first.add(batch + "/" + seen);
        });
        learner.addListener((batch, seen, dictionary, error) -> second.add(batch + "/" + seen));
        List<String> expected = new ArrayList<>();
        for (int t = 0; t < BATCHES; t++) {
            learner.fit(problem.batch(rows, seed + 1 + t).y());
            expected.add(t + "/" + (long) (t + 1) * rows);
        }
        Verify.that(first.equals(expected) && second.equals(expected), () -> at + ": after " + BATCHES
                + " batches the listeners were called with (batch/samplesSeen) " + first + " and " + second
                + ", expected " + expected + " each");
        Verify.that(learner.samplesSeen() == (long) BATCHES * rows,
                () -> at + ": samplesSeen() is " + learner.samplesSeen() + " after " + BATCHES + " batches of " + rows);
    }

    /**
     * Codes and coefficients have the documented shapes: B rows of finite values; for sparse codes
     * as many indices as values, each −1 or an atom index; coefficients B×n for an m×n dictionary;
     * and a {@link BlockEncoder} over blocks of {@link BlockEncoder#ROW_MULTIPLE} rows gives the
     * codes of one encode of all rows, bit for bit.
     *
     * @param learners creates a learner for a context
     * @param who      names the learner in messages
     * @param problem  the planted problem
     * @param seed     seed of the batches and of the context
     * @param rows     batch size B ≥ 1
     */
    public static void codesAndCoefficientsHaveTheDocumentedShapes(
            Function<LearnerContext, ? extends DictionaryLearner> learners, String who, PlantedProblem problem,
            long seed, int rows) {
        DictionaryLearner learner = trained(learners, context(problem, seed, 1), problem, seed, rows);
        int tested = BlockEncoder.ROW_MULTIPLE + rows;
        DMatrixRMaj y = problem.batch(tested, seed - 1).y();
        String at = who + " (seed " + seed + ", B=" + rows + ")";
        int n = learner.dictionary().numCols;
        Verify.shape("dictionary", learner.dictionary(), problem.m(), n, at);
        Codes codes = learner.encode(y);
        Verify.that(codes != null && codes.values() != null, () -> at + ": encode returned null codes");
        Verify.that(codes.values().numRows == tested,
                () -> at + ": encode of " + tested + " rows returned " + codes.values().numRows + " rows of codes");
        Verify.finite("code", codes.values().data, codes.values().getNumElements(), at);
        if (codes.sparse()) {
            Verify.that(codes.indices().length == codes.values().getNumElements(), () -> at + ": sparse codes hold "
                    + codes.indices().length + " indices for " + codes.values().getNumElements() + " values");
            for (int index : codes.indices()) {
                Verify.that(index >= -1 && index < n, () -> at + ": sparse code names atom " + index + " of " + n);
            }
        }
        DMatrixRMaj x = new DMatrixRMaj(tested, n);
        learner.coefficients(codes, x);
        Verify.shape("coefficients", x, tested, n, at);
        Verify.finite("coefficient", x.data, x.getNumElements(), at);
        DictionaryLearner twin = trained(learners, context(problem, seed, 1), problem, seed, rows);
        BlockEncoder blocks = twin.blockEncoder();
        Codes head = blocks.encode(CommonOps_DDRM.extract(y, 0, BlockEncoder.ROW_MULTIPLE, 0, y.numCols));
        Codes tail = blocks.encode(CommonOps_DDRM.extract(y, BlockEncoder.ROW_MULTIPLE, tested, 0, y.numCols));
        Verify.identical("codes of one encode and of its block encoder's two blocks", codes.values(),
                CommonOps_DDRM.concatRowsMulti(head.values(), tail.values()), at);
    }

    /**
     * A {@link Checkpointable} learner restored from another's state after some batches continues as
     * that learner does, bit for bit (dictionary, samples seen and codes); other learners pass
     * trivially.
     *
     * @param learners creates a learner for a context
     * @param who      names the learner in messages
     * @param problem  the planted problem
     * @param seed     seed of the batches and of the context
     * @param rows     batch size B ≥ 1
     */
    public static void checkpointRestoresTheRun(Function<LearnerContext, ? extends DictionaryLearner> learners,
                                                String who, PlantedProblem problem, long seed, int rows) {
        LearnerContext context = context(problem, seed, 1);
        DictionaryLearner original = learners.apply(context);
        if (!(original instanceof Checkpointable saved)) {
            return;
        }
        for (int t = 0; t < BATCHES - 1; t++) {
            original.fit(problem.batch(rows, seed + 1 + t).y());
        }
        Map<String, DMatrixRMaj> state = new HashMap<>();
        saved.state().forEach((k, v) -> state.put(k, v.copy()));
        DictionaryLearner resumed = learners.apply(context);
        ((Checkpointable) resumed).restore(state);
        DMatrixRMaj last = problem.batch(rows, seed + BATCHES).y();
        original.fit(last);
        resumed.fit(last);
        sameState(original, resumed, "a run and its restored checkpoint", problem, seed, who + " (seed " + seed + ", B=" + rows + ")");
    }

    /**
     * Two learners of the same context, fed the same batches, end with bit-identical dictionaries,
     * counters and codes.
     *
     * @param learners creates a learner for a context
     * @param who      names the learner in messages
     * @param problem  the planted problem
     * @param seed     seed of the batches and of the context
     * @param rows     batch size B ≥ 1
     */
    public static void sameSeedSameResult(Function<LearnerContext, ? extends DictionaryLearner> learners, String who,
                                          PlantedProblem problem, long seed, int rows) {
        sameState(trained(learners, context(problem, seed, 1), problem, seed, rows),
                trained(learners, context(problem, seed, 1), problem, seed, rows),
                "two runs with the same seed", problem, seed, who + " (seed " + seed + ", B=" + rows + ")");
    }

    /**
     * A learner given several threads ends bit-identical to one given one thread.
     *
     * @param learners creates a learner for a context
     * @param who      names the learner in messages
     * @param problem  the planted problem
     * @param seed     seed of the batches and of the context
     * @param rows     batch size B ≥ 1
     * @param threads  the thread count compared with one thread, ≥ 2
     */
    public static void threadCountDoesNotChangeTheResult(Function<LearnerContext, ? extends DictionaryLearner> learners,
                                                         String who, PlantedProblem problem, long seed, int rows,
                                                         int threads) {
        sameState(trained(learners, context(problem, seed, 1), problem, seed, rows),
                trained(learners, context(problem, seed, threads), problem, seed, rows),
                "runs with 1 and " + threads + " threads", problem, seed, who + " (seed " + seed + ", B=" + rows + ")");
    }

    private static LearnerContext context(PlantedProblem problem, long seed, int threads) {
        return new LearnerContext(problem.m(), problem.prior(), null, seed, threads);
    }

    private static DictionaryLearner trained(Function<LearnerContext, ? extends DictionaryLearner> learners,
                                             LearnerContext context, PlantedProblem problem, long seed, int rows) {
        DictionaryLearner learner = learners.apply(context);
        for (int t = 0; t < BATCHES; t++) {
            learner.fit(problem.batch(rows, seed + 1 + t).y());
        }
        return learner;
    }

    private static void sameState(DictionaryLearner a, DictionaryLearner b, String what, PlantedProblem problem,
                                  long seed, String who) {
        Verify.identical("dictionaries of " + what, a.dictionary(), b.dictionary(), who);
        Verify.that(a.samplesSeen() == b.samplesSeen(),
                () -> who + ": samples seen by " + what + " differ: " + a.samplesSeen() + " vs " + b.samplesSeen());
        Batch test = problem.batch(BlockEncoder.ROW_MULTIPLE, seed - 1);
        Verify.identical("codes of " + what, a.encode(test.y()).values(), b.encode(test.y()).values(), who);
    }

    private static DMatrixRMaj unit(DMatrixRMaj column) {
        double norm = Verify.norm(Verify.values(column));
        if (norm > 0) {
            CommonOps_DDRM.divide(column, norm);
        }
        return column;
    }

    private static double distance(DMatrixRMaj a, DMatrixRMaj b) {
        double s = 0;
        for (int i = 0; i < a.getNumElements(); i++) {
            double d = a.data[i] - b.data[i];
            s += d * d;
        }
        return Math.sqrt(s);
    }
}
