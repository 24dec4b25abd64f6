package io.gendict.core.plugin;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * The class loader of one plugin jar, after Trino's {@code PluginClassLoader}: the SPI packages
 * ({@code io.gendict.core.spi}, {@code param}, {@code error}, the gendict-spi artifact) and EJML, which
 * the SPI's signatures use, always come from the application, so plugin and application share those
 * types; the JDK comes from the platform; every other class and resource comes from the jar first and
 * only then from the application, so a plugin can bring its own version of a library gendict also uses.
 * {@code META-INF/services} files are read from the jar alone, so a {@link java.util.ServiceLoader}
 * over this loader sees only the jar's own providers.
 */
final class PluginClassLoader extends URLClassLoader {
    private static final String SERVICES = "META-INF/services/";
    private static final List<String> SHARED_PACKAGES = List.of(
            "io.gendict.core.spi.", "io.gendict.core.param.", "io.gendict.core.error.", "org.ejml.");

    static {
        registerAsParallelCapable();
    }

    private final ClassLoader application;

    /**
     * @param jar         the plugin jar
     * @param application the loader of gendict itself, which serves the SPI and EJML
     */
    PluginClassLoader(URL jar, ClassLoader application) {
        super(new URL[] {jar}, ClassLoader.getPlatformClassLoader());
        this.application = application;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                c = shared(name) ? application.loadClass(name) : jarFirst(name);
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }

    private Class<?> jarFirst(String name) throws ClassNotFoundException {
        try {
            return super.loadClass(name, false);
        } catch (ClassNotFoundException e) {
            return application.loadClass(name);
        }
    }

    @Override
    public URL getResource(String name) {
        if (shared(name.replace('/', '.'))) {
            return application.getResource(name);
        }
        URL url = super.getResource(name);
        return url != null ? url : application.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        if (name.startsWith(SERVICES)) {
            return findResources(name);
        }
        if (shared(name.replace('/', '.'))) {
            return application.getResources(name);
        }
        List<URL> urls = new ArrayList<>(Collections.list(super.getResources(name)));
        urls.addAll(Collections.list(application.getResources(name)));
        return Collections.enumeration(urls);
    }

    private static boolean shared(String name) {
        for (String prefix : SHARED_PACKAGES) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
