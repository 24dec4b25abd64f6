package io.gendict.core.plugin;

import io.gendict.core.spi.GenerativePrior;
import io.gendict.core.spi.SufficientStatisticsRule;
import io.gendict.core.spi.UpdateRule;
import org.ejml.data.DMatrixRMaj;

import java.util.Map;
import java.util.SplittableRandom;

/** A plugin's update rule behind a {@link PluginGuard}: it must not throw, and must step to a finite dictionary. */
class GuardedRule implements UpdateRule {
    private final UpdateRule inner;
    private final PluginGuard guard;

    GuardedRule(UpdateRule inner, PluginGuard guard) {
        this.inner = inner;
        this.guard = guard;
    }

    static UpdateRule of(UpdateRule inner, PluginGuard guard) {
        return inner instanceof SufficientStatisticsRule s ? new Statistics(s, guard) : new GuardedRule(inner, guard);
    }

    @Override
    public void start(DMatrixRMaj a0, GenerativePrior prior, SplittableRandom rng) {
        guard.run("start", () -> inner.start(a0, prior, rng));
    }

    @Override
    public void update(DMatrixRMaj a, DMatrixRMaj y, DMatrixRMaj x) {
        guard.run("update", () -> inner.update(a, y, x));
        guard.finite("the updated dictionary", a);
    }

    @Override
    public void update(DMatrixRMaj a, DMatrixRMaj y, DMatrixRMaj x, DMatrixRMaj z) {
        guard.run("update", () -> inner.update(a, y, x, z));
        guard.finite("the updated dictionary", a);
    }

    @Override
    public Map<String, DMatrixRMaj> state() {
        return guard.call("state", inner::state);
    }

    @Override
    public void restore(Map<String, DMatrixRMaj> state) {
        guard.run("restore", () -> inner.restore(state));
    }

    /** A guarded rule that also steps from sufficient statistics. */
    private static final class Statistics extends GuardedRule implements SufficientStatisticsRule {
        private final SufficientStatisticsRule rule;
        private final PluginGuard guard;

        Statistics(SufficientStatisticsRule inner, PluginGuard guard) {
            super(inner, guard);
            this.rule = inner;
            this.guard = guard;
        }

        @Override
        public void update(DMatrixRMaj a, DMatrixRMaj yx, DMatrixRMaj xx, int rows) {
            guard.run("update", () -> rule.update(a, yx, xx, rows));
            guard.finite("the updated dictionary", a);
        }
    }
}
