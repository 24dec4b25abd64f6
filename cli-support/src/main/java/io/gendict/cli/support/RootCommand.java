package io.gendict.cli.support;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A root command ({@code gendict}, {@code gendict-spark}): declares {@code --verbose}, which its
 * subcommands inherit, and prints the usage when run without a subcommand. The subclass carries the
 * {@code @Command} annotation with the subcommands.
 *
 * @since 0.1
 */
public abstract class RootCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Mixin
    private VerboseOption verbose;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
