package io.gendict.cli.command;

import io.gendict.cli.support.PluginsOption;
import io.gendict.cli.option.SeedOption;
import io.gendict.core.error.Checks;
import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.MemoryBudget;
import io.gendict.core.io.Npy;
import io.gendict.core.spi.Gaussian;
import io.gendict.core.spi.GenerativePrior;
import io.gendict.theory.estimate.CheckSettings;
import io.gendict.theory.estimate.TheoryReport;
import org.ejml.data.DMatrixRMaj;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * {@code gendict check}: runs the cheap part of the prior contract (VJP against finite differences,
 * finite outputs) and estimates the paper's conditions (Assumption 1, S-REC, RRIC, WDC per ReLU
 * layer, C* and ν, Assumption 6) for a prior and a dictionary, and says in words which hold.
 *
 * @since 0.1
 */
@Command(name = "check",
        description = "Check the prior's VJP against finite differences and its outputs for finiteness, and estimate "
                + "the paper's assumptions (output bound, S-REC, RRIC, WDC, C*, ν, Assumption 6) for a prior and a "
                + "dictionary, with uncertainty and a verdict for each.")
public final class CheckCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Mixin
    private PluginsOption plugins;

    @Mixin
    private SeedOption seed;

    @Option(names = "--prior", required = true, paramLabel = "SPEC",
            description = "The prior, e.g. group-sparsity:n=300,k=10 or relu-net:widths=10,60,300.")
    private String prior;

    @ArgGroup(exclusive = true)
    private DictionaryChoice dictionary = new DictionaryChoice();

    @Option(names = "--samples", paramLabel = "N", defaultValue = "2000",
            description = "Sampled pairs for S-REC and RRIC (default: ${DEFAULT-VALUE}).")
    private int samples;

    @Option(names = "--json", description = "Print the report as JSON.")
    private boolean json;

    /** Where the dictionary comes from. */
    static final class DictionaryChoice {
        @Option(names = "--dictionary", paramLabel = "A.npy", description = "An m×n dictionary.")
        Path file;

        @Option(names = "--random-dictionary", paramLabel = "m",
                description = "A random m×n dictionary with i.i.d. N(0, 1/m) entries, the theory's model "
                        + "(default: m = n).")
        Integer rows;
    }

    @Override
    public void run() {
        Checks.parameter(samples >= 10, "--samples is " + samples + ", expected >= 10");
        GenerativePrior g = plugins.registry().prior(prior);
        MemoryBudget.require(ErrorKind.INVALID_PARAMETER, "--prior " + prior + ": comparing its VJP with finite differences"
                + " (n×n cotangents, n = " + g.outputDim() + ")", MemoryBudget.product(g.outputDim(),
                2L * g.outputDim() + 2L * g.latentDim(), Double.BYTES));
        DMatrixRMaj a;
        if (dictionary.file != null) {
            a = Npy.readMatrix(dictionary.file);
            requireFits("--dictionary " + dictionary.file, a.numRows, g.outputDim());
        } else {
            int m = dictionary.rows == null ? g.outputDim() : dictionary.rows;
            Checks.parameter(m >= 1, "--random-dictionary is " + m + ", expected >= 1");
            requireFits("--random-dictionary " + m, m, g.outputDim());
            a = gaussian(m, g.outputDim(), seed.seed());
        }
        Checks.shape("dictionary" + (dictionary.file == null ? "" : " in " + dictionary.file), a, -1, g.outputDim());
        TheoryReport report = TheoryReport.compute(g, a, null, CheckSettings.defaults(seed.seed()).withPairs(samples));
        PrintWriter out = spec.commandLine().getOut();
        out.println(json ? report.toJson() : report.toText());
        out.flush();
    }

    /**
     * Refuses a dictionary whose check cannot fit in the heap: the m×n dictionary, two m×n work copies
     * and two (--samples)×m products of sampled pairs, float64.
     */
    private void requireFits(String what, int m, int n) {
        MemoryBudget.require(ErrorKind.INVALID_PARAMETER, what + ": checking an m×n = " + m + "×" + n + " dictionary with "
                + samples + " pairs", MemoryBudget.product(m, 3L * n + 2L * samples, Double.BYTES));
    }

    private static DMatrixRMaj gaussian(int m, int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed ^ 0x5DEECE66DL);
        DMatrixRMaj a = new DMatrixRMaj(m, n);
        double scale = 1 / Math.sqrt(m);
        for (int i = 0; i < a.data.length; i++) {
            a.data[i] = scale * Gaussian.next(rng);
        }
        return a;
    }
}
