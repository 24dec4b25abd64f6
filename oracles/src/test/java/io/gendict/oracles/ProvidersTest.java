package io.gendict.oracles;

import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import io.gendict.core.spi.DecodeResult;
import io.gendict.core.spi.GenerativePrior;
import io.gendict.oracles.update.LeastSquaresRule;
import io.gendict.oracles.update.PreconditionedGradientRule;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProvidersTest {
    private final TestRegistry registry = new TestRegistry();

    @Test
    void everyProviderIsDiscoveredByName() {
        assertEquals(List.of("adam", "gradient-descent", "gauss-newton", "sign-flip", "multi-start", "screened"),
                List.copyOf(registry.oracles().keySet()));
        assertEquals(List.of("preconditioned-gradient", "adam", "least-squares", "online-least-squares"),
                List.copyOf(registry.updateRules().keySet()));
        assertInstanceOf(PreconditionedGradientRule.class, registry.updateRule("preconditioned-gradient:eta=0.3"));
        assertInstanceOf(LeastSquaresRule.class, registry.updateRule("online-least-squares:forgetting=0.9"));
    }

    @Test
    void wrappersResolveTheirInnerOracleThroughTheRegistry() {
        assertInstanceOf(SignFlipOracle.class, registry.oracle("sign-flip:inner=gauss-newton:iterations=20"));
        assertInstanceOf(MultiStartOracle.class, registry.oracle("multi-start:inner=sign-flip,starts=3"));
        GendictException e = assertThrows(GendictException.class, () -> registry.oracle("sign-flip:inner=newton"));
        assertEquals(ErrorKind.UNKNOWN_NAME, e.kind());
    }

    @Test
    void badParametersAreNamed() {
        GendictException e = assertThrows(GendictException.class, () -> registry.oracle("adam:lr=-1"));
        assertEquals(ErrorKind.INVALID_PARAMETER, e.kind());
        assertTrue(e.getMessage().contains("lr"), e.getMessage());
    }

    @Test
    void oraclesAreDeterministicForASeedAndReportPerSampleFigures() {
        GenerativePrior prior = TestPriors.dependencies(3);
        SplittableRandom rng = new SplittableRandom(9);
        Synthetic data = new Synthetic(prior, 10, 0.1, rng);
        Synthetic.Batch batch = data.batch(5, rng);
        for (String spec : List.of("adam:iterations=50", "gradient-descent:iterations=50", "gauss-newton", "sign-flip",
                "multi-start:starts=2", "screened:candidates=50")) {
            DecodeResult a = registry.oracle(spec).decode(data.aStar, prior, batch.y(), null, new SplittableRandom(1));
            DecodeResult b = registry.oracle(spec).decode(data.aStar, prior, batch.y(), null, new SplittableRandom(1));
            assertArrayEquals(a.z().data, b.z().data, spec);
            assertEquals(5, a.objective().length, spec);
            for (int i = 0; i < 5; i++) {
                assertTrue(a.iterations()[i] >= 1 && Double.isFinite(a.objective()[i]), spec);
            }
        }
    }

    @Test
    void signFlipNeverDoesWorseThanItsInnerOracle() {
        GenerativePrior prior = TestPriors.dependencies(3);
        SplittableRandom rng = new SplittableRandom(10);
        Synthetic data = new Synthetic(prior, 10, 0.1, rng);
        Synthetic.Batch batch = data.batch(30, rng);
        DecodeResult inner = registry.oracle("gauss-newton").decode(data.aStar, prior, batch.y(), null, new SplittableRandom(2));
        DecodeResult flip = registry.oracle("sign-flip").decode(data.aStar, prior, batch.y(), null, new SplittableRandom(2));
        for (int i = 0; i < 30; i++) {
            assertTrue(flip.objective()[i] <= inner.objective()[i], "sample " + i);
        }
    }

    @Test
    void latentBallIsRespected() {
        GenerativePrior prior = TestPriors.dependencies(3);
        SplittableRandom rng = new SplittableRandom(11);
        Synthetic data = new Synthetic(prior, 10, 0.1, rng);
        Synthetic.Batch batch = data.batch(10, rng);
        for (String spec : List.of("adam:radius=0.5", "gradient-descent:radius=0.5", "gauss-newton:radius=0.5")) {
            DecodeResult r = registry.oracle(spec).decode(data.aStar, prior, batch.y(), null, rng);
            for (int b = 0; b < 10; b++) {
                double s = 0;
                for (int i = 0; i < 3; i++) {
                    s += r.z().data[b * 3 + i] * r.z().data[b * 3 + i];
                }
                assertTrue(Math.sqrt(s) <= 0.5 + 1e-12, spec + " sample " + b + ": |z| = " + Math.sqrt(s));
            }
        }
    }
}
