package io.gendict.core.kernel.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Source scan: only {@code io.gendict.core.kernel.simd} may refer to {@code jdk.incubator.vector}
 * classes, so that everything else loads when the module is absent. Scans the main sources of
 * every module in the reactor (the parent of this module's directory).
 */
class SimdIsolationTest {
    private static final Pattern VECTOR_REFERENCE = Pattern.compile("jdk\\.incubator\\.vector\\.[A-Z*]");
    private static final String SIMD_DIR = "io/gendict/core/kernel/simd/";

    @Test
    void onlyTheSimdPackageReferencesTheVectorApi() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        List<Path> sources;
        try (Stream<Path> files = Files.walk(root)) {
            sources = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> p.toString().replace('\\', '/').contains("/src/main/java/"))
                    .collect(Collectors.toList());
        }
        assertFalse(sources.isEmpty(), "no sources found under " + root);
        List<String> offenders = sources.stream()
                .filter(p -> !p.toString().replace('\\', '/').contains(SIMD_DIR))
                .filter(p -> VECTOR_REFERENCE.matcher(read(p)).find())
                .map(p -> root.relativize(p).toString())
                .collect(Collectors.toList());
        assertEquals(List.of(), offenders, "jdk.incubator.vector referenced outside " + SIMD_DIR);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
