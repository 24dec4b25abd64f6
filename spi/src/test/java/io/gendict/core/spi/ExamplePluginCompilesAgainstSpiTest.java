package io.gendict.core.spi;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The example plugin's sources compile against gendict-spi and EJML alone, as a plugin author's build does. */
class ExamplePluginCompilesAgainstSpiTest {
    private static final Path EXAMPLE = Path.of("..", "examples", "example-plugin", "src", "main", "java");

    @TempDir
    Path out;

    @Test
    void theExamplePluginNeedsNothingButTheSpiAndEjml() throws IOException {
        String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> Files.isRegularFile(Path.of(e, "io", "gendict", "core", "spi", "PriorProvider.class"))
                        || Path.of(e).getFileName().toString().startsWith("ejml-"))
                .collect(Collectors.joining(File.pathSeparator));
        assertTrue(classpath.contains("ejml-"), classpath);
        List<String> args = new ArrayList<>(List.of("-d", out.toString(), "--release", "17", "-cp", classpath));
        try (Stream<Path> files = Files.walk(EXAMPLE)) {
            files.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
        }
        assertTrue(args.size() > 6, "the example's sources are found in " + EXAMPLE.toAbsolutePath());
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(0, javac.run(null, null, err, args.toArray(new String[0])), err.toString());
    }
}
