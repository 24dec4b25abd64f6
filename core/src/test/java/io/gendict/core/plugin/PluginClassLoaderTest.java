package io.gendict.core.plugin;

import com.google.gson.JsonNull;
import io.gendict.core.error.GendictException;
import io.gendict.core.param.ParamSpec;
import io.gendict.core.spi.PriorProvider;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

class PluginClassLoaderTest {
    @TempDir
    Path dir;

    @Test
    void theSpiAndEjmlComeFromTheApplicationAndEverythingElseFromTheJarFirst() throws Exception {
        Path jar = TestJars.write(dir.resolve("own-gson.jar"), PriorProvider.class, new String[0],
                TestProviders.JarPrior.class, JsonNull.class, PriorProvider.class);
        ClassLoader application = getClass().getClassLoader();
        try (PluginClassLoader loader = new PluginClassLoader(jar.toUri().toURL(), application)) {
            assertSame(PriorProvider.class, loader.loadClass(PriorProvider.class.getName()),
                    "an SPI type is the application's even when the jar holds a copy");
            assertSame(ParamSpec.class, loader.loadClass(ParamSpec.class.getName()));
            assertSame(GendictException.class, loader.loadClass(GendictException.class.getName()));
            assertSame(DMatrixRMaj.class, loader.loadClass(DMatrixRMaj.class.getName()));
            assertSame(String.class, loader.loadClass(String.class.getName()));

            Class<?> ownGson = loader.loadClass(JsonNull.class.getName());
            assertNotSame(JsonNull.class, ownGson, "a library the jar brings is the jar's own version");
            assertSame(loader, ownGson.getClassLoader());
            Class<?> prior = loader.loadClass(TestProviders.JarPrior.class.getName());
            assertSame(loader, prior.getClassLoader());
            assertSame(TestProviders.Prior.class, prior.getSuperclass(),
                    "a class the jar lacks comes from the application");
        }
    }

    @Test
    void servicesFilesAreTheJarsOwn() throws IOException {
        Path jar = TestJars.withProvider(dir.resolve("one.jar"), PriorProvider.class, TestProviders.JarPrior.class);
        try (PluginClassLoader loader = new PluginClassLoader(jar.toUri().toURL(), getClass().getClassLoader())) {
            assertEquals(1, Collections.list(
                    loader.getResources("META-INF/services/" + PriorProvider.class.getName())).size());
        }
    }
}
