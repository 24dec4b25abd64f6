package io.gendict.cli.command;

import io.gendict.cli.option.SeedOption;
import io.gendict.cli.option.ThreadsOption;
import io.gendict.cli.plot.ErrorCurvePlot;
import io.gendict.cli.plot.ReconstructionGrid;
import io.gendict.cli.support.PluginsOption;
import io.gendict.cli.support.Precision;
import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import io.gendict.core.experiment.ExperimentListener;
import io.gendict.core.experiment.ExperimentResult;
import io.gendict.core.experiment.ExperimentRunner;
import io.gendict.core.experiment.ExperimentSettings;
import io.gendict.core.experiment.MethodCatalog;
import io.gendict.core.experiment.ResultRow;
import io.gendict.core.experiment.SyntheticPreset;
import io.gendict.core.experiment.TrialData;
import io.gendict.core.experiment.TrialDataFactory;
import io.gendict.core.io.AtomicFiles;
import io.gendict.core.spi.DictionaryLearner;
import io.gendict.core.spi.Registry;
import org.ejml.data.DMatrixRMaj;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code gendict experiment NAME}: reproduces a figure of the paper end to end (docs/algorithms.md §3)
 * and writes {@code results.csv}, {@code summary.json}, {@code error_vs_samples.png} and, for the
 * image task, {@code reconstructions.png}; {@code rate-distortion} compares the codecs instead
 * ({@link RateDistortionTask}).
 *
 * @since 0.1
 */
@Command(name = "experiment",
        description = "Reproduce a figure of the paper: dependencies (1a), group-sparsity (1b) or transfer (2). "
                + "Writes results.csv, summary.json and error_vs_samples.png (and reconstructions.png for transfer). "
                + "rate-distortion: file size against PSNR of the learned codecs, JPEG and PNG on images; writes "
                + "results.csv, summary.json, rd.png and reconstructions.png.")
public final class ExperimentCommand implements Runnable {
    /** The methods run when {@code --methods} is not given. */
    public static final List<String> DEFAULT_METHODS = List.of("autodiff", "altmin", "mod", "ksvd", "online-dl", "pca", "fast");

    @Spec
    private CommandSpec spec;

    @Mixin
    private PluginsOption plugins;

    @Mixin
    private SeedOption seed;

    @Mixin
    private ThreadsOption threads;

    @Parameters(index = "0", paramLabel = "NAME", description = "dependencies, group-sparsity, transfer or rate-distortion.")
    private String name;

    @Option(names = "--trials", paramLabel = "N", defaultValue = "4", description = "Trials (default: ${DEFAULT-VALUE}).")
    private int trials;

    @Option(names = "--batches", paramLabel = "N",
            description = "Training batches per trial (default: 10; 30 for rate-distortion).")
    private Integer batches;

    @Option(names = "--batch-size", paramLabel = "P",
            description = "Samples per training batch (default: 30; 300 for rate-distortion).")
    private Integer batchSize;

    @Option(names = "--test-batches", paramLabel = "nB",
            description = "Test batches (default: 5; 2 for transfer, as the paper; 4 for rate-distortion).")
    private Integer testBatches;

    @Option(names = "--test-batch-size", paramLabel = "B",
            description = "Samples per test batch (default: 30; 250 for rate-distortion).")
    private Integer testBatchSize;

    @Option(names = "--methods", paramLabel = "a,b,c", split = MethodCatalog.LIST_SPLIT,
            description = "Methods to compare (default: autodiff, altmin, mod, ksvd, online-dl, pca, fast; for "
                    + "rate-distortion amortized, ksvd:sparsity=5, mod:sparsity=5, pca); baselines take parameters "
                    + "after a colon, e.g. ksvd:iterations=2,atoms=50 or amortized:iterations=0; a generative method "
                    + "composes in another oracle or update rule, e.g. altmin:oracle=gauss-newton,update=adam.")
    private List<String> methods;

