package io.gendict.cli.command;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.gendict.cli.GendictCommand;
import io.gendict.cli.option.ThreadsOption;
import io.gendict.cli.support.DataFiles;
import io.gendict.cli.support.PluginCommand;
import io.gendict.cli.support.TrainingOptions;
import io.gendict.core.data.SyntheticSource;
import io.gendict.core.error.Checks;
import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import io.gendict.core.error.MemoryBudget;
import io.gendict.core.io.MappedNpy;
import io.gendict.core.io.Sha256;
import io.gendict.core.learn.GenerativeMethods;
import io.gendict.core.model.Checkpoints;
import io.gendict.core.model.FolderLock;
import io.gendict.core.model.Methods;
import io.gendict.core.model.Model;
import io.gendict.core.model.ModelInfo;
import io.gendict.core.model.ModelStore;
import io.gendict.core.model.PluginNeeds;
import io.gendict.core.param.ComponentSpec;
import io.gendict.core.param.ParamSpec;
import io.gendict.core.param.Params;
import io.gendict.core.spi.Checkpointable;
import io.gendict.core.spi.DictionaryLearner;
import io.gendict.core.spi.GenerativePrior;
import io.gendict.core.spi.LearnerContext;
import io.gendict.core.spi.Registry;
import org.ejml.data.DMatrixRMaj;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code gendict learn}: learns a dictionary from a .npy data file (memory-mapped, seeded shuffled
 * batches) or from synthetic data, under a given prior, with any generative method (optionally with
 * another oracle or update rule) or baseline, and writes a model folder ({@link ModelStore}). With
 * {@code --checkpoint-every N} the learner's whole state is saved atomically every N batches;
 * {@code --resume DIR} continues from the newest checkpoint bit for bit.
 *
 * @since 0.1
 */
@Command(name = "learn", description = "Learn a dictionary from your data (or synthetic data) under a prior; "
        + "writes a model folder for encode, decode, denoise and compress.")
public final class LearnCommand extends PluginCommand {
    private static final ParamSpec SYNTHETIC = ParamSpec.builder()
            .intParam("m", null, 1, 1_000_000, "data dimension")
            .doubleParam("sigma", 0.1, 0, Double.NaN, "noise standard deviation")
            .build();

    private static final String DATA_SHAPE = "dataShape";
    private static final String RUN_ID = "runId";
    /**
     * m×n float64 matrices a run may hold at once (true and learned dictionaries, the learner's working
     * copies): {@code learn --synthetic m=100000} with n=300 (240 MB each) fails under -Xmx1700m, runs under -Xmx2500m.
     */
    private static final int DICTIONARY_COPIES = 10;
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

    @Option(names = "--atoms", paramLabel = "N", description = "Baselines: number of atoms.")
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

    /**
     * The settings of a run, saved in each checkpoint's run.json; {@code batches} &lt; 0 means −epochs, and
     * {@code prior} is the spec as given, which a fresh run re-reads.
     */
    private record Run(String data, String synthetic, String prior, String method, String oracle, String update,
                       int batchSize, long batches, long seed, int checkpointEvery, String out) {
        JsonObject toJson() {
            JsonObject o = new JsonObject();
            o.addProperty("data", data);
            o.addProperty("synthetic", synthetic);
            o.addProperty("prior", prior);
            o.addProperty("method", method);
            o.addProperty("oracle", oracle);
            o.addProperty("update", update);
            o.addProperty("batchSize", batchSize);
            o.addProperty("batches", batches);
            o.addProperty("seed", seed);
            o.addProperty("checkpointEvery", checkpointEvery);
            return o;
        }

        static Run fromJson(JsonObject o, Path dir) {
            try {
                return new Run(text(o, "data"), text(o, "synthetic"), text(o, "prior"), text(o, "method"),
                        text(o, "oracle"), text(o, "update"), o.get("batchSize").getAsInt(), o.get("batches").getAsLong(),
                        o.get("seed").getAsLong(), o.get("checkpointEvery").getAsInt(), dir.toString());
            } catch (RuntimeException e) {
                throw new GendictException(ErrorKind.INVALID_INPUT, dir + ": malformed " + Checkpoints.RUN + ": " + e.getMessage());
            }
        }

        private static String text(JsonObject o, String key) {
            JsonElement e = o.get(key);
            return e == null || e.isJsonNull() ? null : e.getAsString();
        }

        Map<String, String> parameters() {
            Map<String, String> p = new LinkedHashMap<>();
            p.put("data", data != null ? data : "synthetic:" + synthetic);
            p.put("batchSize", Integer.toString(batchSize));
            p.put(batches > 0 ? "batches" : "epochs", Long.toString(Math.abs(batches)));
            p.put("checkpointEvery", Integer.toString(checkpointEvery));
            return p;
        }
    }

