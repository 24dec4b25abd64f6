package io.gendict.cli.command;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import io.gendict.cli.Main;
import io.gendict.core.io.Npy;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.execute(new PrintWriter(out), new PrintWriter(err), args);
    }

    @Test
    void reportsEveryConditionForABuiltInPrior() {
        assertEquals(0, run("check", "--prior", "dependencies:k=2", "--random-dictionary", "8", "--samples", "50"), err.toString());
        String text = out.toString();
        for (String part : new String[] {"S-REC", "RRIC", "WDC"}) {
            assertTrue(text.contains(part), text);
        }
    }

    @Test
    void aRandomDictionaryTooLargeToCheckIsRefusedBeforeAllocating() {
        assertEquals(2, run("check", "--prior", "group-sparsity:n=300,k=10", "--random-dictionary", "1000000000"));
        assertTrue(err.toString().matches("gendict: --random-dictionary 1000000000: checking an m×n = 1000000000×300"
                + " dictionary with 2000 pairs needs \\d+ MB of memory, more than the \\d+ MB this JVM may use .*\\R"),
                err.toString());
        assertEquals("", out.toString());
    }

    @Test
    void jsonReportOnAGivenDictionary() {
        Path a = dir.resolve("a.npy");
        DMatrixRMaj dict = new DMatrixRMaj(6, 6);
        for (int i = 0; i < 6; i++) {
            dict.set(i, i, 1.0);
        }
        Npy.write(a, dict);
        assertEquals(0, run("check", "--prior", "dependencies:k=2", "--dictionary", a.toString(), "--samples", "50",
                "--json"), err.toString());
        JsonObject json = JsonParser.parseString(out.toString()).getAsJsonObject();
        assertEquals(6, json.get("outputDim").getAsInt());
        assertEquals(1.0, json.getAsJsonObject("srec").get("gamma").getAsDouble(), 1e-6, "an isometry has γ = 1");
    }

    @Test
    void jsonIsStrictWhenAConditionIsNotFinite() {
        assertEquals(0, run("check", "--prior", "group-sparsity:n=30,k=3", "--random-dictionary", "30", "--samples", "50",
                "--json"), err.toString());
        String text = out.toString();
        assertFalse(Pattern.compile("(?m)^\\s*(\"[^\"]*\":\\s*)?-?(NaN|Infinity),?$").matcher(text).find(),
                "no bare non-finite token: " + text);
        JsonObject moment = new GsonBuilder().setStrictness(Strictness.STRICT).create().fromJson(text, JsonObject.class)
                .getAsJsonObject("secondMoment");
        assertTrue(moment.get("conditionNumber").isJsonNull(), moment.toString());
        assertEquals("Infinity", moment.getAsJsonObject("nonFinite").get("conditionNumber").getAsString(),
                "rank 3 < n = 30: C* is singular");
    }

    @Test
    void aDictionaryOfTheWrongWidthIsAOneLineError() {
        Path a = dir.resolve("wrong.npy");
        Npy.write(a, new DMatrixRMaj(6, 5));
        assertEquals(2, run("check", "--prior", "dependencies:k=2", "--dictionary", a.toString()));
        assertTrue(err.toString().contains("wrong.npy") && err.toString().contains("6×5"), err.toString());
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
    }
}
