package io.gendict.cli.option;

import picocli.CommandLine.Option;

/**
 * {@code --seed S}: the root seed of every random choice of a command; the same seed gives the same
 * result bit for bit.
 *
 * @since 0.1
 */
public final class SeedOption {
    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "Root seed of every random choice (default: ${DEFAULT-VALUE}).")
    private long seed;

    /** @return the root seed */
    public long seed() {
        return seed;
    }
}
