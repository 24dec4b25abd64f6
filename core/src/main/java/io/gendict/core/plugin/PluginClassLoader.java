package io.gendict.core.plugin;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Enumeration;

/**
 * The class loader of one plugin jar. Classes resolve parent-first, so the SPI types are shared
 * with the application, but {@code META-INF/services} files are read from the jar alone, so a
 * {@link java.util.ServiceLoader} over this loader sees only the jar's own providers.
 */
final class PluginClassLoader extends URLClassLoader {
    private static final String SERVICES = "META-INF/services/";

    static {
        registerAsParallelCapable();
    }

    PluginClassLoader(URL jar, ClassLoader parent) {
        super(new URL[] {jar}, parent);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        return name.startsWith(SERVICES) ? findResources(name) : super.getResources(name);
    }
}
