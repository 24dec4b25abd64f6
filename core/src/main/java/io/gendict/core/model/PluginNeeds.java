package io.gendict.core.model;

import io.gendict.core.param.ComponentSpec;
import io.gendict.core.plugin.PluginOrigin;
import io.gendict.core.plugin.PluginSet;
import io.gendict.core.plugin.ProviderKind;

import java.util.ArrayList;
import java.util.List;

/**
 * The plugin jars a model needs, as {@code model.json} records them: for its prior, its oracle and
 * update rule (generative methods) or its baseline, each provider that came from a jar, with the
 * jar's file name and SHA-256 and the provider class.
 *
 * @since 0.1
 */
public final class PluginNeeds {
    private PluginNeeds() {
    }

    /**
     * @param plugins the loaded providers
     * @param prior   the prior's spec
     * @param method  the method's spec (looked up among methods and baselines)
     * @param oracle  the oracle's spec, or {@code null}
     * @param update  the update rule's spec, or {@code null}
     * @return the records, in the order prior, oracle, update rule, method or baseline
     */
    public static List<ModelInfo.Plugin> of(PluginSet plugins, String prior, String method, String oracle,
                                            String update) {
        List<ModelInfo.Plugin> out = new ArrayList<>();
        add(out, plugins, ProviderKind.PRIOR, prior);
        add(out, plugins, ProviderKind.ORACLE, oracle);
        add(out, plugins, ProviderKind.UPDATE_RULE, update);
        add(out, plugins, ProviderKind.METHOD, method);
        add(out, plugins, ProviderKind.BASELINE, method);
        return out;
    }

    private static void add(List<ModelInfo.Plugin> out, PluginSet plugins, ProviderKind<?> kind, String spec) {
        if (spec == null) {
            return;
        }
        String name = ComponentSpec.parse(spec).name();
        plugins.origin(kind, name).ifPresent((PluginOrigin o) -> out.add(new ModelInfo.Plugin(kind.label(),
                plugins.fullName(kind, name).orElse(name), o.jar(), o.sha256(), o.provider())));
    }
}
