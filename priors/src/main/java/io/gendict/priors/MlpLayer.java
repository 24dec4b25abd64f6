package io.gendict.priors;

import io.gendict.core.error.Checks;
import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import org.ejml.data.DMatrixRMaj;

import java.util.Arrays;
import java.util.Objects;

/**
 * One affine layer followed by an activation: x ↦ σ(W·x + b). W is out×in exactly as PyTorch's
 * {@code nn.Linear.weight} stores it; b has {@code out} entries or is absent. The constructor copies
 * the arrays and checks them, so a layer is immutable.
 *
 * @param name       where the weights came from, used in messages (e.g. {@code "fc1.weight"})
 * @param weight     out×in matrix W
 * @param bias       1×out bias b, or {@code null} for none
 * @param activation the activation σ
 * @since 0.1
 */
public record MlpLayer(String name, DMatrixRMaj weight, DMatrixRMaj bias, Activation activation) {

    /**
     * Copies and validates.
     *
     * @throws GendictException INVALID_INPUT when W is empty, b has the wrong length or an entry is not finite
     */
    public MlpLayer {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(activation, "activation is null");
        if (weight.numRows < 1 || weight.numCols < 1) {
            throw new GendictException(ErrorKind.INVALID_INPUT, name + ": weight is " + weight.numRows + "×"
                    + weight.numCols + ", expected out×in with out, in ≥ 1");
        }
        weight = weight.copy();
        Checks.finite(name + " weight", weight);
        if (bias != null) {
            if (bias.getNumElements() != weight.numRows || (bias.numRows != 1 && bias.numCols != 1)) {
                throw new GendictException(ErrorKind.INVALID_INPUT, name + ": bias has " + bias.getNumElements()
                        + " entries (shape " + bias.numRows + "×" + bias.numCols + "), expected " + weight.numRows + " entries (the weight's out dimension)");
            }
            bias = new DMatrixRMaj(1, weight.numRows, true, Arrays.copyOf(bias.data, weight.numRows));
            Checks.finite(name + " bias", bias);
        }
    }

    /** @return the input width (columns of W) */
    public int in() {
        return weight.numCols;
    }

    /** @return the output width (rows of W) */
    public int out() {
        return weight.numRows;
    }

    /** @return a copy of W; the layer's own is never handed out */
    @Override
    public DMatrixRMaj weight() {
        return weight.copy();
    }

    /** @return a copy of b, or {@code null} when the layer has none */
    @Override
    public DMatrixRMaj bias() {
        return bias == null ? null : bias.copy();
    }

    /** @return W itself, for the network's kernels, which never modify it */
    DMatrixRMaj w() {
        return weight;
    }

    /** @return b itself or null, for the network's kernels, which never modify it */
    DMatrixRMaj b() {
        return bias;
    }
}
