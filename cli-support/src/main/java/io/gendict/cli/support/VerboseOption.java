package io.gendict.cli.support;

import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code --verbose}: log at info level instead of warn, and print the stack trace of an error. Declared
 * once on the root command and inherited by every subcommand.
 *
 * @since 0.1
 */
public final class VerboseOption {
    /** The slf4j-simple property read when the first logger is created. */
    static final String LOG_LEVEL_PROPERTY = "org.slf4j.simpleLogger.defaultLogLevel";

    private boolean verbose;

    /**
     * Sets the flag; when on, raises the log level before any logger exists (options are parsed
     * before a command runs).
     *
     * @param on whether {@code --verbose} was given
     */
    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Log progress at info level and print the stack trace of an error.")
    public void setVerbose(boolean on) {
        verbose = on;
        if (on) {
            System.setProperty(LOG_LEVEL_PROPERTY, "info");
        }
    }

    /** @return whether {@code --verbose} was given */
    public boolean verbose() {
        return verbose;
    }
}
