package io.gendict.cli.command;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.gendict.cli.Main;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.execute(new PrintWriter(out), new PrintWriter(err), args);
    }

    @Test
    void timesEachMethodPerBatchOnBothSettings() {
        assertEquals(0, run("bench", "--warm-up", "0", "--no-kernels", "--methods", "fast,ksvd", "--method-batches", "1", "--json"),
                err.toString());
        JsonObject json = JsonParser.parseString(out.toString()).getAsJsonObject();
        JsonArray methods = json.getAsJsonArray("methods");
        assertEquals(4, methods.size(), out.toString());
        for (int i = 0; i < methods.size(); i++) {
            JsonObject t = methods.get(i).getAsJsonObject();
            assertEquals(1, t.get("batches").getAsInt());
            assertTrue(t.get("medianSeconds").getAsDouble() > 0, t.toString());
            assertTrue(t.get("testSeconds").getAsDouble() > 0, t.toString());
            double error = t.get("testError").getAsDouble();
            assertTrue(error > 0 && Double.isFinite(error), t.toString());
        }
        assertEquals("group-sparsity", methods.get(0).getAsJsonObject().get("setting").getAsString());
        assertEquals("ksvd", methods.get(3).getAsJsonObject().get("method").getAsString());
    }

    @Test
    void tableNamesTheMethods() {
        assertEquals(0, run("bench", "--warm-up", "0", "--no-kernels", "--methods", "mod", "--method-batches", "1"), err.toString());
        assertTrue(out.toString().contains("seconds per training batch") && out.toString().contains("dependencies"),
                out.toString());
    }

    @Test
    void scalingNormalisesPerSampleAndPerMn() {
        assertEquals(0, run("bench", "--warm-up", "0", "--scaling", "--dims", "196,392", "--batch-sizes", "30,60", "--methods", "mod",
                "--method-batches", "1", "--json"), err.toString());
        JsonArray points = JsonParser.parseString(out.toString()).getAsJsonObject().getAsJsonArray("scaling");
        assertEquals(4, points.size(), out.toString());
        for (int i = 0; i < points.size(); i++) {
            JsonObject p = points.get(i).getAsJsonObject();
            int m = p.get("m").getAsInt();
            int n = p.get("n").getAsInt();
            assertEquals(m == 196 ? 75 : 150, n, p.toString());
            assertEquals(i % 2 == 0 ? 30 : 60, p.get("batchSize").getAsInt(), p.toString());
            double perSample = p.get("medianSeconds").getAsDouble() / p.get("batchSize").getAsInt();
            assertEquals(perSample, p.get("secondsPerSample").getAsDouble(), 1e-12 * perSample);
            assertEquals(perSample / (m * n), p.get("secondsPerSampleMn").getAsDouble(), 1e-12 * perSample);
        }
    }

    @Test
    void threadScalingReportsTheThroughputRatio() {
        assertEquals(0, run("bench", "--warm-up", "0", "--thread-scaling", "--methods", "mod", "--method-batches", "1", "--json"),
                err.toString());
        JsonArray points = JsonParser.parseString(out.toString()).getAsJsonObject().getAsJsonArray("threadScaling");
        assertEquals(1, points.size(), out.toString());
        JsonObject p = points.get(0).getAsJsonObject();
        assertEquals(300, p.get("batchSize").getAsInt());
        assertEquals(2, p.get("threads").getAsInt());
        assertEquals(p.get("oneThread").getAsDouble() / p.get("manyThreads").getAsDouble(),
                p.get("speedup").getAsDouble(), 1e-12);
    }

    @Test
    void bothStudiesPrintTheirTables() {
        assertEquals(0, run("bench", "--scaling", "--thread-scaling", "--dims", "196", "--batch-sizes", "30",
                "--methods", "mod", "--method-batches", "1"), err.toString());
        String text = out.toString();
        assertTrue(text.contains("ns/(sample·m·n)") && text.contains("speed-up") && text.contains("load average"), text);
        assertTrue(text.lines().anyMatch(l -> l.startsWith("mod") && l.contains(" 196 ") && l.contains(" 75 ")), text);
    }

    @Test
    void threadScalingNeedsTwoThreads() {
        assertEquals(2, run("bench", "--thread-scaling", "--threads", "1", "--methods", "mod"));
        assertTrue(err.toString().contains("threads"), err.toString());
    }

    @Test
    void negativeWarmUpIsRefused() {
        assertEquals(2, run("bench", "--no-kernels", "--methods", "mod", "--warm-up", "-1"));
        assertTrue(err.toString().contains("warm-up") && out.toString().isEmpty(), err.toString());
    }

    @Test
    void coldStartTimesEachShapeInFreshJvms() {
        assertEquals(0, run("bench", "--cold-start", "--shapes", "9x4x5,3×2×7", "--json"), err.toString());
        JsonArray cases = JsonParser.parseString(out.toString()).getAsJsonObject().getAsJsonArray("coldStart");
        assertTrue(cases.size() == 4 || cases.size() == 2, out.toString());
        JsonObject first = cases.get(0).getAsJsonObject();
        assertEquals(List.of(9, 4, 5), List.of(first.get("m").getAsInt(), first.get("k").getAsInt(), first.get("n").getAsInt()));
        JsonObject last = cases.get(cases.size() - 1).getAsJsonObject();
        assertEquals("scalar", last.get("implementation").getAsString());
        assertEquals(7, last.get("n").getAsInt());
        for (int i = 0; i < cases.size(); i++) {
            JsonObject c = cases.get(i).getAsJsonObject();
            assertTrue(c.get("firstMs").getAsDouble() > 0 && c.getAsJsonArray("callMs").size() >= 5, c.toString());
        }
    }

    @Test
    void malformedShapesAreRefusedBeforeAnyMeasurement() {
        for (String shapes : List.of("784x300", "0x3x4", "axbxc", "784x300x30x2")) {
            out.getBuffer().setLength(0);
            err.getBuffer().setLength(0);
            assertEquals(2, run("bench", "--cold-start", "--shapes", shapes), shapes);
            assertTrue(err.toString().contains("MxKxN") && out.toString().isEmpty(), err.toString());
        }
    }
}
