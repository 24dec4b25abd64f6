package io.gendict.testkit;

import io.gendict.core.param.ParamSpec;
import io.gendict.core.param.Params;
import io.gendict.core.spi.DecodeOracle;
import io.gendict.core.spi.DecodeResult;
import io.gendict.core.spi.GenerativePrior;
import io.gendict.core.spi.OracleProvider;
import io.gendict.core.spi.Registry;
import org.ejml.data.DMatrixRMaj;

import java.util.SplittableRandom;

/**
 * Gradient descent with backtracking on f(z) = ‖y − A·G(z)‖², 30 steps per sample; the unseeded
 * variant draws its starts from a generator of its own instead of the one it is given.
 */
final class ToyOracleProvider implements OracleProvider {
    private final boolean unseeded;

    ToyOracleProvider(boolean unseeded) {
        this.unseeded = unseeded;
    }

    @Override
    public String name() {
        return "toy-descent";
    }

    @Override
    public String description() {
        return "gradient descent with backtracking";
    }

    @Override
    public ParamSpec parameters() {
        return ParamSpec.empty();
    }

    @Override
    public DecodeOracle create(Params params, Registry registry) {
        return this::decode;
    }

    private DecodeResult decode(DMatrixRMaj a, GenerativePrior prior, DMatrixRMaj y, DMatrixRMaj start,
                                SplittableRandom rng) {
        int rows = y.numRows;
        int k = prior.latentDim();
        DMatrixRMaj z = new DMatrixRMaj(rows, k);
        if (start != null) {
            z.setTo(start);
        } else {
            prior.latentDistribution().sample(unseeded ? new SplittableRandom() : rng, z);
        }
        double[] objective = new double[rows];
        for (int b = 0; b < rows; b++) {
            DMatrixRMaj zb = new DMatrixRMaj(1, k, true, java.util.Arrays.copyOfRange(z.data, b * k, (b + 1) * k));
            DMatrixRMaj yb = new DMatrixRMaj(1, y.numCols, true, java.util.Arrays.copyOfRange(y.data, b * y.numCols,
                    (b + 1) * y.numCols));
            objective[b] = descend(a, prior, yb, zb);
            System.arraycopy(zb.data, 0, z.data, b * k, k);
        }
        return new DecodeResult(z, objective, new int[rows], new boolean[rows]);
    }

    private static double descend(DMatrixRMaj a, GenerativePrior prior, DMatrixRMaj y, DMatrixRMaj z) {
        double f = objective(a, prior, y, z);
        double step = 1;
        for (int it = 0; it < 30; it++) {
            DMatrixRMaj g = gradient(a, prior, y, z);
            boolean accepted = false;
            while (!accepted && step > 1e-12) {
                DMatrixRMaj trial = z.copy();
                for (int j = 0; j < z.numCols; j++) {
                    trial.data[j] -= step * g.data[j];
                }
                double ft = objective(a, prior, y, trial);
                if (ft < f) {
                    z.setTo(trial);
                    f = ft;
                    accepted = true;
                    step *= 2;
                } else {
                    step /= 2;
                }
            }
        }
        return f;
    }

    private static DMatrixRMaj residual(DMatrixRMaj a, GenerativePrior prior, DMatrixRMaj y, DMatrixRMaj z) {
        DMatrixRMaj x = new DMatrixRMaj(1, 1);
        prior.forward(z, x);
        DMatrixRMaj r = y.copy();
        for (int i = 0; i < a.numRows; i++) {
            for (int j = 0; j < a.numCols; j++) {
                r.data[i] -= a.get(i, j) * x.data[j];
            }
        }
        return r;
    }

    private static double objective(DMatrixRMaj a, GenerativePrior prior, DMatrixRMaj y, DMatrixRMaj z) {
        DMatrixRMaj r = residual(a, prior, y, z);
        double s = 0;
        for (int i = 0; i < r.getNumElements(); i++) {
            s += r.data[i] * r.data[i];
        }
        return s;
    }

    private static DMatrixRMaj gradient(DMatrixRMaj a, GenerativePrior prior, DMatrixRMaj y, DMatrixRMaj z) {
        DMatrixRMaj r = residual(a, prior, y, z);
        DMatrixRMaj dx = new DMatrixRMaj(1, a.numCols);
        for (int j = 0; j < a.numCols; j++) {
            double s = 0;
            for (int i = 0; i < a.numRows; i++) {
                s -= 2 * a.get(i, j) * r.data[i];
            }
            dx.data[j] = s;
        }
        DMatrixRMaj g = new DMatrixRMaj(1, 1);
        prior.vjp(z, dx, g);
        return g;
    }
}