    @ArgGroup(exclusive = true)
    private Precision precision = new Precision();

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: results/NAME).")
    private Path out;

    @Option(names = "--prior", paramLabel = "SPEC", description = "Synthetic experiments: replace the preset's prior.")
    private String prior;

    @Option(names = "--m", paramLabel = "M", description = "Synthetic experiments: replace the data dimension m.")
    private Integer m;

    @Option(names = "--sigma", paramLabel = "S", description = "Replace the noise standard deviation σ.")
    private Double sigma;

    @ArgGroup(exclusive = false, heading = "Image tasks (transfer, rate-distortion):%n")
    private TransferTask.TransferOptions transfer = new TransferTask.TransferOptions();

    @ArgGroup(exclusive = false, heading = "Rate-distortion:%n")
    private RateDistortionTask.Options rateDistortion = new RateDistortionTask.Options();

    @Override
    public void run() {
        Registry registry = plugins.registry();
        MethodCatalog catalog = new MethodCatalog(registry);
        boolean rd = name.equals(RateDistortionTask.NAME);
        List<String> chosen = (methods != null ? methods : rd ? RateDistortionTask.DEFAULT_METHODS : DEFAULT_METHODS)
                .stream().map(MethodCatalog::canonical).toList();
        chosen.forEach(catalog::validate);
        ExperimentSettings settings = new ExperimentSettings(name, chosen, trials,
                batches != null ? batches : rd ? 30 : 10,
                batchSize != null ? batchSize : rd ? 300 : 30,
                testBatches != null ? testBatches : name.equals(TransferTask.NAME) ? 2 : rd ? 4 : 5,
                testBatchSize != null ? testBatchSize : rd ? 250 : 30,
                precision.quantizer(4), seed.seed(), threads.threads());
        Path dir = out != null ? out : Path.of("results", name);
        PrintWriter err = spec.commandLine().getErr();
        if (rd) {
            if (precision.given() || prior != null || m != null || sigma != null) {
                throw new GendictException(ErrorKind.INVALID_PARAMETER, "rate-distortion takes --bit-depths for the "
                        + "learned codecs' precision and no --digits, --bits, --prior, --m or --sigma");
            }
            RateDistortionTask task = new RateDistortionTask(transfer, rateDistortion, registry, err);
            createFolder(dir);
            task.run(settings, dir, catalog, new ExperimentProvenance(), spec.commandLine().getOut());
            return;
        }
        TransferTask task = name.equals(TransferTask.NAME) ? new TransferTask(transfer, sigma, registry, err) : null;
        ExperimentProvenance provenance = new ExperimentProvenance();
        TrialDataFactory data = task == null ? synthetic(registry, provenance) : null;
        createFolder(dir);
        if (task != null) {
            data = task.trials(settings, dir, provenance);
        }
        Map<String, DMatrixRMaj> grid = new LinkedHashMap<>();
        ExperimentResult result;
        try (Progress progress = Progress.start("experiment " + name, (long) trials * chosen.size() * settings.batches())) {
            result = new ExperimentRunner(data, catalog).run(settings, new ExperimentListener() {
                @Override
                public void onStep(long done, long total, ResultRow row) {
                    progress.stepTo(done);
                }

                @Override
                public void afterMethod(int trial, String method, DictionaryLearner learner, TrialData trialData) {
                    if (task != null && trial == 0) {
                        task.collect(grid, method, learner, trialData, settings);
                    }
                }
            });
        }
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.print(result.toTable());
        stdout.flush();
        write(dir.resolve("results.csv"), result.toCsv().getBytes(StandardCharsets.UTF_8));
        write(dir.resolve("summary.json"), result.toSummaryJson(provenance.toMap(settings, catalog)).getBytes(StandardCharsets.UTF_8));
        try {
            write(dir.resolve("error_vs_samples.png"), ErrorCurvePlot.render(result));
            if (task != null) {
                write(dir.resolve("reconstructions.png"), ReconstructionGrid.render(TransferTask.columns(grid)));
            }
        } catch (IOException e) {
            throw new GendictException(ErrorKind.IO, dir + ": cannot render a plot: " + e.getMessage(), e);
        }
        stdout.println("wrote " + String.join(", ", Arrays.asList("results.csv", "summary.json", "error_vs_samples.png"))
                + (task != null ? ", reconstructions.png" : "") + " to " + dir);
        stdout.flush();
    }

    private TrialDataFactory synthetic(Registry registry, ExperimentProvenance provenance) {
        SyntheticPreset preset = SyntheticPreset.named(name);
        SyntheticPreset chosen = new SyntheticPreset(preset.name(), prior != null ? prior : preset.prior(),
                m != null ? m : preset.m(), sigma != null ? sigma : preset.sigma());
        TrialDataFactory trials = chosen.trials(registry);
        provenance.data(chosen.prior(), registry.prior(chosen.prior()), chosen.m(), chosen.sigma(), null,
                SyntheticPreset.seededPerTrial(registry, chosen.prior()));
        return trials;
    }

    private static void createFolder(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new GendictException(ErrorKind.IO, dir + ": cannot create the output folder: " + e.getMessage(), e);
        }
    }

    private static void write(Path file, byte[] bytes) {
        AtomicFiles.write(file, o -> o.write(bytes));
    }
}
