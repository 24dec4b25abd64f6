package io.gendict.core.plugin;

import io.gendict.core.spi.BlockEncoder;
import io.gendict.core.spi.Checkpointable;
import io.gendict.core.spi.Codes;
import io.gendict.core.spi.DictionaryLearner;
import io.gendict.core.spi.LearnerListener;
import org.ejml.data.DMatrixRMaj;

import java.util.Map;

/**
 * A plugin's learner behind a {@link PluginGuard}: it must not throw, and its dictionary, codes and
 * coefficients must be finite.
 */
class GuardedLearner implements DictionaryLearner {
    private final DictionaryLearner inner;
    private final PluginGuard guard;

    GuardedLearner(DictionaryLearner inner, PluginGuard guard) {
        this.inner = inner;
        this.guard = guard;
    }

    static DictionaryLearner of(DictionaryLearner inner, PluginGuard guard) {
        return inner instanceof Checkpointable ? new Resumable(inner, guard) : new GuardedLearner(inner, guard);
    }

    @Override
    public String name() {
        return guard.call("name", inner::name);
    }

    @Override
    public void fit(DMatrixRMaj y) {
        guard.run("fit", () -> inner.fit(y));
        guard.finite("its dictionary", inner.dictionary());
    }

    @Override
    public DMatrixRMaj dictionary() {
        return guard.call("dictionary", inner::dictionary);
    }

    @Override
    public long samplesSeen() {
        return guard.call("samplesSeen", inner::samplesSeen);
    }

    @Override
    public Codes encode(DMatrixRMaj y) {
        return checked(guard.call("encode", () -> inner.encode(y)));
    }

    @Override
    public BlockEncoder blockEncoder() {
        BlockEncoder blocks = guard.call("blockEncoder", inner::blockEncoder);
        return block -> checked(guard.call("encode", () -> blocks.encode(block)));
    }

    @Override
    public void coefficients(Codes codes, DMatrixRMaj out) {
        guard.run("coefficients", () -> inner.coefficients(codes, out));
        guard.finite("its coefficients", out);
    }

    @Override
    public void addListener(LearnerListener listener) {
        guard.run("addListener", () -> inner.addListener(listener));
    }

    private Codes checked(Codes codes) {
        guard.finite("its codes", codes.values());
        return codes;
    }

    /** A guarded learner that also saves and restores its state. */
    private static final class Resumable extends GuardedLearner implements Checkpointable {
        private final Checkpointable saved;
        private final PluginGuard guard;

        Resumable(DictionaryLearner inner, PluginGuard guard) {
            super(inner, guard);
            this.saved = (Checkpointable) inner;
            this.guard = guard;
        }

        @Override
        public Map<String, DMatrixRMaj> state() {
            return guard.call("state", saved::state);
        }

        @Override
        public void restore(Map<String, DMatrixRMaj> state) {
            guard.run("restore", () -> saved.restore(state));
        }
    }
}
