package io.gendict.priors.vae;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A trained MLP VAE (docs/algorithms.md §8): its test loss and its weights under the PyTorch example's
 * names, ready for an {@code .npz} that the {@code mlp} prior loads. Immutable; every accessor
 * returns fresh copies.
 *
 * <p>Weights use PyTorch's out×in layout; biases are 1×out row vectors. Keys: {@code fc1} (encoder
 * D→H), {@code fc21} (μ head H→L), {@code fc22} (log σ² head H→L), {@code fc3} (decoder L→H, ReLU)
 * and {@code fc4} (decoder H→D, sigmoid), each with {@code .weight} and {@code .bias}.
 *
 * @since 0.1
 */
public final class VaeModel {
    private static final List<DecoderLayer> DECODER = List.of(
            new DecoderLayer("fc3.weight", "fc3.bias", "relu"),
            new DecoderLayer("fc4.weight", "fc4.bias", "sigmoid"));

    private final VaeConfig config;
    private final VaeNetwork net;

    /** @param net owned by the model from now on; not modified */
    VaeModel(VaeConfig config, VaeNetwork net) {
        this.config = config;
        this.net = net;
    }

    /** @return the configuration the model was trained with */
    public VaeConfig config() {
        return config;
    }

    /**
     * Mean negative ELBO per image, the PyTorch example's test loss: Σ over images of
     * (BCE summed over pixels + KL), divided by N, with one ε draw per image from
     * {@code SplittableRandom(config().seed())}; deterministic and independent of the thread count.
     *
     * @param images N×inputDim with values in [0, 1]. Not modified.
     * @return the loss in nats per image
     * @throws io.gendict.core.error.GendictException INVALID_INPUT for a bad image matrix
     */
    public double evaluate(DMatrixRMaj images) {
        config.checkImages("images", images);
        int n = images.numRows;
        int batch = config.batchSize();
        int[] order = ShardedPass.identity(n);
        SplittableRandom noise = new SplittableRandom(config.seed());
        double total = 0;
        try (ShardedPass pass = new ShardedPass(net, config)) {
            for (int from = 0; from < n; from += batch) {
                total += pass.run(images, order, from, Math.min(batch, n - from), noise, false);
            }
        }
        return total / n;
    }

    /** @return every layer's weight and bias, in the PyTorch state_dict order fc1, fc21, fc22, fc3, fc4 */
    public Map<String, DMatrixRMaj> weights() {
        int l = net.latent;
        int h = net.heads.in();
        Map<String, DMatrixRMaj> out = new LinkedHashMap<>();
        out.put("fc1.weight", net.encoder.weightT.copy());
        out.put("fc1.bias", net.encoder.bias.copy());
        out.put("fc21.weight", CommonOps_DDRM.extract(net.heads.weightT, 0, l, 0, h));
        out.put("fc21.bias", CommonOps_DDRM.extract(net.heads.bias, 0, 1, 0, l));
        out.put("fc22.weight", CommonOps_DDRM.extract(net.heads.weightT, l, 2 * l, 0, h));
        out.put("fc22.bias", CommonOps_DDRM.extract(net.heads.bias, 0, 1, l, 2 * l));
        out.putAll(decoderWeights());
        return Collections.unmodifiableMap(out);
    }

    /** @return the decoder only: fc3.weight (H×L), fc3.bias (1×H), fc4.weight (D×H), fc4.bias (1×D) */
    public Map<String, DMatrixRMaj> decoderWeights() {
        Map<String, DMatrixRMaj> out = new LinkedHashMap<>();
        out.put("fc3.weight", net.decoderHidden.weightT.copy());
        out.put("fc3.bias", net.decoderHidden.bias.copy());
        out.put("fc4.weight", net.decoderOut.weightT.copy());
        out.put("fc4.bias", net.decoderOut.bias.copy());
        return Collections.unmodifiableMap(out);
    }

    /**
     * @return the decoder G(z) = sigmoid(W4·relu(W3·z + b3) + b4) as layers in evaluation order; the
     *         first alone is the coefficient prior ReLU(W1·z + b1) of docs/algorithms.md §8
     */
    public List<DecoderLayer> decoderLayers() {
        return DECODER;
    }

    /**
     * @return {@link #decoderLayers()} as the {@code mlp} prior's layer description, e.g.
     *         {@code {"layers":[{"weight":"fc3.weight","bias":"fc3.bias","activation":"relu"},…]}}
     */
    public String decoderLayerJson() {
        JsonArray layers = new JsonArray();
        for (DecoderLayer layer : DECODER) {
            JsonObject o = new JsonObject();
            o.addProperty("weight", layer.weight());
            o.addProperty("bias", layer.bias());
            o.addProperty("activation", layer.activation());
            layers.add(o);
        }
        JsonObject root = new JsonObject();
        root.add("layers", layers);
        return new Gson().toJson(root);
    }
}
