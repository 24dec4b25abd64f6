package io.gendict.cli.option;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code --threads T}: worker threads a command may use, at least 1; by default the number of
 * available processors. Results do not depend on it.
 *
 * @since 0.1
 */
public final class ThreadsOption {
    @Spec(Spec.Target.MIXEE)
    private CommandSpec mixee;

    private int threads = Runtime.getRuntime().availableProcessors();

    /**
     * @param t the thread count
     * @throws ParameterException when {@code t < 1}
     */
    @Option(names = "--threads", paramLabel = "T",
            description = "Worker threads, >= 1 (default: the number of processors).")
    public void setThreads(int t) {
        if (t < 1) {
            throw new ParameterException(mixee.commandLine(), "--threads is " + t + ", expected >= 1");
        }
        threads = t;
    }

    /** @return the thread count, ≥ 1 */
    public int threads() {
        return threads;
    }
}
