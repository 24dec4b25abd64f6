package io.gendict.cli.support;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;

/**
 * A subcommand that loads providers: it takes {@code --plugins DIR} ({@link PluginsOption}) and prints
 * its result line to the command line's output.
 *
 * @since 0.1
 */
public abstract class PluginCommand implements Runnable {
    @Spec
    protected CommandSpec spec;

    @Mixin
    protected PluginsOption plugins;

    /** @return where results go */
    protected PrintWriter stdout() {
        return spec.commandLine().getOut();
    }
}
