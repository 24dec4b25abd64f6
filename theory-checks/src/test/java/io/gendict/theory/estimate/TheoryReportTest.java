package io.gendict.theory.estimate;

import io.gendict.core.spi.ReluLayers;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.Strictness;
import io.gendict.core.contract.PlantedPrior;
import io.gendict.core.param.Params;
import io.gendict.core.spi.GenerativePrior;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TheoryReportTest {
    private static final CheckSettings SETTINGS = new CheckSettings(7, 100, 3, 30, 500, 500, Double.NaN, 1e-3, 0.1, 0.3);

    /** Parses as RFC 8259 JSON: a bare NaN or Infinity fails. */
    private static JsonObject parse(String json) {
        return new GsonBuilder().setStrictness(Strictness.STRICT).create().fromJson(json, JsonObject.class);
    }

    @Test
    void reportCoversEveryConditionOfAReluNet() {
        TestPriors.ReluNet net = TestPriors.reluNet(2, 20, 40, new SplittableRandom(1));
        DMatrixRMaj a = TestPriors.gaussian(60, 40, 1.0 / 60, new SplittableRandom(2));
        TheoryReport report = TheoryReport.compute(net, a, null, SETTINGS);
        assertEquals(8, report.results().size(), "prior contract, R, S-REC, RRIC, two WDC layers, C*, convergence");
        assertTrue(report.contract().holds(), report.contract().explanation());
        String text = report.toText();
        for (CheckResult r : report.results()) {
            assertTrue(text.contains(r.condition()), r.condition());
            assertTrue(text.contains(r.explanation()));
        }
        JsonObject json = parse(report.toJson());
        assertEquals(2, json.getAsJsonArray("wdc").size());
        assertTrue(json.getAsJsonObject("convergence").has("rate"));
        assertEquals(report.srec().gamma(), json.getAsJsonObject("srec").get("gamma").getAsDouble(), 0);
        assertEquals(7, json.getAsJsonObject("settings").get("seed").getAsLong());
    }

    @Test
    void anyPriorWorksAndWdcIsSkippedWithoutReluLayers() {
        DMatrixRMaj a = TestPriors.uniformDictionary(8, 6, new SplittableRandom(3));
        TheoryReport report = TheoryReport.compute(TestPriors.identityLike(2, 6), a, null, SETTINGS);
        assertTrue(report.wdc().isEmpty());
        assertTrue(report.toText().contains("WDC: skipped"));
        JsonObject json = parse(report.toJson());
        JsonObject moment = json.getAsJsonObject("secondMoment");
        assertTrue(Double.isNaN(report.secondMoment().nu()), "a singular C* gives ν = NaN");
        assertTrue(moment.get("nu").isJsonNull(), moment.toString());
        assertEquals("NaN", moment.getAsJsonObject("nonFinite").get("nu").getAsString(), moment.toString());
        assertTrue(!report.allHold());
    }

    @Test
    void sameSeedSameReport() {
        DMatrixRMaj a = TestPriors.uniformDictionary(10, 6, new SplittableRandom(4));
        assertEquals(TheoryReport.compute(TestPriors.dependencies(2), a, null, SETTINGS).toJson(),
                TheoryReport.compute(TestPriors.dependencies(2), a, null, SETTINGS).toJson());
    }

    @Test
    void aPriorWhoseVjpIsWrongFailsThePriorContractInTextAndJson() {
        PlantedPrior planted = new PlantedPrior(2, 0.3);
        GenerativePrior wrong = new GenerativePrior() {
            @Override
            public int latentDim() {
                return planted.latentDim();
            }

            @Override
            public int outputDim() {
                return planted.outputDim();
            }

            @Override
            public void forward(DMatrixRMaj z, DMatrixRMaj out) {
                planted.forward(z, out);
            }

            @Override
            public void vjp(DMatrixRMaj z, DMatrixRMaj dx, DMatrixRMaj out) {
                planted.vjp(z, dx, out);
                CommonOps_DDRM.scale(1.01, out);
            }

            @Override
            public Params params() {
                return planted.params();
            }
        };
        DMatrixRMaj a = TestPriors.uniformDictionary(8, 4, new SplittableRandom(5));
        assertTrue(TheoryReport.compute(planted, a, null, SETTINGS).contract().holds());
        TheoryReport report = TheoryReport.compute(wrong, a, null, SETTINGS);
        assertFalse(report.contract().holds());
        assertFalse(report.allHold());
        assertTrue(report.toText().contains("[fails] " + PriorContractEstimator.CONDITION), report.toText());
        assertTrue(report.toText().contains("VJP disagrees with central finite differences"), report.toText());
        JsonObject contract = parse(report.toJson()).getAsJsonObject("contract");
        assertFalse(contract.get("holds").getAsBoolean());
        assertTrue(contract.get("failure").getAsString().contains("VJP disagrees"), contract.toString());
    }
}
