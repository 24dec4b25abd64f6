package io.gendict.core.contract;

import io.gendict.core.contract.PlantedProblem.Batch;
import io.gendict.core.spi.DecodeOracle;
import io.gendict.core.spi.DecodeResult;
import io.gendict.core.spi.GenerativePrior;
import org.ejml.data.DMatrixRMaj;

import java.util.Arrays;
import java.util.OptionalDouble;
import java.util.SplittableRandom;

/**
 * The checks of the decode-oracle contract ({@link DecodeOracle}) on a {@link PlantedProblem}: the
 * dictionary is A* moved by 10% so that the data are not exactly representable, and each check
 * names the oracle with {@code who}. Each returns normally or throws {@link ContractViolation}.
 *
 * @since 0.1
 */
public final class OracleChecks {
    /** Relative tolerance of a reported objective against ‖y_b − A·G(z_b)‖² recomputed. */
    public static final double OBJECTIVE_TOLERANCE = 1e-8;

    private OracleChecks() {
    }

    /**
     * Decoding from p_z starts gives B×k finite latents, within the prior's radius if it has one,
     * and per-sample arrays of length B whose objectives are finite and equal ‖y_b − A·G(z_b)‖².
     *
     * @param oracle  the oracle
     * @param who     names the oracle in messages
     * @param problem the planted problem
     * @param seed    seed of the batch, the dictionary's move and the oracle's randomness
     * @param rows    batch size B ≥ 1
     */
    public static void finiteResultsOfTheDocumentedShapes(DecodeOracle oracle, String who, PlantedProblem problem,
                                                         long seed, int rows) {
        GenerativePrior prior = problem.prior();
        Batch batch = problem.batch(rows, seed);
        DMatrixRMaj a = problem.perturbed(0.1, seed + 1);
        String at = who + " (seed " + seed + ", B=" + rows + ")";
        DecodeResult r = oracle.decode(a, prior, batch.y(), null, new SplittableRandom(seed));
        Verify.that(r != null && r.objective() != null && r.iterations() != null && r.converged() != null,
                () -> at + ": decode returned null or a null array");
        Verify.shape("latents", r.z(), rows, prior.latentDim(), at);
        Verify.that(r.objective().length == rows && r.iterations().length == rows && r.converged().length == rows,
                () -> at + ": objective, iterations and converged must have length " + rows + ", got "
                        + r.objective().length + ", " + r.iterations().length + ", " + r.converged().length);
        Verify.finite("latent", r.z().data, r.z().getNumElements(), at);
        Verify.finite("objective", r.objective(), rows, at);
        withinRadius(prior, r.z(), at);
        double[] actual = objectives(a, prior, batch.y(), r.z());
        for (int b = 0; b < rows; b++) {
            double reported = r.objective()[b];
            double truth = actual[b];
            int row = b;
            Verify.that(Math.abs(reported - truth) <= OBJECTIVE_TOLERANCE * Math.max(1, truth),
                    () -> at + ": row " + row + " reports objective " + reported + " but ‖y − A·G(z)‖² is " + truth);
        }
    }

    /**
     * Given starts, no sample ends with a larger objective than its start's: f(ẑ_b) ≤ f(z0_b)
     * up to rounding, with f recomputed from the returned latents.
     *
     * @param oracle  the oracle
     * @param who     names the oracle in messages
     * @param problem the planted problem
     * @param seed    seed of the batch, the starts and the dictionary's move
     * @param rows    batch size B ≥ 1
     */
    public static void objectiveNotAboveStart(DecodeOracle oracle, String who, PlantedProblem problem, long seed,
                                              int rows) {
        GenerativePrior prior = problem.prior();
        Batch batch = problem.batch(rows, seed);
        DMatrixRMaj a = problem.perturbed(0.1, seed + 1);
        DMatrixRMaj start = problem.batch(rows, seed + 2).z();
        clampToRadius(prior, start);
        double[] before = objectives(a, prior, batch.y(), start);
        DMatrixRMaj startCopy = start.copy();
        DecodeResult r = oracle.decode(a, prior, batch.y(), start, new SplittableRandom(seed));
        String at = who + " (seed " + seed + ", B=" + rows + ")";
        Verify.identical("starts before and after decode (decode must not modify them)", startCopy, start, at);
        Verify.shape("latents", r.z(), rows, prior.latentDim(), at);
        double[] after = objectives(a, prior, batch.y(), r.z());
        for (int b = 0; b < rows; b++) {
            double f0 = before[b];
            double f = after[b];
            int row = b;
            Verify.that(f <= f0 + 1e-12 * Math.max(1, f0),
                    () -> at + ": row " + row + " ends at objective " + f + ", above its start's " + f0);
        }
    }

    /**
     * Two decodes with generators of the same seed return bit-identical latents and objectives.
     *
     * @param oracle  the oracle
     * @param who     names the oracle in messages
     * @param problem the planted problem
     * @param seed    seed of the batch and the generators
     * @param rows    batch size B ≥ 1
     */
    public static void sameSeedSameResult(DecodeOracle oracle, String who, PlantedProblem problem, long seed, int rows) {
        Batch batch = problem.batch(rows, seed);
        DMatrixRMaj a = problem.perturbed(0.1, seed + 1);
        DecodeResult first = oracle.decode(a, problem.prior(), batch.y(), null, new SplittableRandom(seed));
        DecodeResult second = oracle.decode(a, problem.prior(), batch.y(), null, new SplittableRandom(seed));
        String at = who + " (seed " + seed + ", B=" + rows + ")";
        Verify.identical("latents of two decodes with the same seed", first.z(), second.z(), at);
        Verify.identical("objectives of two decodes with the same seed", DMatrixRMaj.wrap(1, rows, first.objective()),
                DMatrixRMaj.wrap(1, rows, second.objective()), at);
    }

    private static double[] objectives(DMatrixRMaj a, GenerativePrior prior, DMatrixRMaj y, DMatrixRMaj z) {
        DMatrixRMaj x = new DMatrixRMaj(1, 1);
        prior.forward(z, x);
        return PlantedProblem.rowLosses(a, y, x);
    }

    private static void withinRadius(GenerativePrior prior, DMatrixRMaj z, String who) {
        OptionalDouble radius = prior.latentRadius();
        if (radius.isEmpty()) {
            return;
        }
        int k = z.numCols;
        for (int b = 0; b < z.numRows; b++) {
            double norm = Verify.norm(Arrays.copyOfRange(z.data, b * k, (b + 1) * k));
            int row = b;
            Verify.that(norm <= radius.getAsDouble() * (1 + 1e-9),
                    () -> who + ": row " + row + " has ‖z‖ = " + norm + " beyond the prior's radius " + radius.getAsDouble());
        }
    }

    private static void clampToRadius(GenerativePrior prior, DMatrixRMaj z) {
        OptionalDouble radius = prior.latentRadius();
        int k = z.numCols;
        for (int b = 0; radius.isPresent() && b < z.numRows; b++) {
            double norm = Verify.norm(Arrays.copyOfRange(z.data, b * k, (b + 1) * k));
            double shrink = norm > radius.getAsDouble() ? radius.getAsDouble() / norm : 1;
            for (int j = 0; j < k; j++) {
                z.data[b * k + j] *= shrink;
            }
        }
    }
}
