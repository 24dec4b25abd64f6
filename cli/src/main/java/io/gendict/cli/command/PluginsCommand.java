package io.gendict.cli.command;

import io.gendict.cli.support.PluginsOption;
import io.gendict.core.plugin.PluginSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gendict plugins}: lists every prior, oracle, update rule and baseline (built-in and from
 * {@code --plugins DIR}) with its parameters, and the plugin jars that failed to load.
 *
 * @since 0.1
 */
@Command(name = "plugins",
        description = "List every prior, oracle, update rule and baseline with its parameters, "
                + "and any plugin jar that failed to load.")
public final class PluginsCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Mixin
    private PluginsOption plugins;

    @Option(names = "--json", description = "Print the listing as JSON.")
    private boolean json;

    @Override
    public void run() {
        PluginSet set = plugins.plugins();
        spec.commandLine().getOut().print(json ? PluginListing.json(set) + "\n" : PluginListing.text(set));
        spec.commandLine().getOut().flush();
    }
}
