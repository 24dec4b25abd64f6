package io.gendict.cli;

import io.gendict.core.spi.PriorProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A plugin that calls System.exit cannot make a command end with exit code 0 and no word. */
class ExitGuardTest {
    @TempDir
    Path dir;

    @Test
    void aPluginCallingSystemExitEndsTheCommandWithOneLineAndExitCodeOne() throws Exception {
        Path plugins = Files.createDirectory(dir.resolve("plugins"));
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(plugins.resolve("exiting.jar")))) {
            jar.putNextEntry(new JarEntry("META-INF/services/" + PriorProvider.class.getName()));
            jar.write((ExitingPriorProvider.class.getName() + "\n").getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        }
        Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "plugins", "--plugins", plugins.toString()))
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the command ends");
        List<String> err = Files.readAllLines(dir.resolve("err.txt")).stream()
                .filter(line -> !line.startsWith("WARNING: Using incubator modules")).toList();
        assertEquals(List.of("gendict: " + ExitingPriorProvider.class.getName() + ".name called System.exit, ending the"
                + " command before it finished"), err);
        assertEquals(1, p.exitValue());
        assertEquals("", Files.readString(dir.resolve("out.txt")));
    }
}
