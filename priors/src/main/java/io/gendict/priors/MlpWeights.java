package io.gendict.priors;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import org.ejml.data.DMatrixRMaj;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns named weight arrays (as read from an {@code .npz}) into the ordered, shape-checked
 * {@link MlpLayer}s of an {@link MlpPrior}.
 *
 * <p>Convention (PyTorch's): a layer's weight W is out×in, exactly as {@code nn.Linear.weight}
 * stores it, its bias has {@code out} entries, and the layer computes σ(W·x + b); no transpose is
 * applied. {@code numpy.savez("dec.npz", **{k: v.numpy() for k, v in model.state_dict().items()})}
 * gives keys such as {@code fc1.weight}, {@code fc1.bias}, in module order. Three ways to name the layers:
 * <ul>
 *   <li>{@link #fromJson}: {@code {"layers": [{"weight": "fc1.weight", "bias": "fc1.bias",
 *       "activation": "relu"}, ...]}}, bias optional;</li>
 *   <li>{@link #fromKeyOrder}: the file's own key order, where a key ending in {@code bias} is the
 *       bias of the weight key before it, and one activation per layer is given separately;</li>
 *   <li>{@link #fromSaved}: the canonical keys {@code W1, b1, W2, …} that {@link MlpPrior#arrays()} saves.</li>
 * </ul>
 *
 * @since 0.1
 */
public final class MlpWeights {
    private MlpWeights() {
    }

    /**
     * Layers named by a JSON layer list.
     *
     * @param prior  prior name for messages, e.g. {@code "mlp"}
     * @param arrays key to array. Not modified.
     * @param json   the JSON text
     * @param keep   layers to keep from the front, 0 for all
     * @return the first {@code keep} layers, chained
     * @throws GendictException INVALID_INPUT for malformed JSON, a missing key or mismatched shapes
     */
    public static List<MlpLayer> fromJson(String prior, Map<String, DMatrixRMaj> arrays, String json, int keep) {
        JsonArray list;
        try {
            JsonElement root = JsonParser.parseString(json);
            list = root.isJsonObject() && root.getAsJsonObject().has("layers")
                    ? root.getAsJsonObject().getAsJsonArray("layers") : null;
        } catch (JsonParseException | IllegalStateException | ClassCastException e) {
            list = null;
        }
        if (list == null || list.isEmpty()) {
            throw invalid(prior + ": layer JSON must be {\"layers\": [{\"weight\": key, \"bias\": key, \"activation\": name}, ...]}");
        }
        int count = kept(prior, list.size(), keep);
        List<MlpLayer> layers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String what = prior + ": layer " + (i + 1) + " of the JSON";
            if (!list.get(i).isJsonObject()) {
                throw invalid(what + " must be an object {\"weight\": key, \"bias\": key, \"activation\": name}");
            }
            JsonObject entry = list.get(i).getAsJsonObject();
            String weight = string(entry, "weight", what);
            String bias = entry.has("bias") && !entry.get("bias").isJsonNull() ? string(entry, "bias", what) : null;
            Activation act = Activation.parse(string(entry, "activation", what), what);
            layers.add(layer(prior, i, arrays, weight, bias, act));
        }
        return chain(layers);
    }

    /**
     * Layers in the file's key order: each key not ending in {@code bias} starts a layer, a key
     * ending in {@code bias} is the bias of that layer.
     *
     * @param prior       prior name for messages
     * @param arrays      key to array, in file order. Not modified.
     * @param activations one per layer in the file, or one per kept layer
     * @param keep        layers to keep from the front, 0 for all
     * @return the first {@code keep} layers, chained
     * @throws GendictException INVALID_INPUT for a bias without a weight or mismatched shapes,
     *                          INVALID_PARAMETER for a wrong number of activations
     */
    public static List<MlpLayer> fromKeyOrder(String prior, Map<String, DMatrixRMaj> arrays,
                                              List<Activation> activations, int keep) {
        List<String[]> groups = new ArrayList<>();
        for (String key : arrays.keySet()) {
            if (key.toLowerCase(Locale.ROOT).endsWith("bias")) {
                if (groups.isEmpty() || groups.get(groups.size() - 1)[1] != null) {
                    throw invalid(prior + ": key '" + key + "' is a bias with no weight key before it; keys: "
                            + String.join(", ", arrays.keySet()));
                }
                groups.get(groups.size() - 1)[1] = key;
            } else {
                groups.add(new String[]{key, null});
            }
        }
        if (groups.isEmpty()) {
            throw invalid(prior + ": the weight file holds no arrays, expected at least one weight");
        }
        int count = kept(prior, groups.size(), keep);
        if (activations.size() != groups.size() && activations.size() != count) {
            throw new GendictException(ErrorKind.INVALID_PARAMETER, prior + ": parameter 'activations' has "
                    + activations.size() + " entries, expected " + groups.size() + " (one per layer in the file)"
                    + (count != groups.size() ? " or " + count + " (one per kept layer)" : ""));
        }
        List<MlpLayer> layers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            layers.add(layer(prior, i, arrays, groups.get(i)[0], groups.get(i)[1], activations.get(i)));
        }
        return chain(layers);
    }

    /**
     * Layers from the canonical keys {@code W1, b1, W2, …} of a saved prior.
     *
     * @param prior       prior name for messages
     * @param arrays      saved arrays. Not modified.
     * @param activations one per layer
     * @return the layers, chained
     * @throws GendictException INVALID_INPUT for a missing {@code W}-key or mismatched shapes
     */
    public static List<MlpLayer> fromSaved(String prior, Map<String, DMatrixRMaj> arrays, List<Activation> activations) {
        List<MlpLayer> layers = new ArrayList<>();
        for (int i = 0; i < activations.size(); i++) {
            String bias = "b" + (i + 1);
            layers.add(layer(prior, i, arrays, "W" + (i + 1), arrays.containsKey(bias) ? bias : null, activations.get(i)));
        }
        return chain(layers);
    }

    /**
     * The layers of an amortized encoder stored in PyTorch's names: layer {@code NAME} is
     * {@code NAME.weight} (out×in) with {@code NAME.bias} when present; every layer but the last is
     * followed by a ReLU, the last (the Gaussian encoder's mean head) by nothing, the shape of the
     * classic MLP VAE's encoder (docs/algorithms.md §8).
     *
     * @param prior  the provider name, for messages
     * @param arrays the weight arrays by key
     * @param names  the layer names, first applied first (at least one)
     * @return the chained layers
     * @throws GendictException INVALID_INPUT for a missing key or layers that do not chain
     */
    public static List<MlpLayer> encoder(String prior, Map<String, DMatrixRMaj> arrays, List<String> names) {
        List<Activation> activations = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            activations.add(i + 1 < names.size() ? Activation.RELU : Activation.LINEAR);
        }
        return named(prior, arrays, names, activations);
    }

    /**
     * Layers stored in PyTorch's names: layer {@code NAME} is {@code NAME.weight} (out×in) with
     * {@code NAME.bias} when present.
     *
     * @param prior       the provider name, for messages
     * @param arrays      the weight arrays by key
     * @param names       the layer names, first applied first (at least one)
     * @param activations one per name
     * @return the chained layers
     * @throws GendictException INVALID_INPUT for a missing key or layers that do not chain
     */
    public static List<MlpLayer> named(String prior, Map<String, DMatrixRMaj> arrays, List<String> names,
                                       List<Activation> activations) {
        List<MlpLayer> layers = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String bias = names.get(i) + ".bias";
            layers.add(layer(prior, i, arrays, names.get(i) + ".weight", arrays.containsKey(bias) ? bias : null,
                    activations.get(i)));
        }
        return chain(layers);
    }

    private static MlpLayer layer(String prior, int index, Map<String, DMatrixRMaj> arrays, String weight,
                                  String bias, Activation act) {
        return new MlpLayer(prior + ": layer " + (index + 1) + " (" + weight + (bias == null ? "" : ", " + bias) + ")", array(prior, arrays, weight),
                bias == null ? null : array(prior, arrays, bias), act);
    }

    private static DMatrixRMaj array(String prior, Map<String, DMatrixRMaj> arrays, String key) {
        DMatrixRMaj m = arrays.get(key);
        if (m == null) {
            throw invalid(prior + ": missing key '" + key + "' in the weights; keys: " + String.join(", ", arrays.keySet()));
        }
        return m;
    }

    /**
     * @param layers layers in order
     * @return an immutable copy, once every layer's input width equals the previous output width
     * @throws GendictException INVALID_INPUT naming the first layer whose weight does not chain
     */
    static List<MlpLayer> chain(List<MlpLayer> layers) {
        if (layers.isEmpty()) {
            throw invalid("a network needs at least one layer");
        }
        for (int i = 1; i < layers.size(); i++) {
            MlpLayer below = layers.get(i - 1);
            MlpLayer layer = layers.get(i);
            if (layer.in() != below.out()) {
                throw invalid(layer.name() + ": weight is " + layer.out() + "×" + layer.in() + ", expected "
                        + layer.out() + "×" + below.out() + " (out×in, in = the " + below.out() + " outputs of layer " + i + ")");
            }
        }
        return List.copyOf(layers);
    }

    private static int kept(String prior, int available, int keep) {
        if (keep > available) {
            throw new GendictException(ErrorKind.INVALID_PARAMETER, prior + ": parameter 'layers' is " + keep
                    + ", but the weights define only " + available + " layers");
        }
        return keep == 0 ? available : keep;
    }

    private static String string(JsonObject entry, String field, String what) {
        JsonElement el = entry.get(field);
        if (el == null || !el.isJsonPrimitive()) {
            throw invalid(what + " needs a string field '" + field + "'");
        }
        return el.getAsString();
    }

    private static GendictException invalid(String message) {
        return new GendictException(ErrorKind.INVALID_INPUT, message);
    }
}
