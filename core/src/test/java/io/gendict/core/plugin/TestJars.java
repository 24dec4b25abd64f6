package io.gendict.core.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

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

    /**
     * Writes a jar registering {@code provider} as a {@code service}, with the class bytes of the
     * provider's top-level class and all its nested and anonymous classes: the whole plugin, as a real
     * plugin jar holds it (plugin classes load jar-first, so a helper left out would come from another
     * runtime package and lose package access).
     */
    static Path withProvider(Path jar, Class<?> service, Class<?> provider) throws IOException {
        return write(jar, service, new String[] {provider.getName()}, family(provider));
    }

    private static Class<?>[] family(Class<?> provider) throws IOException {
        Class<?> top = provider;
        while (top.getEnclosingClass() != null) {
            top = top.getEnclosingClass();
        }
        String simple = top.getSimpleName();
        Path folder;
        try {
            folder = Path.of(top.getResource(simple + ".class").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.map(Path::getFileName).sorted().toList()) {
                String name = f.toString();
                if (name.equals(simple + ".class") || name.startsWith(simple + "$") && name.endsWith(".class")) {
                    classes.add(Class.forName(top.getPackageName() + "." + name.substring(0, name.length() - 6),
                            false, top.getClassLoader()));
                }
            }
        } catch (ClassNotFoundException e) {
            throw new IOException(e);
        }
        return classes.toArray(new Class<?>[0]);
    }

    /** Writes a file named like a jar that is not a zip. */
    static Path corrupt(Path jar) throws IOException {
        try (OutputStream out = Files.newOutputStream(jar)) {
            out.write("this is not a zip file".getBytes(StandardCharsets.UTF_8));
        }
        return jar;
    }
}
