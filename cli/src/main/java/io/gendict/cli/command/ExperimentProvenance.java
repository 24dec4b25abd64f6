package io.gendict.cli.command;

import io.gendict.cli.support.BuildInfo;
import io.gendict.core.experiment.ExperimentRunner;
import io.gendict.core.experiment.ExperimentSettings;
import io.gendict.core.experiment.MethodCatalog;
import io.gendict.core.io.Sha256;
import io.gendict.core.kernel.Kernels;
import io.gendict.core.spi.GenerativePrior;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code provenance} object of an experiment's {@code summary.json}: what is needed to rerun a
 * result and to trust it — the gendict version and git commit, the JDK, the kernel and threads, the
 * data (prior spec as given and as resolved, m, σ, transform), the quantizer, the root and per-trial
 * seeds, every method's resolved spec (for generative methods the oracle and update rule chosen for
 * this prior) and each input file's path and SHA-256.
 *
 * @since 0.1
 */
final class ExperimentProvenance {
    private final Map<String, Object> data = new LinkedHashMap<>();
    private final List<Map<String, Object>> files = new ArrayList<>();
    private final Map<String, Object> notes = new LinkedHashMap<>();
    private GenerativePrior prior;

    /**
     * Records the data's description.
     *
     * @param priorSpec the prior spec as given
     * @param resolved  the prior it resolves to (per-trial seeds aside), for its full spec and for methods
     * @param m         data dimension
     * @param sigma     noise standard deviation
     * @param transform the image transform, or {@code null} for synthetic data
     * @param perTrial  whether the prior's seed is drawn per trial from the trial's data seed (the
     *                  resolved spec then says {@code seed=per-trial})
     * @return this
     */
    ExperimentProvenance data(String priorSpec, GenerativePrior resolved, int m, double sigma, String transform,
                              boolean perTrial) {
        this.prior = resolved;
        data.put("prior_spec", priorSpec);
        String spec = resolved.params().toSpecString();
        data.put("prior_resolved", perTrial ? spec.replaceFirst("([:,])seed=[^,]*", "$1seed=per-trial") : spec);
        data.put("prior_seed_per_trial", perTrial);
        data.put("m", m);
        data.put("sigma", sigma);
        data.put("transform", transform);
        return this;
    }

    /**
     * Records an input file with its SHA-256 (read now).
     *
     * @param role e.g. {@code "vae_training_images"}
     * @param file the file
     * @return this
     */
    ExperimentProvenance file(String role, Path file) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("role", role);
        f.put("path", file.toAbsolutePath().normalize().toString());
        f.put("sha256", Sha256.hex(file));
        files.add(f);
        return this;
    }

    /**
     * Records a remark about the protocol, e.g. whether the test images were checked for overlap.
     *
     * @param key   its key
     * @param value its value
     * @return this
     */
    ExperimentProvenance note(String key, Object value) {
        notes.put(key, value);
        return this;
    }

    /**
     * @param settings the experiment's settings
     * @param catalog  resolves the methods
     * @return the provenance object; {@link #data} must have been called
     */
    Map<String, Object> toMap(ExperimentSettings settings, MethodCatalog catalog) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("gendict_version", BuildInfo.version());
        p.put("git_commit", BuildInfo.commit());
        p.put("git_dirty", BuildInfo.dirty());
        Map<String, Object> jdk = new LinkedHashMap<>();
        jdk.put("version", Runtime.version().toString());
        jdk.put("vendor", System.getProperty("java.vendor"));
        jdk.put("vm", System.getProperty("java.vm.name"));
        p.put("jdk", jdk);
        p.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        p.put("processors", Runtime.getRuntime().availableProcessors());
        p.put("kernel", Kernels.get().name());
        p.put("threads", settings.threads());
        p.put("experiment", settings.name());
        p.putAll(data);
        p.put("quantizer", settings.quantizer().describe());
        p.put("seed", settings.seed());
        p.put("trial_seeds", ExperimentRunner.seeds(settings));
        Map<String, Object> methods = new LinkedHashMap<>();
        for (String method : settings.methods()) {
            methods.put(method, catalog.resolve(method, prior));
        }
        p.put("methods", methods);
        p.put("files", files);
        p.putAll(notes);
        return p;
    }
}
