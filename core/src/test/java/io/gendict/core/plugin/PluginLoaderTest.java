package io.gendict.core.plugin;

import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import io.gendict.core.spi.OracleProvider;
import io.gendict.core.spi.PriorProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PluginLoaderTest {
    @TempDir
    Path dir;

    private final PluginLoader loader = new PluginLoader();

    @Test
    void findsClasspathProvidersOfEveryKind() {
        PluginSet set = loader.load(null);
        assertEquals(List.of("test-prior"), List.copyOf(set.providers(ProviderKind.PRIOR).keySet()));
        assertEquals(List.of("test-oracle"), List.copyOf(set.providers(ProviderKind.ORACLE).keySet()));
        assertEquals(List.of("test-rule"), List.copyOf(set.providers(ProviderKind.UPDATE_RULE).keySet()));
        assertEquals(List.of("test-baseline"), List.copyOf(set.providers(ProviderKind.BASELINE).keySet()));
        assertEquals(PluginLoader.CLASSPATH, set.source(set.providers(ProviderKind.PRIOR).get("test-prior")));
        assertTrue(set.failures().isEmpty(), set.failures().toString());
    }

    @Test
    void loadsProvidersFromJarsInTheFolderAndIgnoresOtherFiles() throws IOException {
        Path jar = TestJars.withProvider(dir.resolve("good.jar"), PriorProvider.class, TestProviders.JarPrior.class);
        Files.writeString(dir.resolve("README.txt"), "not a plugin");

        PluginSet set = loader.load(dir);

        Map<String, PriorProvider> priors = set.providers(ProviderKind.PRIOR);
        assertEquals(List.of("jar-prior", "test-prior"), List.copyOf(priors.keySet()));
        assertEquals(TestProviders.JarPrior.class.getName(), priors.get("jar-prior").getClass().getName());
        assertInstanceOf(PluginClassLoader.class, priors.get("jar-prior").getClass().getClassLoader(),
                "the provider's class is the jar's, loaded jar-first");
        assertEquals(jar.toString(), set.source(priors.get("jar-prior")));
        assertTrue(set.failures().isEmpty(), set.failures().toString());
    }

    @Test
    void duplicateNamesAcrossJarsNameBothJars() throws IOException {
        Path a = TestJars.withProvider(dir.resolve("a.jar"), PriorProvider.class, TestProviders.JarPrior.class);
        Path b = TestJars.withProvider(dir.resolve("b.jar"), PriorProvider.class, TestProviders.JarPrior.class);

        GendictException e = assertThrows(GendictException.class, () -> loader.load(dir));

        assertEquals(ErrorKind.PLUGIN, e.kind());
        assertEquals("two priors are named 'jar-prior': " + a + " and " + b
                + "; a plugin should take a namespaced name, e.g. 'vendor/jar-prior'", e.getMessage());
    }

    @Test
    void aJarProviderNamedLikeABuiltInIsLeftOutNamingBothAndSuggestingANamespace() throws IOException {
        Path jar = TestJars.withProvider(dir.resolve("copy.jar"), PriorProvider.class, TestProviders.Prior.class);

        PluginSet set = loader.load(dir);

        assertEquals(PluginLoader.CLASSPATH, set.source(set.providers(ProviderKind.PRIOR).get("test-prior")),
                "the built-in keeps its name, so every command still works");
        assertEquals(List.of(new PluginFailure(jar.toString(), "its prior 'test-prior' (" + TestProviders.Prior.class.getName()
                + ") is not loaded: the built-in prior 'test-prior' (" + TestProviders.Prior.class.getName()
                + ") has that name; name the plugin's one with a namespace, e.g. 'vendor/test-prior'")), set.failures());
    }

    @Test
    void brokenJarsAreReportedByNameWhileTheGoodJarLoads() throws IOException {
        TestJars.withProvider(dir.resolve("good.jar"), PriorProvider.class, TestProviders.JarPrior.class);
        Path missing = TestJars.write(dir.resolve("missing.jar"), PriorProvider.class,
                new String[] {"io.gendict.missing.Nope"});
        Path corrupt = TestJars.corrupt(dir.resolve("x.jar"));
        Path throwing = TestJars.withProvider(dir.resolve("throwing.jar"), PriorProvider.class,
                TestProviders.Throwing.class);
        Path empty = TestJars.write(dir.resolve("empty.jar"), PriorProvider.class, new String[0],
                TestProviders.JarPrior.class);
        Path badName = TestJars.withProvider(dir.resolve("bad-name.jar"), PriorProvider.class,
                TestProviders.BadName.class);

        PluginSet set = loader.load(dir);

        assertTrue(set.providers(ProviderKind.PRIOR).containsKey("jar-prior"));
        Map<String, String> reasons = set.failures().stream()
                .collect(java.util.stream.Collectors.toMap(PluginFailure::jar, PluginFailure::reason));
        assertEquals(5, reasons.size(), reasons.toString());
        assertTrue(reasons.get(badName.toString()).contains("unusable name 'bad:name'"), reasons.toString());
        assertTrue(reasons.get(missing.toString()).contains("io.gendict.missing.Nope not found"), reasons.toString());
        assertTrue(reasons.get(corrupt.toString()).startsWith("not a readable jar"), reasons.toString());
        assertTrue(reasons.get(throwing.toString()).contains("could not be instantiated"), reasons.toString());
        assertTrue(reasons.get(throwing.toString()).contains("boom in constructor"), reasons.toString());
        assertTrue(reasons.get(empty.toString()).startsWith("registers no provider"), reasons.toString());
    }

    @Test
    void aProviderWhoseNameThrowsIsReportedWhileTheGoodJarLoads() throws IOException {
        TestJars.withProvider(dir.resolve("good.jar"), PriorProvider.class, TestProviders.JarPrior.class);
        Map<Class<?>, String> expected = Map.of(TestProviders.NameThrows.class, "boom in name()",
                TestProviders.NameOverflows.class, "StackOverflowError",
                TestProviders.NameAsserts.class, "name not ready");
        Map<String, String> jars = new java.util.HashMap<>();
        for (Map.Entry<Class<?>, String> e : expected.entrySet()) {
            Path jar = TestJars.withProvider(dir.resolve(e.getKey().getSimpleName() + ".jar"), PriorProvider.class, e.getKey());
            jars.put(jar.toString(), e.getValue());
        }

        PluginSet set = loader.load(dir);

        assertTrue(set.providers(ProviderKind.PRIOR).containsKey("jar-prior"));
        Map<String, String> reasons = set.failures().stream()
                .collect(java.util.stream.Collectors.toMap(PluginFailure::jar, PluginFailure::reason));
        assertEquals(jars.keySet(), reasons.keySet(), reasons.toString());
        jars.forEach((jar, fragment) -> assertTrue(reasons.get(jar).contains(fragment), reasons.toString()));
    }

    @Test
    void aJarWithOneBrokenEntryRegistersNone() throws IOException {
        Path mixed = TestJars.write(dir.resolve("mixed.jar"), PriorProvider.class,
                new String[] {TestProviders.JarPrior.class.getName(), "io.gendict.missing.Nope"},
                TestProviders.JarPrior.class);

        PluginSet set = loader.load(dir);

        assertFalse(set.providers(ProviderKind.PRIOR).containsKey("jar-prior"));
        assertEquals(List.of(mixed.toString()), set.failures().stream().map(PluginFailure::jar).toList());
    }

    @Test
    void aBrokenClasspathEntryIsReportedWhileTheOtherClasspathProvidersLoad() throws IOException {
        Path broken = TestJars.write(dir.resolve("on-classpath.jar"), OracleProvider.class,
                new String[] {"io.gendict.missing.NoOracle"});
        try (URLClassLoader classpath = new URLClassLoader(new URL[] {broken.toUri().toURL()},
                getClass().getClassLoader())) {
            PluginSet set = new PluginLoader(classpath).load(null);

            assertTrue(set.providers(ProviderKind.ORACLE).containsKey("test-oracle"));
            assertEquals(1, set.failures().size(), set.failures().toString());
            assertEquals(PluginLoader.CLASSPATH, set.failures().get(0).jar());
            assertTrue(set.failures().get(0).reason().contains("io.gendict.missing.NoOracle not found"),
                    set.failures().toString());
        }
    }

    @Test
    void aMissingFolderIsAnIoError() {
        GendictException e = assertThrows(GendictException.class, () -> loader.load(dir.resolve("nowhere")));
        assertEquals(ErrorKind.IO, e.kind());
        assertTrue(e.getMessage().endsWith("nowhere' does not exist"), e.getMessage());
    }
}
