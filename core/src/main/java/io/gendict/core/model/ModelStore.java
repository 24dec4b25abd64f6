package io.gendict.core.model;

import com.google.gson.JsonObject;
import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import io.gendict.core.io.AtomicFiles;
import io.gendict.core.io.FormatException;
import io.gendict.core.io.Npy;
import io.gendict.core.io.Npz;
import io.gendict.core.io.Sha256;
import io.gendict.core.plugin.PluginOrigin;
import io.gendict.core.plugin.ProviderKind;
import io.gendict.core.param.ComponentSpec;
import io.gendict.core.spi.GenerativePrior;
import io.gendict.core.spi.PriorProvider;
import io.gendict.core.spi.Provider;
import io.gendict.core.spi.Registry;
import org.ejml.data.DMatrixRMaj;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Saves and loads a model folder:
 * <pre>
 * dictionary.npy    the m×n dictionary (float64)
 * prior.json        the prior's full spec {@code name:key=value,...}
 * prior.npz         the prior's arrays (network weights, drawn matrices), when it has any
 * model.json        method, oracle, update rule, parameters, seed, samples seen, versions, training curve,
 *                   and the plugin jars (file name, SHA-256, provider class) of the components it needs
 * checksums.sha256  SHA-256 of each file above ({@code sha256sum -c} format), written last
 * </pre>
 * Loading verifies every checksum and names a missing or altered file. The model checksum — the
 * SHA-256 of {@code checksums.sha256} — identifies the model, e.g. in compressed files. A model is
 * written completely into a temporary folder beside its target and then moved into place. An
 * existing folder is replaced as a whole: its other entries (checkpoints, {@code run.json}) are linked
 * into the new folder, the old folder is renamed to {@code .NAME.replaced}, the new one renamed into
 * place, and the old one deleted. A process killed at any step leaves the old or the new model
 * loadable: while the folder is missing between the two renames, {@link #load} reads
 * {@code .NAME.replaced}, and {@link #recover} (run by {@code learn} under its lock) moves it back.
 *
 * @since 0.1
 */
public final class ModelStore {
    private static final Logger LOG = LoggerFactory.getLogger(ModelStore.class);
    /** The dictionary file. */
    public static final String DICTIONARY = "dictionary.npy";
    /** The prior spec file. */
    public static final String PRIOR = "prior.json";
    /** The prior arrays file. */
    public static final String PRIOR_ARRAYS = "prior.npz";
    /** The metadata file. */
    public static final String INFO = "model.json";
    /** The checksum list. */
    public static final String CHECKSUMS = "checksums.sha256";
    private static final Set<String> MODEL_FILES = Set.of(DICTIONARY, PRIOR, PRIOR_ARRAYS, INFO, CHECKSUMS);

    private ModelStore() {
    }

    /**
     * A model read back from its folder.
     *
     * @param model    the model
     * @param checksum 32-byte model checksum
     */
    public record Loaded(Model model, byte[] checksum) {
    }

    /**
     * Writes a model folder.
     *
     * @param dir   the folder; its parent must exist
     * @param model the model
     * @return the 32-byte model checksum
     * @throws GendictException IO naming the folder when it cannot be written
     */
    public static byte[] save(Path dir, Model model) {
        Path parent = dir.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new GendictException(ErrorKind.IO, dir + ": cannot write: folder " + parent + " does not exist");
        }
        Path tmp = null;
        try {
            tmp = AtomicFiles.createSibling(dir, true);
            byte[] checksum = writeFiles(tmp, model);
            if (Files.isDirectory(dir)) {
                FolderSwap.linkOthers(dir, tmp, MODEL_FILES);
                FolderSwap.replace(dir, tmp);
            } else {
                FolderSwap.move(tmp, dir);
            }
            tmp = null;
            return checksum;
        } catch (IOException e) {
            throw new GendictException(ErrorKind.IO, dir + ": cannot write: " + e, e);
        } finally {
            AtomicFiles.deleteTree(tmp);
        }
    }

    /**
     * Completes or undoes a replacement that a killed process left half done: when the folder is
     * missing and its old version is still aside as {@code .NAME.replaced}, moves that back; when
     * both exist, deletes the one aside. Call it only while holding the folder's {@link FolderLock}.
     *
     * @param dir the model folder
     * @throws GendictException IO naming the folder when the move fails
     */
    public static void recover(Path dir) {
        Path aside = FolderSwap.aside(dir);
        if (!Files.isDirectory(aside, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            AtomicFiles.deleteTree(aside);
            return;
        }
        try {
            FolderSwap.move(aside, dir);
        } catch (IOException e) {
            throw new GendictException(ErrorKind.IO, dir + ": cannot restore it from " + aside + ": " + e, e);
        }
    }

    /**
     * Writes the model's files into a folder, each atomically, the checksums last.
     *
     * @param dir   an existing folder
     * @param model the model
     * @return the 32-byte model checksum
     */
    static byte[] writeFiles(Path dir, Model model) {
        return writeFiles(dir, model, List.of());
    }

    /**
     * As {@link #writeFiles(Path, Model)}, also listing files already written in the folder in the checksums.
     *
     * @param extra names of further files in {@code dir} to checksum
     */
    static byte[] writeFiles(Path dir, Model model, List<String> extra) {
        Npy.write(dir.resolve(DICTIONARY), model.dictionary());
        JsonObject prior = new JsonObject();
        prior.addProperty("spec", model.prior().params().toSpecString());
        ModelFiles.writeJson(dir.resolve(PRIOR), prior);
        Map<String, DMatrixRMaj> arrays = model.prior().arrays();
        List<String> files = new ArrayList<>(List.of(DICTIONARY, PRIOR, INFO));
        files.addAll(extra);
        if (!arrays.isEmpty()) {
            Npz.write(dir.resolve(PRIOR_ARRAYS), arrays, false);
            files.add(PRIOR_ARRAYS);
        }
        ModelFiles.writeJson(dir.resolve(INFO), ModelInfoJson.toJson(model.info()));
        StringBuilder sums = new StringBuilder();
        for (String f : files.stream().sorted().toList()) {
            sums.append(Sha256.hex(dir.resolve(f))).append("  ").append(f).append('\n');
        }
        byte[] bytes = sums.toString().getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(dir.resolve(CHECKSUMS), out -> out.write(bytes));
        return Sha256.of(bytes);
    }

    /**
     * Loads and verifies a model folder.
     *
     * @param dir      the folder
     * @param registry rebuilds the prior from its saved spec
     * @return the model and its checksum
     * @throws GendictException IO when the folder does not exist; INVALID_INPUT naming the file when
     *                          one is missing, altered or malformed; UNKNOWN_NAME when the prior is unknown
     */
    public static Loaded load(Path dir, Registry registry) {
        return load(dir, registry, List.of());
    }

    /**
     * As {@link #load(Path, Registry)}, also requiring further files to be listed in the checksums.
     *
     * @param extra names of further files the checksums must list (and so verify)
     */
    static Loaded load(Path folder, Registry registry, List<String> extra) {
        Path dir = Files.isDirectory(folder) || !Files.isDirectory(FolderSwap.aside(folder)) ? folder : FolderSwap.aside(folder);
        if (!Files.isDirectory(dir)) {
            throw new GendictException(ErrorKind.IO, dir + ": model folder does not exist");
        }
        Path sumsFile = dir.resolve(CHECKSUMS);
        byte[] sums = ModelFiles.readBytes(sumsFile, "missing; not a gendict model folder");
        Map<String, String> listed = ModelFiles.parseChecksums(sumsFile, new String(sums, StandardCharsets.UTF_8));
        for (String required : Stream.concat(Stream.of(DICTIONARY, PRIOR, INFO), extra.stream()).toList()) {
            if (!listed.containsKey(required)) {
                throw new FormatException(sumsFile.toString(), "does not list " + required);
            }
        }
        for (Map.Entry<String, String> e : listed.entrySet()) {
            Path f = dir.resolve(e.getKey());
            if (!Files.isRegularFile(f)) {
                throw new GendictException(ErrorKind.INVALID_INPUT, f + ": missing from the model folder");
            }
            if (!Sha256.hex(f).equals(e.getValue())) {
                throw new GendictException(ErrorKind.INVALID_INPUT, f + ": altered (its SHA-256 differs from " + CHECKSUMS + ")");
            }
        }
        DMatrixRMaj dictionary = Npy.readMatrix(dir.resolve(DICTIONARY));
        Map<String, DMatrixRMaj> arrays = listed.containsKey(PRIOR_ARRAYS) ? Npz.read(dir.resolve(PRIOR_ARRAYS)) : Map.of();
        ModelInfo info = ModelInfoJson.parse(dir.resolve(INFO));
        GenerativePrior prior = restorePrior(dir.resolve(PRIOR), registry, arrays, info.plugins());
        return new Loaded(new Model(dictionary, prior, info), Sha256.of(sums));
    }

    private static GenerativePrior restorePrior(Path file, Registry registry, Map<String, DMatrixRMaj> arrays,
                                                List<ModelInfo.Plugin> plugins) {
        JsonObject json = ModelFiles.readJson(file);
        String spec = ModelInfoJson.string(json, "spec", file);
        try {
            ComponentSpec parsed = ComponentSpec.parse(spec);
            PriorProvider provider = registry.lookup("prior", registry.priors(), parsed);
            plugins.stream().filter(p -> p.kind().equals(ProviderKind.PRIOR.label()) && p.name().equals(provider.name()))
                    .findFirst().ifPresent(p -> requireSameProvider(p, provider));
            return provider.restore(provider.parameters().validate(provider.name(), parsed.raw()), arrays);
        } catch (GendictException e) {
            throw new GendictException(e.kind(), file + ": " + e.getMessage() + (e.kind() == ErrorKind.UNKNOWN_NAME
                    ? missingPlugin(plugins) : ""), e);
        }
    }

    /**
     * Refuses a provider other than the plugin's the model recorded: e.g. a built-in that took the
     * plugin's name (the plugin is then left out), which would load a different prior under it. A jar
     * of another SHA-256 (an upgraded plugin) is used, with a warning.
     */
    static void requireSameProvider(ModelInfo.Plugin recorded, Provider provider) {
        PluginOrigin.of(provider).filter(o -> !o.sha256().equals(recorded.sha256())).ifPresent(o -> LOG.warn(
                "{} '{}' comes from plugin jar {} (SHA-256 {}); the model was learned with {} (SHA-256 {})",
                recorded.kind(), recorded.name(), o.jar(), o.sha256(), recorded.jar(), recorded.sha256()));
        String now = PluginOrigin.of(provider).map(o -> o.provider() + " in plugin " + o.jar())
                .orElse(provider.getClass().getName() + ", a built-in");
        if (!now.startsWith(recorded.provider() + " in plugin ")) {
            throw new GendictException(ErrorKind.PLUGIN, recorded.kind() + " '" + recorded.name() + "' of the model came"
                    + " from " + recorded.provider() + " in plugin " + recorded.jar() + ", but that name is now " + now
                    + "; the plugin must take a namespaced name, e.g. 'vendor/" + recorded.name() + "'");
        }
    }

    /**
     * @param plugins what the model records
     * @return the hint for a component the registry does not know: the jars the model needs, each with
     *         its SHA-256 and the components and provider classes it supplies; for a model that records
     *         none, that it was learned with a plugin
     */
    public static String missingPlugin(List<ModelInfo.Plugin> plugins) {
        String where = "--plugins DIR, $GENDICT_PLUGINS or ~/.gendict/plugins";
        if (plugins.isEmpty()) {
            return " (the model was learned with a prior from a plugin: load its jar with " + where + ")";
        }
        Map<String, List<ModelInfo.Plugin>> byJar = new LinkedHashMap<>();
        plugins.forEach(p -> byJar.computeIfAbsent(p.jar(), j -> new ArrayList<>()).add(p));
        List<String> jars = new ArrayList<>();
        byJar.forEach((jar, needs) -> jars.add(jar + " (SHA-256 " + needs.get(0).sha256() + ") for its "
                + String.join(", ", needs.stream().map(p -> p.kind() + " '" + p.name() + "' (" + p.provider() + ")")
                .toList())));
        return "; the model needs plugin jar " + String.join(" and plugin jar ", jars)
                + ", which is not loaded: put it in the plugins folder (" + where + ")";
    }
}
