package io.gendict.priors.vae;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The exported weights: PyTorch names, out×in shapes, 1×out biases, and the layer description. */
class VaeModelTest {
    private static final int D = 10;
    private static final int H = 6;
    private static final int L = 3;

    private static VaeModel model() {
        VaeConfig config = VaeConfig.builder().inputDim(D).hidden(H).latent(L).epochs(2).batchSize(8).seed(3).build();
        return new VaeTrainer().train(VaeTestData.images(24, D, 1), config, EpochListener.NONE);
    }

    @Test
    void weightsHavePyTorchKeysOrderAndShapes() {
        Map<String, DMatrixRMaj> w = model().weights();
        assertEquals(List.of("fc1.weight", "fc1.bias", "fc21.weight", "fc21.bias", "fc22.weight", "fc22.bias",
                "fc3.weight", "fc3.bias", "fc4.weight", "fc4.bias"), List.copyOf(w.keySet()));
        assertShape(w, "fc1.weight", H, D);
        assertShape(w, "fc1.bias", 1, H);
        assertShape(w, "fc21.weight", L, H);
        assertShape(w, "fc21.bias", 1, L);
        assertShape(w, "fc22.weight", L, H);
        assertShape(w, "fc22.bias", 1, L);
        assertShape(w, "fc3.weight", H, L);
        assertShape(w, "fc3.bias", 1, H);
        assertShape(w, "fc4.weight", D, H);
        assertShape(w, "fc4.bias", 1, D);
    }

    @Test
    void decoderWeightsAreTheDecoderPartOfWeights() {
        VaeModel model = model();
        Map<String, DMatrixRMaj> all = model.weights();
        Map<String, DMatrixRMaj> decoder = model.decoderWeights();
        assertEquals(List.of("fc3.weight", "fc3.bias", "fc4.weight", "fc4.bias"), List.copyOf(decoder.keySet()));
        for (String key : decoder.keySet()) {
            assertArrayEquals(all.get(key).data, decoder.get(key).data, 0.0, key);
        }
    }

    @Test
    void exportedDecoderComputesWhatTheNetworkComputes() {
        VaeConfig config = VaeConfig.builder().inputDim(D).hidden(H).latent(L).seed(3).build();
        VaeNetwork net = new VaeNetwork(config, new SplittableRandom(8));
        Map<String, DMatrixRMaj> w = new VaeModel(config, net).weights();
        DMatrixRMaj z = new DMatrixRMaj(1, L, true, 0.3, -1.2, 0.8);
        DMatrixRMaj a3 = new DMatrixRMaj(1, H);
        DMatrixRMaj a4 = new DMatrixRMaj(1, D);
        net.decoderHidden.forward(z, a3);
        DMatrixRMaj h3 = a3.copy();
        for (int i = 0; i < H; i++) {
            h3.data[i] = Math.max(0, a3.data[i]);
        }
        net.decoderOut.forward(h3, a4);
        double[] hidden = layer(w.get("fc3.weight"), w.get("fc3.bias"), z.data);
        for (int i = 0; i < H; i++) {
            hidden[i] = Math.max(0, hidden[i]);
        }
        double[] logits = layer(w.get("fc4.weight"), w.get("fc4.bias"), hidden);
        for (int i = 0; i < D; i++) {
            assertEquals(a4.data[i], logits[i], 1e-12, "logit " + i);
        }
        for (int j = 0; j < L; j++) {
            assertEquals(net.heads.bias.get(0, j), w.get("fc21.bias").get(0, j), 0.0);
            assertEquals(net.heads.bias.get(0, L + j), w.get("fc22.bias").get(0, j), 0.0);
            for (int i = 0; i < H; i++) {
                assertEquals(net.heads.weight.get(i, j), w.get("fc21.weight").get(j, i), 0.0);
                assertEquals(net.heads.weight.get(i, L + j), w.get("fc22.weight").get(j, i), 0.0);
            }
        }
        assertEquals(net.encoder.weight.get(4, 2), w.get("fc1.weight").get(2, 4), 0.0);
    }

    /** PyTorch Linear: out = W·in + b with W out×in. */
    private static double[] layer(DMatrixRMaj weight, DMatrixRMaj bias, double[] in) {
        double[] out = new double[weight.numRows];
        for (int o = 0; o < weight.numRows; o++) {
            double s = bias.get(0, o);
            for (int i = 0; i < weight.numCols; i++) {
                s += weight.get(o, i) * in[i];
            }
            out[o] = s;
        }
        return out;
    }

    @Test
    void decoderLayerJsonDescribesReluThenSigmoid() {
        JsonObject root = JsonParser.parseString(model().decoderLayerJson()).getAsJsonObject();
        JsonArray layers = root.getAsJsonArray("layers");
        assertEquals(2, layers.size());
        assertLayer(layers.get(0).getAsJsonObject(), "fc3.weight", "fc3.bias", "relu");
        assertLayer(layers.get(1).getAsJsonObject(), "fc4.weight", "fc4.bias", "sigmoid");
        assertEquals(List.of(new DecoderLayer("fc3.weight", "fc3.bias", "relu"),
                new DecoderLayer("fc4.weight", "fc4.bias", "sigmoid")), model().decoderLayers());
    }

    private static void assertLayer(JsonObject layer, String weight, String bias, String activation) {
        assertEquals(weight, layer.get("weight").getAsString());
        assertEquals(bias, layer.get("bias").getAsString());
        assertEquals(activation, layer.get("activation").getAsString());
    }

    private static void assertShape(Map<String, DMatrixRMaj> w, String key, int rows, int cols) {
        assertEquals(rows + "×" + cols, w.get(key).numRows + "×" + w.get(key).numCols, key);
    }
}
