package io.gendict.cli;

import io.gendict.cli.command.BenchCommand;
import io.gendict.cli.command.CheckCommand;
import io.gendict.cli.command.CodingCommands;
import io.gendict.cli.command.ExperimentCommand;
import io.gendict.cli.command.LearnCommand;
import io.gendict.cli.command.PluginsCommand;
import io.gendict.cli.command.TrainVaeCommand;
import io.gendict.cli.option.VerboseOption;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The root {@code gendict} command: lists the subcommands and prints usage when run bare.
 * {@code --help}, {@code --version} and {@code --verbose} are declared here and inherited by every
 * subcommand.
 *
 * @since 0.1
 */
@Command(name = "gendict",
        scope = ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Dictionary learning under generative coefficient priors.",
        subcommands = {
            PluginsCommand.class,
            ExperimentCommand.class,
            TrainVaeCommand.class,
            CheckCommand.class,
            BenchCommand.class,
            LearnCommand.class,
            CodingCommands.Encode.class,
            CodingCommands.Decode.class,
            CodingCommands.Denoise.class,
            CodingCommands.Compress.class,
            CodingCommands.Decompress.class,
            CommandLine.HelpCommand.class
        })
public final class GendictCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Mixin
    private VerboseOption verbose;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
