package io.gendict.cli;

import io.gendict.cli.command.BenchCommand;
import io.gendict.cli.command.CheckCommand;
import io.gendict.cli.command.CodingCommands;
import io.gendict.cli.command.ExperimentCommand;
import io.gendict.cli.command.LearnCommand;
import io.gendict.cli.command.PluginsCommand;
import io.gendict.cli.command.TrainVaeCommand;
import io.gendict.cli.support.RootCommand;
import io.gendict.cli.support.VersionProvider;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;

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
public final class GendictCommand extends RootCommand {
}
