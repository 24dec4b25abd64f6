package io.gendict.cli.command;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.gendict.cli.Main;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

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
        assertEquals(0, run("bench", "--no-kernels", "--methods", "fast,ksvd", "--method-batches", "1", "--json"),
                err.toString());
        JsonObject json = JsonParser.parseString(out.toString()).getAsJsonObject();
        JsonArray methods = json.getAsJsonArray("methods");
        assertEquals(4, methods.size(), out.toString());
        for (int i = 0; i < methods.size(); i++) {
            JsonObject t = methods.get(i).getAsJsonObject();
            assertEquals(1, t.get("batches").getAsInt());
            assertTrue(t.get("medianSeconds").getAsDouble() > 0, t.toString());
        }
        assertEquals("group-sparsity", methods.get(0).getAsJsonObject().get("setting").getAsString());
        assertEquals("ksvd", methods.get(3).getAsJsonObject().get("method").getAsString());
    }

    @Test
    void tableNamesTheMethods() {
        assertEquals(0, run("bench", "--no-kernels", "--methods", "mod", "--method-batches", "1"), err.toString());
        assertTrue(out.toString().contains("seconds per training batch") && out.toString().contains("dependencies"),
                out.toString());
    }
}
