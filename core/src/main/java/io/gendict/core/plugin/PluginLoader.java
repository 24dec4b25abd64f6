package io.gendict.core.plugin;

import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import io.gendict.core.io.Sha256;
import io.gendict.core.spi.Provider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds the providers of the five kinds ({@link ProviderKind#all()}) with {@link ServiceLoader}: on
 * the application classpath, then in every {@code *.jar} of an optional plugins folder (in file-name
 * order), each jar in its own class loader whose parent is the application's, so the SPI is shared.
 *
 * <p>A jar that cannot be read, names a missing class, fails to link, has a provider whose
 * constructor, {@code name()}, {@code description()} or {@code parameters()} throws (an exception, an
 * assertion or a stack overflow) or whose name is unusable, or registers nothing becomes a {@link PluginFailure}
 * (logged as a warning) and registers none of its providers; the other jars still load. A broken
 * classpath entry is a failure of source {@code "classpath"}, and the other classpath providers
 * still load. A name is kebab-case, optionally namespaced ({@code vendor/name}). A jar's provider named
 * like a built-in one is left out, as a failure of its jar that names both and suggests the
 * namespaced form, so that a built-in added later never breaks a plugin's users; two providers of
 * one kind with the same name otherwise are an error. Each jar's providers are recorded with the
 * jar's file name and SHA-256 ({@link PluginOrigin}), and their components run behind a guard that
 * reports the plugin's bugs as its own ({@link PluginSet#guardedProviders}).
 *
 * @since 0.1
 */
public final class PluginLoader {
    /** The source name of providers found on the application classpath. */
    public static final String CLASSPATH = "classpath";

    private static final Logger LOG = LoggerFactory.getLogger(PluginLoader.class);
    /** A provider name: no blank, ':', ',', '=', braces or '/', except one '/' between a namespace and the name. */
    static final String NAME = "[^\\s:,={}/]+(/[^\\s:,={}/]+)?";
    /** Bounds the recovery loop in case a ServiceLoader iterator keeps failing on the same entry. */
    private static final int MAX_ERRORS_PER_KIND = 100;

    private final ClassLoader parent;

    /** A loader over the class loader that loaded gendict itself. */
    public PluginLoader() {
        this(PluginLoader.class.getClassLoader());
    }

    /**
     * @param parent the application class loader: scanned for classpath providers, and what serves the
     *               SPI and EJML to every plugin jar's loader ({@link PluginClassLoader})
     */
    public PluginLoader(ClassLoader parent) {
        this.parent = parent;
    }

    /**
     * Loads the classpath providers and those of every jar in {@code pluginsDir}.
     *
     * @param pluginsDir folder of plugin jars, or {@code null} for the classpath alone
     * @return the providers found and the sources that failed
     * @throws GendictException IO when the folder does not exist or cannot be listed; PLUGIN when
     *                          two providers of one kind share a name (the message names both sources)
     */
    public PluginSet load(Path pluginsDir) {
        Collector collector = new Collector();
        List<String> errors = new ArrayList<>();
        discover(parent, errors).forEach(found -> collector.add(found, CLASSPATH));
        errors.forEach(e -> collector.fail(CLASSPATH, e));
        if (pluginsDir != null) {
            jars(pluginsDir).forEach(jar -> loadJar(jar, collector));
        }
        return collector.build();
    }

    private void loadJar(Path jar, Collector collector) {
        String source = jar.toString();
        try (JarFile file = new JarFile(jar.toFile())) {
            LOG.debug("reading plugin jar {} ({} entries)", jar, file.size());
        } catch (IOException e) {
            collector.fail(source, "not a readable jar: " + e.getMessage());
            return;
        }
        PluginClassLoader loader;
        try {
            loader = new PluginClassLoader(jar.toUri().toURL(), parent);
        } catch (MalformedURLException e) {
            collector.fail(source, "no URL for the jar: " + e.getMessage());
            return;
        }
        List<String> errors = new ArrayList<>();
        List<Found> found = discover(loader, errors);
        if (!errors.isEmpty() || found.isEmpty()) {
            close(loader);
            collector.fail(source, errors.isEmpty() ? "registers no provider (no META-INF/services file for "
                    + ProviderKind.all().stream().map(k -> k.type().getName()).collect(Collectors.joining(", "))
                    + ")" : String.join("; ", errors));
            return;
        }
        String sha256;
        try {
            sha256 = Sha256.hex(jar);
        } catch (GendictException e) {
            close(loader);
            collector.fail(source, e.getMessage());
            return;
        }
        found.forEach(f -> collector.addFromJar(f, source,
                new PluginOrigin(jar.getFileName().toString(), sha256, f.provider().getClass().getName())));
        LOG.info("loaded {} provider(s) from {}", found.size(), jar);
    }

    private static List<Found> discover(ClassLoader loader, List<String> errors) {
        List<Found> found = new ArrayList<>();
        for (ProviderKind<?> kind : ProviderKind.all()) {
            Iterator<? extends Provider> it = ServiceLoader.load(kind.type(), loader).iterator();
            int failed = 0;
            while (failed < MAX_ERRORS_PER_KIND) {
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    found.add(new Found(kind, checked(kind, it.next())));
                } catch (ServiceConfigurationError | LinkageError | RuntimeException | AssertionError
                         | StackOverflowError e) {
                    // a provider's own failure, even an Error of its making, disqualifies only its jar
                    errors.add(reason(e));
                    failed++;
                }
            }
        }
        return found;
    }

    private static Provider checked(ProviderKind<?> kind, Provider p) {
        String name = p.name();
        if (name == null || !name.matches(NAME)) {
            throw new IllegalStateException(kind + " provider " + p.getClass().getName() + " has an unusable name '"
                    + name + "' (expected kebab-case, optionally namespaced as vendor/name, without ':', ',', '=',"
                    + " braces or spaces)");
        }
        if (p.description() == null || p.parameters() == null) {
            throw new IllegalStateException(kind + " provider " + p.getClass().getName()
                    + " returns null from description() or parameters()");
        }
        return p;
    }

    private static List<Path> jars(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new GendictException(ErrorKind.IO, "plugins folder '" + dir + "' "
                    + (Files.exists(dir) ? "is not a directory" : "does not exist"));
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jar") && !Files.isDirectory(p))
                    .sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            throw new GendictException(ErrorKind.IO, "plugins folder '" + dir + "' cannot be listed: " + e.getMessage(), e);
        }
    }

    private static String reason(Throwable e) {
        StringBuilder sb = new StringBuilder(e instanceof ServiceConfigurationError || e instanceof IllegalStateException
                ? e.getMessage() : e.toString());
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            sb.append(": ").append(c);
        }
        return sb.toString().replaceAll("\\s*\\R\\s*", " ");
    }

    private static void close(PluginClassLoader loader) {
        try {
            loader.close();
        } catch (IOException e) {
            LOG.debug("closing a plugin class loader failed", e);
        }
    }

    private record Found(ProviderKind<?> kind, Provider provider) {
    }

    /** Accumulates providers by kind, rejecting duplicate names, and failures. */
    private static final class Collector {
        private final Map<ProviderKind<?>, Map<String, Provider>> byKind = new LinkedHashMap<>();
        private final IdentityHashMap<Provider, String> sources = new IdentityHashMap<>();
        private final IdentityHashMap<Provider, PluginOrigin> origins = new IdentityHashMap<>();
        private final List<PluginFailure> failures = new ArrayList<>();

        Collector() {
            ProviderKind.all().forEach(k -> byKind.put(k, new TreeMap<>()));
        }

        void add(Found found, String source) {
            Provider p = found.provider();
            sources.put(p, source);
            Provider old = byKind.get(found.kind()).putIfAbsent(p.name(), p);
            if (old != null) {
                boolean plugin = !CLASSPATH.equals(sources.get(old)) || !CLASSPATH.equals(source);
                throw new GendictException(ErrorKind.PLUGIN, "two " + found.kind().plural() + " are named '" + p.name()
                        + "': " + describe(old) + " and " + describe(p) + (plugin && !p.name().contains("/")
                        ? "; a plugin should take a namespaced name, e.g. 'vendor/" + p.name() + "'" : ""));
            }
            LOG.debug("{} '{}' from {}", found.kind(), p.name(), describe(p));
        }

        /**
         * Adds a jar's provider; one named like a built-in is left out (the built-in keeps its name)
         * and reported as a failure of the jar that names both and suggests a namespaced name.
         */
        void addFromJar(Found found, String source, PluginOrigin origin) {
            Provider p = found.provider();
            Provider builtIn = byKind.get(found.kind()).get(p.name());
            if (builtIn != null && CLASSPATH.equals(sources.get(builtIn))) {
                fail(source, "its " + found.kind() + " '" + p.name() + "' (" + origin.provider() + ") is not loaded: the"
                        + " built-in " + found.kind() + " '" + p.name() + "' (" + builtIn.getClass().getName()
                        + ") has that name; name the plugin's one with a namespace, e.g. 'vendor/" + p.name() + "'");
                return;
            }
            add(found, source);
            origins.put(p, origin);
        }

        void fail(String source, String reason) {
            PluginFailure failure = new PluginFailure(source, reason);
            LOG.warn("plugin not loaded: {}", failure);
            failures.add(failure);
        }

        PluginSet build() {
            Map<ProviderKind<?>, Map<String, Provider>> frozen = new LinkedHashMap<>();
            byKind.forEach((k, m) -> frozen.put(k, Collections.unmodifiableMap(m)));
            return new PluginSet(Collections.unmodifiableMap(frozen), sources, origins, failures);
        }

        private String describe(Provider p) {
            String source = sources.get(p);
            return CLASSPATH.equals(source) ? CLASSPATH + " (" + p.getClass().getName() + ")" : source;
        }
    }
}
