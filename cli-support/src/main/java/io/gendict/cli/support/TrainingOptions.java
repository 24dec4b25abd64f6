package io.gendict.cli.support;

import io.gendict.core.error.Checks;
import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * The options of a training run shared by {@code gendict learn} and {@code spark-learn}: {@code --prior},
 * {@code --method}, {@code --oracle}, {@code --update}, {@code --batch-size}, {@code --epochs | --batches}
 * and {@code --seed}.
 *
 * @since 0.1
 */
public final class TrainingOptions {
    @Option(names = "--prior", paramLabel = "SPEC", description = "The prior, e.g. group-sparsity:n=300,k=10.")
    String prior;

    @Option(names = "--method", paramLabel = "NAME", defaultValue = "fast",
            description = "fast, altmin, algorithm1, autodiff or a baseline (mod, ksvd, online-dl; "
                    + "parameters after a colon); spark-learn runs the methods whose update rule steps on sums "
                    + "(default: ${DEFAULT-VALUE}).")
    String method;

    @Option(names = "--oracle", paramLabel = "SPEC", description = "Replace the method's decode oracle.")
    String oracle;

    @Option(names = "--update", paramLabel = "SPEC", description = "Replace the method's dictionary update rule.")
    String update;

    @Option(names = "--batch-size", paramLabel = "P", defaultValue = "100",
            description = "Samples per batch (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @ArgGroup(exclusive = true)
    Length length = new Length();

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Root seed (default: ${DEFAULT-VALUE}).")
    long seed;

    /** How long to train. */
    static final class Length {
        @Option(names = "--epochs", paramLabel = "E", description = "Passes over the data (default: 1).")
        Integer epochs;

        @Option(names = "--batches", paramLabel = "N", description = "Batches to train.")
        Long batches;
    }

    /**
     * @return the prior spec as given
     * @throws GendictException (INVALID_PARAMETER) when {@code --prior} is missing
     */
    public String prior() {
        if (prior == null) {
            throw new GendictException(ErrorKind.INVALID_PARAMETER,
                    "--prior: missing; expected a prior spec, e.g. group-sparsity:n=300,k=10");
        }
        return prior;
    }

    /** @return the method spec as given */
    public String method() {
        return method;
    }

    /** @return the oracle spec replacing the method's, or {@code null} */
    public String oracle() {
        return oracle;
    }

    /** @return the update rule spec replacing the method's, or {@code null} */
    public String update() {
        return update;
    }

    /** @return samples per batch, checked ≥ 1 */
    public int batchSize() {
        Checks.parameter(batchSize >= 1, "--batch-size is " + batchSize + ", expected >= 1");
        return batchSize;
    }

    /** @return whether {@code --batches} was given */
    public boolean batchesGiven() {
        return length.batches != null;
    }

    /** @return the batches to train, or −E for {@code --epochs E} (1 epoch by default), checked ≥ 1 */
    public long batches() {
        Checks.parameter(length.epochs == null || length.epochs >= 1, "--epochs is " + length.epochs + ", expected >= 1");
        Checks.parameter(length.batches == null || length.batches >= 1, "--batches is " + length.batches + ", expected >= 1");
        return length.batches != null ? length.batches : -(length.epochs == null ? 1 : length.epochs);
    }

    /** @return the root seed */
    public long seed() {
        return seed;
    }
}
