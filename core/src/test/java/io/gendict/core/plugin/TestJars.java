package io.gendict.core.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/** Writes plugin jars at test time: compiled test classes plus one {@code META-INF/services} file. */
final class TestJars {
    private TestJars() {
    }

    /**
     * @param jar      the jar to write
     * @param service  the SPI interface its services file is for
     * @param lines    the services file's lines (provider binary class names)
     * @param classes  classes whose .class bytes (read from the test classpath) go into the jar
     * @return {@code jar}
     */
    static Path write(Path jar, Class<?> service, String[] lines, Class<?>... classes) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (Class<?> c : classes) {
                String entry = c.getName().replace('.', '/') + ".class";
                out.putNextEntry(new JarEntry(entry));
                try (InputStream in = c.getClassLoader().getResourceAsStream(entry)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
            if (lines.length > 0) {
                out.putNextEntry(new JarEntry("META-INF/services/" + service.getName()));
                out.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return jar;
    }

    /** Writes a jar registering {@code provider} as a {@code service}, with the provider's class bytes. */
    static Path withProvider(Path jar, Class<?> service, Class<?> provider) throws IOException {
        return write(jar, service, new String[] {provider.getName()}, provider);
    }

    /** Writes a file named like a jar that is not a zip. */
    static Path corrupt(Path jar) throws IOException {
        try (OutputStream out = Files.newOutputStream(jar)) {
            out.write("this is not a zip file".getBytes(StandardCharsets.UTF_8));
        }
        return jar;
    }
}
