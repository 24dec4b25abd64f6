package io.gendict.priors;

import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import io.gendict.core.io.Npz;
import io.gendict.core.param.ParamSpec;
import io.gendict.core.param.Params;
import io.gendict.core.spi.GenerativePrior;
import io.gendict.core.spi.PriorProvider;
import org.ejml.data.DMatrixRMaj;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Provides {@code mlp}: a feed-forward net read from an {@code .npz} of weights and biases
 * ({@link MlpPrior}); key names, order and the PyTorch convention (W out×in as stored, no
 * transpose) are described in {@link MlpWeights}. Layers are named either by a JSON file
 * ({@code json=layers.json}) or by the npz's own key order plus {@code activations=relu,sigmoid}.
 * {@code layers=N} keeps the first N layers: {@code layers=1} slices the decoder
 * S(W2·ReLU(W1 z + b1) + b2) of the MNIST VAE into the prior G(z) = ReLU(W1 z + b1) (docs/algorithms.md §8);
 * {@code head=N} keeps the N layers after those as the prior's {@link io.gendict.core.spi.DecoderHead}
 * (with {@code layers=1,head=1}: x ↦ S(W2·x + b2)), and {@code encoder=fc1+fc21} its amortized encoder.
 *
 * <p>The created prior reports resolved parameters (its activations listed, {@code json} cleared,
 * one per layer read, the kept ones then the head's; {@code layers} and {@code head} the counts) and saves its weights as {@code W1, b1, …}; {@link #restore} rebuilds
 * from those alone and never reads the weight file again.
 *
 * @since 0.1
 */
public final class MlpPriorProvider implements PriorProvider {
    private static final String NAME = "mlp";
    private static final ParamSpec PARAMS = ParamSpec.builder()
            .stringParam("path", null, List.of(), ".npz file of weight matrices (out×in) and biases")
            .stringParam("json", "", List.of(), "JSON file {\"layers\":[{\"weight\":key,\"bias\":key,\"activation\":name},...]}; empty: use the npz key order")
            .stringParam("activations", "", List.of(), "activations in layer order when no JSON is given: "
                    + Arrays.stream(Activation.values()).map(Activation::specName).collect(Collectors.joining("|")))
            .intParam("layers", 0, 0, 1_000_000, "keep only the first N layers; 0 keeps all")
            .intParam("head", 0, 0, 1_000_000, "keep the N layers after the first 'layers' as the prior's decoder "
                    + "head (the rest of the network it was sliced from, e.g. the VAE's output layer); 0: none")
            .stringParam("encoder", "", List.of(), "the amortized encoder's layers in the npz, '+'-separated PyTorch "
                    + "names (fc1+fc21: NAME.weight, NAME.bias; ReLU between layers, none after the last); empty: none")
            .build();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "feed-forward net from an .npz of PyTorch-layout weights, optionally sliced to its first layers";
    }

    @Override
    public ParamSpec parameters() {
        return PARAMS;
    }

    /**
     * @throws GendictException IO when a file cannot be read; INVALID_INPUT for missing keys,
     *                          mismatched shapes or non-finite weights; INVALID_PARAMETER for bad activations
     */
    @Override
    public GenerativePrior create(Params params) {
        Path path = Path.of(params.getString("path"));
        Map<String, DMatrixRMaj> arrays = Npz.read(path);
        String json = params.getString("json");
        int keep = params.getInt("layers");
        int headCount = params.getInt("head");
        if (headCount > 0 && keep == 0) {
            throw new GendictException(ErrorKind.INVALID_PARAMETER, NAME
                    + ": parameter 'head' needs 'layers' (the layers the prior keeps before its head)");
        }
        int read = keep + headCount;
        List<MlpLayer> layers;
        if (!json.isEmpty()) {
            if (!params.getString("activations").isEmpty()) {
                throw new GendictException(ErrorKind.INVALID_PARAMETER, NAME
                        + ": give either 'json' or 'activations', not both (the JSON names each layer's activation)");
            }
            layers = MlpWeights.fromJson(NAME, arrays, readText(Path.of(json)), read);
        } else {
            Map<String, DMatrixRMaj> decoder = new LinkedHashMap<>(arrays);
            for (String name : encoderNames(params)) {
                decoder.remove(name + ".weight");
                decoder.remove(name + ".bias");
            }
            layers = MlpWeights.fromKeyOrder(NAME, decoder, activations(params), read);
        }
        int kept = headCount == 0 ? layers.size() : keep;
        Map<String, Object> resolved = new LinkedHashMap<>();
        resolved.put("path", path.toString());
        resolved.put("json", "");
        resolved.put("activations", layers.stream().map(l -> l.activation().specName()).collect(Collectors.joining(",")));
        resolved.put("layers", kept);
        resolved.put("head", headCount);
        List<MlpLayer> encoder = encoderNames(params).isEmpty() ? List.of()
                : MlpWeights.encoder(NAME, arrays, encoderNames(params));
        resolved.put("encoder", String.join("+", MlpPrior.savedNames(MlpPrior.ENCODER_PREFIX, encoder.size())));
        return new MlpPrior(PARAMS.validate(NAME, resolved), layers.subList(0, kept), encoder,
                layers.subList(kept, layers.size()));
    }

    /**
     * Rebuilds from the saved {@code W1, b1, …}, {@code E1.weight, …} and {@code H1.weight, …} and
     * the listed activations; reads no file.
     *
     * @throws GendictException INVALID_INPUT when the activations do not number 'layers' + 'head'
     *                          or an array is missing or misshapen
     */
    @Override
    public GenerativePrior restore(Params params, Map<String, DMatrixRMaj> arrays) {
        List<String> encoder = encoderNames(params);
        List<Activation> activations = activations(params);
        int kept = params.getInt("layers");
        int headCount = params.getInt("head");
        if (activations.size() != kept + headCount) {
            throw new GendictException(ErrorKind.INVALID_INPUT, NAME + ": the saved prior lists " + activations.size()
                    + " activations, expected " + (kept + headCount) + " ('layers' " + kept + " + 'head' " + headCount + ")");
        }
        List<MlpLayer> head = headCount == 0 ? List.of() : MlpWeights.named(NAME, arrays,
                MlpPrior.savedNames(MlpPrior.HEAD_PREFIX, headCount), activations.subList(kept, kept + headCount));
        return new MlpPrior(params, MlpWeights.fromSaved(NAME, arrays, activations.subList(0, kept)),
                encoder.isEmpty() ? List.of() : MlpWeights.encoder(NAME, arrays, encoder), head);
    }

    private static List<String> encoderNames(Params params) {
        return Arrays.stream(params.getString("encoder").split("\\+")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static List<Activation> activations(Params params) {
        String text = params.getString("activations").trim();
        if (text.isEmpty()) {
            throw new GendictException(ErrorKind.INVALID_PARAMETER, NAME
                    + ": parameter 'activations' is empty, expected one activation per layer (or a 'json' layer file)");
        }
        return Arrays.stream(text.split("[,;\\s\\[\\]]+")).filter(s -> !s.isEmpty())
                .map(s -> Activation.parse(s, NAME + ": parameter 'activations'")).toList();
    }

    private static String readText(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new GendictException(ErrorKind.IO, NAME + ": cannot read layer JSON " + file + " (" + e + ")", e);
        }
    }
}
