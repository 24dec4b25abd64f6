package io.gendict.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The root {@code gendict} command: lists the subcommands and prints usage when run bare.
 *
 * @since 0.1
 */
@Command(name = "gendict",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Dictionary learning under generative coefficient priors.",
        subcommands = {
            CommandLine.HelpCommand.class,
            io.gendict.cli.command.BenchCommand.class
        })
public final class GendictCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
