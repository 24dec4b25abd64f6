package io.gendict.cli.command;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Builds plugin jars in tests: compiles a source tree against the test classpath and jars it with its resources. */
final class PluginJars {
    private PluginJars() {
    }

    /**
     * @param work      a scratch folder for the classes
     * @param sources   root of the .java files
     * @param resources root of the resources (META-INF/services)
     * @param jar       the jar to write
     * @return the jar
     */
    static Path build(Path work, Path sources, Path resources, Path jar) throws IOException {
        Path classes = Files.createDirectories(work.resolve("classes-" + jar.getFileName()));
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "--release", "17",
                "-cp", System.getProperty("java.class.path")));
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, args.toArray(new String[0])), "the plugin compiles");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(file)) {
            for (Path root : List.of(classes, resources)) {
                try (Stream<Path> files = Files.walk(root)) {
                    for (Path p : files.filter(Files::isRegularFile).toList()) {
                        zip.putNextEntry(new JarEntry(root.relativize(p).toString().replace('\\', '/')));
                        zip.write(Files.readAllBytes(p));
                        zip.closeEntry();
                    }
                }
            }
        }
        return jar;
    }
}
