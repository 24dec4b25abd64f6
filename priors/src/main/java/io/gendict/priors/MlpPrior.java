package io.gendict.priors;

import io.gendict.core.error.Checks;
import io.gendict.core.kernel.Kernels;
import io.gendict.core.kernel.MatrixKernels;
import io.gendict.core.param.Params;
import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import io.gendict.core.spi.DecoderHead;
import io.gendict.core.spi.GenerativePrior;
import io.gendict.core.spi.LatentEncoder;
import io.gendict.core.spi.ReluLayers;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A feed-forward network prior G(z) = σ_L(W_L ⋯ σ_1(W_1 z + b_1) ⋯ + b_L) (docs/algorithms.md §1, §8):
 * the {@code mlp} prior read from a weight file and the {@code relu-net} prior of Gaussian
 * expansive ReLU layers (Hand & Voroninski) alike. A batch Z (B×k) flows as X_l = σ_l(X_{l−1}·W_lᵀ + 1·b_lᵀ).
 * The forward pass multiplies by a transposed copy Wᵀ (in×out) kept at construction so both passes
 * stream memory contiguously. The VJP is reverse-mode back-propagation; the per-sample Jacobian is forward-mode, which costs
 * k·Σ out_l·in_l, cheaper than n VJPs when k &lt; n. At a ReLU kink the derivative taken is 0.
 *
 * <p>Saved arrays are {@code W1, b1, W2, …} (1-based, b_l only when the layer has a bias), and for
 * an amortized encoder ({@link #encoder()}) {@code E1.weight, E1.bias, E2.weight, …}, for a decoder
 * head ({@link #head()}) {@code H1.weight, H1.bias, …}.
 *
 * @since 0.1
 */
public final class MlpPrior implements GenerativePrior, ReluLayers {
    private final Params params;
    private final MlpLayer[] layers;
    private final DMatrixRMaj[] transposed;
    private final Scratch scratch;
    /** The amortized encoder y ↦ z as a network of its own, or {@code null}. */
    private final MlpPrior encoder;
    /** The layers after this prior's in the network it was sliced from, as a network of its own, or {@code null}. */
    private final MlpPrior head;
    /** Prefix of the saved encoder layers' names. */
    static final String ENCODER_PREFIX = "E";
    /** Prefix of the saved head layers' names. */
    static final String HEAD_PREFIX = "H";

    /**
     * @param params the validated parameters this prior reports as its spec
     * @param layers the layers, first applied first. Not modified.
     * @throws io.gendict.core.error.GendictException INVALID_INPUT when the list is empty or a
     *                                                layer's input width is not the previous output width
     */
    public MlpPrior(Params params, List<MlpLayer> layers) {
        this(params, layers, List.of(), List.of());
    }

    /**
     * @param params  the validated parameters this prior reports as its spec
     * @param layers  the layers, first applied first. Not modified.
     * @param encoder the layers of an amortized encoder y ↦ z (the last one's output width k), or
     *                empty for none; saved as {@code E1.weight, E1.bias, …}. Not modified.
     * @param head    the layers that followed {@code layers} in the network the prior was sliced
     *                from (the first one reads the prior's output width), or empty for none; saved
     *                as {@code H1.weight, H1.bias, …}. Not modified.
     * @throws io.gendict.core.error.GendictException INVALID_INPUT when a list does not chain, the
     *                                                encoder's output width is not the latent dimension
     *                                                or the head does not read the prior's output
     */
    public MlpPrior(Params params, List<MlpLayer> layers, List<MlpLayer> encoder, List<MlpLayer> head) {
        this.params = params;
        this.layers = MlpWeights.chain(layers).toArray(new MlpLayer[0]);
        this.encoder = encoder.isEmpty() ? null : new MlpPrior(params, encoder);
        if (this.encoder != null && this.encoder.outputDim() != latentDim()) {
            throw new GendictException(ErrorKind.INVALID_INPUT, "mlp: the encoder outputs " + this.encoder.outputDim()
                    + " latents, but the prior's first layer reads " + latentDim());
        }
        this.head = head.isEmpty() ? null : new MlpPrior(params, head);
        if (this.head != null && this.head.latentDim() != outputDim()) {
            throw new GendictException(ErrorKind.INVALID_INPUT, "mlp: the head's first layer reads " + this.head.latentDim()
                    + " values, but the prior outputs " + outputDim());
        }
        this.transposed = new DMatrixRMaj[this.layers.length];
        for (int l = 0; l < this.layers.length; l++) {
            transposed[l] = CommonOps_DDRM.transpose(this.layers[l].w(), null);
        }
        this.scratch = new Scratch(2 * this.layers.length + 5);
    }

    /** @return the weights when every layer is a bias-free ReLU (as in {@code relu-net}), else empty */
    @Override
    public List<DMatrixRMaj> reluWeights() {
        for (MlpLayer layer : layers) {
            if (layer.activation() != Activation.RELU || layer.bias() != null) {
                return List.of();
            }
        }
        return Arrays.stream(layers).map(MlpLayer::w).toList();
    }

    /** @return the layers, first applied first */
    public List<MlpLayer> layers() {
        return List.of(layers);
    }

    @Override
    public int latentDim() {
        return layers[0].in();
    }

    @Override
    public int outputDim() {
        return layers[layers.length - 1].out();
    }

    @Override
    public Params params() {
        return params;
    }

    @Override
    public Optional<LatentEncoder> encoder() {
        if (encoder == null) {
            return Optional.empty();
        }
        return Optional.of(new LatentEncoder() {
            @Override
            public int inputDim() {
                return encoder.latentDim();
            }

            @Override
            public void encode(DMatrixRMaj y, DMatrixRMaj z) {
                encoder.forward(y, z);
            }
        });
    }

    @Override
    public Optional<DecoderHead> head() {
        if (head == null) {
            return Optional.empty();
        }
        return Optional.of(new DecoderHead() {
            @Override
            public int outputDim() {
                return head.outputDim();
            }

            @Override
            public void forward(DMatrixRMaj x, DMatrixRMaj out) {
                head.forward(x, out);
            }
        });
    }

    /**
     * @param prefix {@link #ENCODER_PREFIX} or {@link #HEAD_PREFIX}
     * @param count  layers
     * @return the layer names as {@link #arrays()} saves them: prefix1, prefix2, …
     */
    static List<String> savedNames(String prefix, int count) {
        List<String> names = new ArrayList<>();
        for (int l = 0; l < count; l++) {
            names.add(prefix + (l + 1));
        }
        return names;
    }

    @Override
    public Map<String, DMatrixRMaj> arrays() {
        Map<String, DMatrixRMaj> out = new LinkedHashMap<>();
        putNamed(out, ENCODER_PREFIX, encoder);
        putNamed(out, HEAD_PREFIX, head);
        for (int l = 0; l < layers.length; l++) {
            out.put("W" + (l + 1), layers[l].weight());
            if (layers[l].b() != null) {
                out.put("b" + (l + 1), layers[l].bias());
            }
        }
        return out;
    }

    /** Puts a sub-network's layers as {@code prefix1.weight, prefix1.bias, …}; nothing for {@code null}. */
    private static void putNamed(Map<String, DMatrixRMaj> out, String prefix, MlpPrior net) {
        List<String> names = savedNames(prefix, net == null ? 0 : net.layers.length);
        for (int l = 0; l < names.size(); l++) {
            out.put(names.get(l) + ".weight", net.layers[l].weight());
            if (net.layers[l].b() != null) {
                out.put(names.get(l) + ".bias", net.layers[l].bias());
            }
        }
    }

    @Override
    public void forward(DMatrixRMaj z, DMatrixRMaj out) {
        Checks.shape("Z", z, -1, latentDim());
        out.reshape(z.numRows, outputDim());
        run(z, out);
    }

    @Override
    public void vjp(DMatrixRMaj z, DMatrixRMaj dx, DMatrixRMaj out) {
        Checks.shape("Z", z, -1, latentDim());
        Checks.shape("dX", dx, z.numRows, outputDim());
        int batch = z.numRows;
        int last = layers.length - 1;
        run(z, post(last, batch));
        MatrixKernels kern = Kernels.get();
        DMatrixRMaj g = grad(0, batch, outputDim());
        layers[last].activation().backward(batch * outputDim(), pre(last, batch).data, post(last, batch).data, dx.data, g.data);
        out.reshape(batch, latentDim());
        for (int l = last; l >= 0; l--) {
            DMatrixRMaj target = l == 0 ? out : grad((last - l + 1) % 2, batch, layers[l].in());
            kern.gemm(false, false, 1, g, layers[l].w(), 0, target);
            if (l > 0) {
                MlpLayer below = layers[l - 1];
                below.activation().backward(batch * below.out(), pre(l - 1, batch).data, post(l - 1, batch).data,
                        target.data, target.data);
            }
            g = target;
        }
    }

    @Override
    public void jacobian(double[] z, DMatrixRMaj out) {
        int k = latentDim();
        DMatrixRMaj zr = scratch.get(2 * layers.length + 2, 1, k);
        System.arraycopy(z, 0, zr.data, 0, k);
        int last = layers.length - 1;
        run(zr, post(last, 1));
        MatrixKernels kern = Kernels.get();
        DMatrixRMaj t = null;
        for (int l = 0; l <= last; l++) {
            MlpLayer layer = layers[l];
            DMatrixRMaj next = l == last ? out : scratch.get(2 * layers.length + 3 + l % 2, layer.out(), k);
            next.reshape(layer.out(), k);
            if (l == 0) {
                System.arraycopy(layer.w().data, 0, next.data, 0, layer.out() * k);
            } else {
                kern.gemm(false, false, 1, layer.w(), t, 0, next);
            }
            double[] a = pre(l, 1).data;
            double[] y = post(l, 1).data;
            for (int i = 0; i < layer.out(); i++) {
                double d = layer.activation().derivative(a[i], y[i]);
                for (int j = 0; j < k; j++) {
                    next.data[i * k + j] *= d;
                }
            }
            t = next;
        }
    }

    /** Forward pass keeping every layer's pre-activation and output in scratch; the last output goes to {@code out}. */
    private void run(DMatrixRMaj z, DMatrixRMaj out) {
        MatrixKernels kern = Kernels.get();
        int batch = z.numRows;
        DMatrixRMaj in = z;
        for (int l = 0; l < layers.length; l++) {
            MlpLayer layer = layers[l];
            int width = layer.out();
            DMatrixRMaj a = pre(l, batch);
            kern.gemm(false, false, 1, in, transposed[l], 0, a);
            if (layer.b() != null) {
                for (int r = 0; r < batch; r++) {
                    kern.axpy(width, 1, layer.b().data, 0, a.data, r * width);
                }
            }
            DMatrixRMaj y = l == layers.length - 1 ? out : post(l, batch);
            layer.activation().apply(batch * width, a.data, y.data);
            in = y;
        }
    }

    private DMatrixRMaj pre(int l, int batch) {
        return scratch.get(l, batch, layers[l].out());
    }

    private DMatrixRMaj post(int l, int batch) {
        return scratch.get(layers.length + l, batch, layers[l].out());
    }

    private DMatrixRMaj grad(int which, int batch, int width) {
        return scratch.get(2 * layers.length + which, batch, width);
    }
}
