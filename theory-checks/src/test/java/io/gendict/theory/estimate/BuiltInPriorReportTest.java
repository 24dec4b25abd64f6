package io.gendict.theory.estimate;

import io.gendict.core.data.SyntheticSource;
import io.gendict.core.param.ComponentSpec;
import io.gendict.core.spi.GenerativePrior;
import io.gendict.core.spi.PriorProvider;
import io.gendict.core.spi.ReluLayers;
import io.gendict.priors.GroupSparsityPriorProvider;
import io.gendict.priors.ReluNetPriorProvider;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The report on the built-in priors: WDC per layer for relu-net, rank-deficient C* for group sparsity. */
class BuiltInPriorReportTest {
    private static final CheckSettings FAST = CheckSettings.defaults(5).withPairs(200).withSamples(500, 2000);

    private static GenerativePrior create(PriorProvider provider, String spec) {
        ComponentSpec s = ComponentSpec.parse(spec);
        return provider.create(provider.parameters().validate(s.name(), s.raw()));
    }

    private static DMatrixRMaj dictionary(int m, int n) {
        return SyntheticSource.uniformDictionary(m, n, true, new SplittableRandom(3));
    }

    @Test
    void reluNetExposesItsLayersAndGetsAWdcVerdictPerLayer() {
        GenerativePrior prior = create(new ReluNetPriorProvider(), "relu-net:widths=4,40,120,seed=2");
        assertEquals(2, ((ReluLayers) prior).reluWeights().size());
        TheoryReport report = TheoryReport.compute(prior, dictionary(150, 120), null, FAST);
        assertEquals(2, report.wdc().size());
        assertTrue(report.toText().contains("WDC"));
    }

    @Test
    void groupSparsityHasARankDeficientSecondMomentAndAPositiveSrecGamma() {
        GenerativePrior prior = create(new GroupSparsityPriorProvider(), "group-sparsity:n=40,k=4,seed=1");
        TheoryReport report = TheoryReport.compute(prior, dictionary(60, 40), null, FAST);
        assertTrue(report.wdc().isEmpty());
        assertTrue(report.secondMoment().rank() <= 4, "C* = M E[w wᵀ] Mᵀ has rank ≤ k");
        assertFalse(report.secondMoment().holds());
        assertTrue(report.srec().gamma() > 0);
    }
}
