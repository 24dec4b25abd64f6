package io.gendict.core.plugin;

import io.gendict.core.param.ParamSpec;
import io.gendict.core.param.Params;
import io.gendict.core.spi.BaselineProvider;
import io.gendict.core.spi.DecodeOracle;
import io.gendict.core.spi.DecodeResult;
import io.gendict.core.spi.DictionaryLearner;
import io.gendict.core.spi.GenerativePrior;
import io.gendict.core.spi.LearnerContext;
import io.gendict.core.spi.MethodProvider;
import io.gendict.core.spi.MethodRecipe;
import io.gendict.core.spi.OracleProvider;
import io.gendict.core.spi.PriorProvider;
import io.gendict.core.spi.Provider;
import io.gendict.core.spi.Registry;
import io.gendict.core.spi.UpdateRule;
import io.gendict.core.spi.UpdateRuleProvider;
import org.ejml.data.DMatrixRMaj;

import java.util.Map;
import java.util.Optional;

/**
 * Wraps the providers of a plugin jar so that every component they create runs behind a
 * {@link PluginGuard}: a plugin's bug is reported as the plugin's fault (kind
 * {@link io.gendict.core.error.ErrorKind#PLUGIN}, provider class and jar), with the same message and
 * exit code whichever command hit it. Names, descriptions and parameters pass through unchanged.
 */
final class GuardedProviders {
    private GuardedProviders() {
    }

    /**
     * @param kind     the provider's kind
     * @param provider a provider loaded from a jar
     * @param origin   the jar and provider class
     * @return a provider of the same kind whose components are guarded
     */
    static Provider wrap(ProviderKind<?> kind, Provider provider, PluginOrigin origin) {
        PluginGuard guard = new PluginGuard(kind, provider.name(), origin);
        if (provider instanceof PriorProvider p) {
            return new Prior(p, guard, origin);
        }
        if (provider instanceof OracleProvider p) {
            return new Oracle(p, guard, origin);
        }
        if (provider instanceof UpdateRuleProvider p) {
            return new Rule(p, guard, origin);
        }
        if (provider instanceof MethodProvider p) {
            return new Method(p, guard, origin);
        }
        return new Baseline((BaselineProvider) provider, guard, origin);
    }

    /**
     * @param provider a provider, wrapped or not
     * @return its jar and class when it is a wrapped plugin provider
     */
    static Optional<PluginOrigin> origin(Provider provider) {
        return provider instanceof Wrapper<?> w ? Optional.of(w.origin) : Optional.empty();
    }

    /** What every wrapper passes through. */
    private abstract static class Wrapper<P extends Provider> implements Provider {
        final P inner;
        final PluginGuard guard;
        final PluginOrigin origin;

        Wrapper(P inner, PluginGuard guard, PluginOrigin origin) {
            this.inner = inner;
            this.guard = guard;
            this.origin = origin;
        }

        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public String description() {
            return inner.description();
        }

        @Override
        public ParamSpec parameters() {
            return inner.parameters();
        }
    }

    private static final class Prior extends Wrapper<PriorProvider> implements PriorProvider {
        Prior(PriorProvider inner, PluginGuard guard, PluginOrigin origin) {
            super(inner, guard, origin);
        }

        @Override
        public GenerativePrior create(Params params) {
            return GuardedPrior.of(guard.call("create", () -> inner.create(params)), guard);
        }

        @Override
        public GenerativePrior restore(Params params, Map<String, DMatrixRMaj> arrays) {
            return GuardedPrior.of(guard.call("restore", () -> inner.restore(params, arrays)), guard);
        }
    }

    private static final class Oracle extends Wrapper<OracleProvider> implements OracleProvider {
        Oracle(OracleProvider inner, PluginGuard guard, PluginOrigin origin) {
            super(inner, guard, origin);
        }

        @Override
        public DecodeOracle create(Params params, Registry registry) {
            DecodeOracle oracle = guard.call("create", () -> inner.create(params, registry));
            return (a, prior, y, start, rng) -> {
                DecodeResult r = guard.call("decode", () -> oracle.decode(a, prior, y, start, rng));
                guard.finite("its decoded latents", r.z());
                guard.finite("its objectives", DMatrixRMaj.wrap(1, r.objective().length, r.objective()));
                return r;
            };
        }
    }

    private static final class Rule extends Wrapper<UpdateRuleProvider> implements UpdateRuleProvider {
        Rule(UpdateRuleProvider inner, PluginGuard guard, PluginOrigin origin) {
            super(inner, guard, origin);
        }

        @Override
        public UpdateRule create(Params params) {
            return GuardedRule.of(guard.call("create", () -> inner.create(params)), guard);
        }
    }

    private static final class Baseline extends Wrapper<BaselineProvider> implements BaselineProvider {
        Baseline(BaselineProvider inner, PluginGuard guard, PluginOrigin origin) {
            super(inner, guard, origin);
        }

        @Override
        public DictionaryLearner create(Params params, LearnerContext context) {
            return GuardedLearner.of(guard.call("create", () -> inner.create(params, context)), guard);
        }
    }

    private static final class Method extends Wrapper<MethodProvider> implements MethodProvider {
        Method(MethodProvider inner, PluginGuard guard, PluginOrigin origin) {
            super(inner, guard, origin);
        }

        @Override
        public MethodRecipe recipe(Params params, GenerativePrior prior, boolean withRule) {
            return guard.call("recipe", () -> inner.recipe(params, prior, withRule));
        }

        @Override
        public DictionaryLearner create(Params params, MethodRecipe recipe, DecodeOracle oracle, UpdateRule rule,
                                        LearnerContext context) {
            return GuardedLearner.of(guard.call("create", () -> inner.create(params, recipe, oracle, rule, context)),
                    guard);
        }
    }
}
