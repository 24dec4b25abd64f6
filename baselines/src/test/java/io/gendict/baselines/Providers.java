package io.gendict.baselines;

import io.gendict.core.spi.BaselineProvider;

import java.util.ServiceLoader;

/** Looks built-in baseline providers up through {@link ServiceLoader}, as the registry does. */
final class Providers {
    private Providers() {
    }

    static BaselineProvider byName(String name) {
        for (BaselineProvider p : ServiceLoader.load(BaselineProvider.class)) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        throw new AssertionError("no provider " + name);
    }
}