    @Override
    public void run() {
        Registry registry = plugins.registry();
        if (resume == null) {
            Run run = newRun();
            try (FolderLock lock = FolderLock.acquire(out)) {
                ModelStore.recover(out);
                requireNewRunFolder();
                learn(run, Optional.empty(), registry);
            }
            return;
        }
        for (OptionSpec o : spec.commandLine().getParseResult().matchedOptions()) {
            if (!RESUME_OPTIONS.contains(o.longestName())) {
                throw new GendictException(ErrorKind.INVALID_PARAMETER, o.longestName()
                        + ": --resume takes the run's settings from its checkpoint; drop " + o.longestName());
            }
        }
        Path parent = resume.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw missingFolder();
        }
        try (FolderLock lock = FolderLock.acquire(resume)) {
            ModelStore.recover(resume);
            if (!Files.isDirectory(resume)) {
                throw missingFolder();
            }
            Optional<Checkpoints.Checkpoint> checkpoint = Checkpoints.latest(resume, registry);
            if (checkpoint.isEmpty()) {
                throw new GendictException(ErrorKind.INVALID_INPUT, "--resume " + resume + ": no checkpoint in the folder");
            }
            learn(Run.fromJson(checkpoint.get().run(), resume), checkpoint, registry);
        }
    }

    private GendictException missingFolder() {
        return new GendictException(ErrorKind.IO, "--resume " + resume + ": model folder does not exist");
    }

    private void learn(Run run, Optional<Checkpoints.Checkpoint> checkpoint, Registry registry) {
        GenerativePrior g = checkpoint.isPresent() ? checkpoint.get().model().model().prior() : registry.prior(run.prior());
        BatchPlan plan = plan(run, g, registry);
        JsonObject runJson = run.toJson();
        runJson.addProperty(DATA_SHAPE, plan.shape());
        JsonElement started = checkpoint.map(c -> c.run().get(DATA_SHAPE)).orElse(null);
        if (started != null && !started.getAsString().equals(plan.shape())) {
            throw new GendictException(ErrorKind.INVALID_INPUT, "--resume " + resume + ": the data " + run.data() + " is now "
                    + plan.shape() + ", the run started on " + started.getAsString());
        }
        if (run.checkpointEvery() > 0) {
            runJson.addProperty(RUN_ID, runId(run));
        }
        if (checkpoint.isPresent()) {
            requireSameRun(checkpoint.get(), run, runJson);
        }
        long total = run.batches() > 0 ? run.batches() : -run.batches() * plan.batchesPerEpoch();
        DictionaryLearner learner = Methods.create(run.method(), run.oracle(), run.update(),
                new LearnerContext(plan.dimension(), g, null, run.seed(), threads.threads()), registry);
        if (run.checkpointEvery() > 0 && !(learner instanceof Checkpointable)) {
            throw new GendictException(ErrorKind.INVALID_PARAMETER, "--checkpoint-every: method '" + run.method()
                    + "' cannot be checkpointed; drop the option");
        }
        List<ModelInfo.Plugin> needs = PluginNeeds.of(plugins.plugins(), g.params().toSpecString(), run.method(),
                run.oracle(), run.update());
        List<ModelInfo.CurvePoint> curve = new ArrayList<>();
        long done = 0;
        if (checkpoint.isPresent()) {
            ((Checkpointable) learner).restore(checkpoint.get().state());
            curve.addAll(checkpoint.get().model().model().info().curve());
            done = checkpoint.get().batches();
        }
        learner.addListener((batch, samples, a, error) -> curve.add(new ModelInfo.CurvePoint(samples, error)));
        Path dir = Path.of(run.out());
        DMatrixRMaj y = new DMatrixRMaj(1, 1);
        long start = System.nanoTime();
        long first = done;
        try (Progress progress = Progress.start("learn " + run.method(), total)) {
            progress.stepTo(done);
            for (long t = done; t < total; t++) {
                plan.batch(t, y);
                learner.fit(y);
                progress.stepTo(t + 1);
                if (run.checkpointEvery() > 0 && ((t + 1) % run.checkpointEvery() == 0 || t + 1 == total)) {
                    Checkpoints.write(dir, t + 1, model(learner, g, run, curve, needs),
                            ((Checkpointable) learner).state(), runJson);
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        ModelStore.save(dir, model(learner, g, run, curve, needs));
        PrintWriter w = stdout();
        long trained = total - first;
        w.printf("%s: %d batches of %d, %d samples seen, last batch error %.6g; %.3f s per batch; model in %s%n",
                run.method(), total, run.batchSize(), learner.samplesSeen(),
                curve.isEmpty() ? Double.NaN : curve.get(curve.size() - 1).error(),
                trained == 0 ? 0.0 : seconds / trained, dir);
        w.flush();
    }

    /**
     * @return the identity of a run: the SHA-256 of its settings and of its data file (synthetic data
     *         follows from the settings), so that another seed, spec or data gives another id; computed
     *         only for checkpointed runs, the only ones that can be resumed
     */
    private static String runId(Run run) {
        String data = run.data() == null ? "" : Sha256.hex(Path.of(run.data()));
        return HexFormat.of().formatHex(Sha256.of((run.toJson() + "\n" + data).getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Refuses to resume a checkpoint whose run id does not follow from its settings and the data as
     * it is now (the data changed), or that belongs to another run than the one that owns the folder.
     */
    private void requireSameRun(Checkpoints.Checkpoint checkpoint, Run run, JsonObject runJson) {
        String id = runJson.get(RUN_ID).getAsString();
        String name = resume + ": checkpoint-" + checkpoint.batches();
        JsonElement stored = checkpoint.run().get(RUN_ID);
        if (stored != null && !stored.getAsString().equals(id)) {
            throw new GendictException(ErrorKind.INVALID_INPUT, "--resume " + name + " was written by run "
                    + stored.getAsString().substring(0, 12) + ", but its settings and the data now give run "
                    + id.substring(0, 12) + ": the data " + (run.data() == null ? "generator" : "file " + run.data())
                    + " changed");
        }
        Optional<JsonObject> owner = Checkpoints.folderRun(resume);
        JsonElement ownerId = owner.map(o -> o.get(RUN_ID)).orElse(null);
        if (ownerId != null && !ownerId.getAsString().equals(id)) {
            List<String> differ = new ArrayList<>();
            for (String key : runJson.keySet()) {
                if (!key.equals(RUN_ID) && !String.valueOf(runJson.get(key)).equals(String.valueOf(owner.get().get(key)))) {
                    differ.add(key);
                }
            }
            throw new GendictException(ErrorKind.INVALID_INPUT, "--resume " + name + " belongs to another run than the"
                    + " folder's " + Checkpoints.RUN + " (run " + ownerId.getAsString().substring(0, 12) + "; they differ in "
                    + (differ.isEmpty() ? "the data" : String.join(", ", differ)) + "); remove the checkpoint, or learn"
                    + " anew with --force");
        }
    }

    private Run newRun() {
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
        boolean gen = Methods.generative(methodSpec);
        GenerativePrior g = plugins.registry().prior(prior);
        String oracleSpec = gen && training.oracle() == null ? GenerativeMethods.oracleSpec(methodSpec, g) : training.oracle();
        String updateSpec = gen && training.update() == null ? GenerativeMethods.ruleSpec(name(methodSpec), g) : training.update();
        return new Run(source.data == null ? null : source.data.toString(), source.synthetic, prior,
                methodSpec, oracleSpec, updateSpec, batchSize, batches, training.seed(), checkpointEvery, out.toString());
    }

    /**
     * Refuses an --out folder holding anything but leftovers of interrupted writes (hidden .tmp
     * entries), unless --force, which then removes its checkpoints so no old run can be resumed.
     */
    private void requireNewRunFolder() {
        if (!Files.isDirectory(out)) {
            return;
        }
        List<String> held;
        try (Stream<Path> entries = Files.list(out)) {
            held = entries.map(p -> p.getFileName().toString())
                    .filter(name -> !(name.startsWith(".") && name.endsWith(".tmp"))).sorted().toList();
        } catch (IOException e) {
            throw new GendictException(ErrorKind.IO, "--out " + out + ": cannot list: " + e, e);
        }
        if (held.isEmpty()) {
            return;
        }
        if (!force) {
            throw new GendictException(ErrorKind.INVALID_PARAMETER, "--out " + out + ": the folder already holds "
                    + String.join(", ", held.subList(0, Math.min(3, held.size()))) + (held.size() > 3 ? ", …" : "")
                    + "; choose a new or empty folder, or pass --force to learn into it (its checkpoints are removed)");
        }
        Checkpoints.removeAll(out);
    }

    private String baselineSpec() {
        String method = training.method();
        if (atoms == null && sparsity == null) {
            return method;
        }
        if (Methods.generative(method)) {
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

    private static String name(String methodSpec) {
        return ComponentSpec.parse(methodSpec).name().toLowerCase(Locale.ROOT);
    }

    private static BatchPlan plan(Run run, GenerativePrior g, Registry registry) {
        if (run.data() != null) {
            Path file = Path.of(run.data());
            MappedNpy data = DataFiles.open(file, "--data");
            BatchPlan plan = new BatchPlan.FromFile(data, file, run.seed(), run.batchSize());
            requireDictionaryFits(plan.dimension(), g.outputDim());
            return plan;
        }
        Params p = SYNTHETIC.validate("--synthetic", ComponentSpec.parse("synthetic:" + run.synthetic()).raw());
        int m = p.getInt("m");
        requireDictionaryFits(m, g.outputDim());
        SyntheticSource truth = SyntheticSource.builder(g, m, run.seed()).sigma(p.getDouble("sigma")).build();
        return new BatchPlan.Synthetic(truth, m, run.seed(), run.batchSize());
    }

    private static void requireDictionaryFits(int m, int n) {
        MemoryBudget.require(ErrorKind.INVALID_PARAMETER, "learn: m=" + m + ", n=" + n + ": the m×n dictionary and the"
                + " learner's copies of it (" + DICTIONARY_COPIES + " × m·n float64)",
                MemoryBudget.product(m, n, Double.BYTES, DICTIONARY_COPIES));
    }

    private static Model model(DictionaryLearner learner, GenerativePrior g, Run run, List<ModelInfo.CurvePoint> curve,
                               List<ModelInfo.Plugin> needs) {
        String version = GendictCommand.class.getPackage().getImplementationVersion();
        ModelInfo info = new ModelInfo(run.method(), run.oracle(), run.update(), run.parameters(), run.seed(),
                learner.samplesSeen(), version == null ? "dev" : version, Runtime.version().toString(), curve, needs);
        return new Model(learner.dictionary().copy(), g, info);
    }
}
