package io.gendict.core.plugin;

import io.gendict.core.param.Params;
import io.gendict.core.spi.DecoderHead;
import io.gendict.core.spi.GenerativePrior;
import io.gendict.core.spi.LatentDistribution;
import io.gendict.core.spi.LatentEncoder;
import io.gendict.core.spi.LinearFeatures;
import io.gendict.core.spi.ReluLayers;
import org.ejml.data.DMatrixRMaj;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A plugin's prior behind a {@link PluginGuard}: its forward pass, VJP and Jacobian must return
 * finite numbers and must not throw, or the command stops naming the plugin.
 */
class GuardedPrior implements GenerativePrior {
    private final GenerativePrior inner;
    private final PluginGuard guard;

    GuardedPrior(GenerativePrior inner, PluginGuard guard) {
        this.inner = inner;
        this.guard = guard;
    }

    static GenerativePrior of(GenerativePrior inner, PluginGuard guard) {
        return inner instanceof ReluLayers ? new Relu(inner, guard) : new GuardedPrior(inner, guard);
    }

    @Override
    public int latentDim() {
        return guard.call("latentDim", inner::latentDim);
    }

    @Override
    public int outputDim() {
        return guard.call("outputDim", inner::outputDim);
    }

    @Override
    public void forward(DMatrixRMaj z, DMatrixRMaj out) {
        guard.run("forward", () -> inner.forward(z, out));
        guard.finite("its forward output G(z)", out);
    }

    @Override
    public void vjp(DMatrixRMaj z, DMatrixRMaj dx, DMatrixRMaj out) {
        guard.run("vjp", () -> inner.vjp(z, dx, out));
        guard.finite("its VJP", out);
    }

    @Override
    public void jacobian(double[] z, DMatrixRMaj out) {
        guard.run("jacobian", () -> inner.jacobian(z, out));
        guard.finite("its Jacobian", out);
    }

    @Override
    public LatentDistribution latentDistribution() {
        return guard.call("latentDistribution", inner::latentDistribution);
    }

    @Override
    public OptionalDouble latentRadius() {
        return guard.call("latentRadius", inner::latentRadius);
    }

    @Override
    public boolean isEven() {
        return guard.call("isEven", inner::isEven);
    }

    @Override
    public Optional<LinearFeatures> linearFeatures() {
        return guard.call("linearFeatures", inner::linearFeatures);
    }

    @Override
    public Optional<LatentEncoder> encoder() {
        return guard.call("encoder", inner::encoder);
    }

    @Override
    public Optional<DecoderHead> head() {
        return guard.call("head", inner::head);
    }

    @Override
    public Params params() {
        return guard.call("params", inner::params);
    }

    @Override
    public Map<String, DMatrixRMaj> arrays() {
        return guard.call("arrays", inner::arrays);
    }

    /** A guarded prior that also exposes its ReLU layers. */
    private static final class Relu extends GuardedPrior implements ReluLayers {
        private final ReluLayers layers;
        private final PluginGuard guard;

        Relu(GenerativePrior inner, PluginGuard guard) {
            super(inner, guard);
            this.layers = (ReluLayers) inner;
            this.guard = guard;
        }

        @Override
        public List<DMatrixRMaj> reluWeights() {
            return guard.call("reluWeights", layers::reluWeights);
        }
    }
}
