package io.gendict.cli.command;

import io.gendict.cli.option.ThreadsOption;
import io.gendict.cli.support.PluginCommand;
import io.gendict.cli.support.TrainingOptions;
import io.gendict.core.error.Checks;
import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import io.gendict.core.io.DataFiles;
import io.gendict.core.method.MethodResolver;
import io.gendict.core.method.ResolvedMethod;
import io.gendict.core.model.Methods;
import io.gendict.core.model.Model;
import io.gendict.core.model.ModelStore;
import io.gendict.core.param.ComponentSpec;
import io.gendict.core.spi.GenerativePrior;
import io.gendict.core.train.RunSettings;
import io.gendict.core.train.TrainingSession;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code gendict learn}: learns a dictionary from a .npy data file (memory-mapped, seeded shuffled
 * batches) or from synthetic data, under a given prior, with any generative method (optionally with
 * another oracle or update rule) or baseline, and writes a model folder ({@link ModelStore}). With
 * {@code --checkpoint-every N} the learner's whole state is saved atomically every N batches;
 * {@code --resume DIR} continues from the newest checkpoint bit for bit. The run itself is a
 * {@link TrainingSession}; this command turns options into its {@link RunSettings} and prints the result.
 *
 * @since 0.1
 */
@Command(name = "learn", description = "Learn a dictionary from your data (or synthetic data) under a prior; "
        + "writes a model folder for encode, decode, denoise and compress.")
public final class LearnCommand extends PluginCommand {
    private static final Set<String> RESUME_OPTIONS = Set.of("--resume", "--threads", "--plugins", "--verbose");

    @Mixin
    private ThreadsOption threads;

    @ArgGroup(exclusive = true)
    private Source source = new Source();

    @Option(names = "--resume", paramLabel = "MODEL_DIR",
            description = "Continue the run checkpointed in MODEL_DIR; its settings come from the checkpoint.")
    private Path resume;

    @Mixin
    private TrainingOptions training;

    @Option(names = "--atoms", paramLabel = "N",
            description = "Sparse baselines (mod, ksvd, online-dl): number of atoms; pca takes its rank as pca:rank=N.")
    private Integer atoms;

    @Option(names = "--sparsity", paramLabel = "K", description = "Baselines: non-zeros per code.")
    private Integer sparsity;

    @Option(names = "--checkpoint-every", paramLabel = "N", defaultValue = "0",
            description = "Save a checkpoint every N batches (0: never).")
    private int checkpointEvery;

    @Option(names = "--out", paramLabel = "MODEL_DIR", description = "The model folder to write; new or empty unless --force.")
    private Path out;

    @Option(names = "--force", description = "Learn into a folder that already holds files (a model, checkpoints); "
            + "its checkpoints are removed first.")
    private boolean force;

    /** Where the data comes from. */
    static final class Source {
        @Option(names = "--data", paramLabel = "Y.npy", description = "N×m float32/float64 data, one sample per row.")
        Path data;

        @Option(names = "--synthetic", paramLabel = "SPEC",
                description = "Generate data y = A*·G(z) + noise instead: m=M[,sigma=S].")
        String synthetic;
    }

    @Override
    public void run() {
        TrainingSession.Providers providers = new TrainingSession.Providers(plugins.registry(), plugins.plugins(),
                threads.threads());
        TrainingSession session;
        if (resume == null) {
            session = TrainingSession.start(newRun(), force, providers);
        } else {
            for (OptionSpec o : spec.commandLine().getParseResult().matchedOptions()) {
                if (!RESUME_OPTIONS.contains(o.longestName())) {
                    throw new GendictException(ErrorKind.INVALID_PARAMETER, o.longestName()
                            + ": --resume takes the run's settings from its checkpoint; drop " + o.longestName());
                }
            }
            session = TrainingSession.resume(resume, providers);
        }
        try (session) {
            RunSettings run = session.run();
            long start = System.nanoTime();
            Model model;
            try (Progress progress = Progress.start("learn " + run.method(), session.totalBatches())) {
                model = session.train(progress::stepTo);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long trained = session.totalBatches() - session.batchesDone();
            PrintWriter w = stdout();
            w.printf("%s: %d batches of %d, %d samples seen, last batch error %.6g; %.3f s per batch; model in %s%n",
                    run.method(), session.totalBatches(), run.batchSize(), model.info().samplesSeen(),
                    session.lastError(), trained == 0 ? 0.0 : seconds / trained, run.out());
            w.flush();
        }
    }

    private RunSettings newRun() {
        if (source.data == null && source.synthetic == null) {
            throw new GendictException(ErrorKind.INVALID_PARAMETER, "learn: give --data Y.npy, --synthetic m=M or --resume MODEL_DIR");
        }
        String prior = training.prior();
        if (out == null) {
            throw new GendictException(ErrorKind.INVALID_PARAMETER, "--out: missing; expected the model folder to write");
        }
        int batchSize = training.batchSize();
        Checks.parameter(checkpointEvery >= 0, "--checkpoint-every is " + checkpointEvery + ", expected >= 0");
        long batches = training.batches();
        if (source.synthetic != null && !training.batchesGiven()) {
            throw new GendictException(ErrorKind.INVALID_PARAMETER, "--synthetic: give --batches N (synthetic data has no epochs)");
        }
        DataFiles.requireOutputFolder(out, "--out");
        String methodSpec = baselineSpec();
        GenerativePrior g = plugins.registry().prior(prior);
        ResolvedMethod method = new MethodResolver(plugins.registry())
                .resolve(methodSpec, training.oracle(), training.update(), g, false);
        return new RunSettings(source.data == null ? null : source.data.toString(), source.synthetic, prior,
                methodSpec, method.oracle(), method.update(), batchSize, batches, training.seed(), checkpointEvery, out.toString());
    }
    private String baselineSpec() {
        String method = training.method();
        if (atoms == null && sparsity == null) {
            return method;
        }
        if (Methods.generative(method, plugins.registry())) {
            throw new GendictException(ErrorKind.INVALID_PARAMETER, (atoms != null ? "--atoms" : "--sparsity")
                    + ": only baselines take it; method '" + method + "' takes its size from the prior");
        }
        ComponentSpec parsed = ComponentSpec.parse(method);
        Map<String, Object> raw = new LinkedHashMap<>(parsed.raw());
        if (atoms != null) {
            raw.put("atoms", atoms);
        }
        if (sparsity != null) {
            raw.put("sparsity", sparsity);
        }
        StringBuilder s = new StringBuilder(parsed.name());
        String sep = ":";
        for (Map.Entry<String, Object> e : raw.entrySet()) {
            s.append(sep).append(e.getKey()).append('=').append(e.getValue());
            sep = ",";
        }
        return s.toString();
    }
}
