package io.gendict.core.model;

import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import io.gendict.core.method.MethodResolver;
import io.gendict.core.plugin.ProviderKind;
import io.gendict.core.plugin.ProviderNames;
import io.gendict.core.spi.DictionaryLearner;
import io.gendict.core.spi.LearnerContext;
import io.gendict.core.spi.Provider;
import io.gendict.core.spi.Registry;

import java.util.Map;
import java.util.Optional;

/**
 * Builds the learner of a model: a generative method, optionally with its oracle and update rule
 * replaced, or a baseline with its parameters. For inference (encode, decode, denoise) the saved
 * dictionary is passed as the context's initial dictionary; generative methods keep it as is and
 * the sparse baselines normalise its columns, so codes are always paired with
 * {@link DictionaryLearner#dictionary()} of the rebuilt learner.
 *
 * @since 0.1
 */
public final class Methods {
    private Methods() {
    }

    /**
     * @param method   a generative method or a baseline spec, case-insensitive
     * @param registry the providers
     * @return whether it names a generative method
     */
    public static boolean generative(String method, Registry registry) {
        return new MethodResolver(registry).generative(method);
    }

    /**
     * Builds a fresh learner.
     *
     * @param method   method spec
     * @param oracle   oracle spec replacing a generative method's, or {@code null}
     * @param update   update rule spec replacing a generative method's, or {@code null}
     * @param context  dimensions, prior, initial dictionary, seed and threads
     * @param registry the providers
     * @return the learner
     * @throws GendictException UNKNOWN_NAME (with the closest name) or INVALID_PARAMETER naming the option
     */
    public static DictionaryLearner create(String method, String oracle, String update, LearnerContext context,
                                           Registry registry) {
        return new MethodResolver(registry).resolve(method, oracle, update, context.prior(), false).build(context);
    }

    /**
     * Rebuilds a saved model's learner for coding, its dictionary as saved.
     *
     * @param model    the model
     * @param registry the providers
     * @param threads  worker threads
     * @return the learner
     * @throws GendictException UNKNOWN_NAME naming the plugin jars the model records when one of its
     *                          components is not loaded; PLUGIN when a recorded plugin component's name
     *                          now belongs to another provider
     */
    public static DictionaryLearner forInference(Model model, Registry registry, int threads) {
        ModelInfo info = model.info();
        LearnerContext context = new LearnerContext(model.dictionary().numRows, model.prior(), model.dictionary(),
                info.seed(), threads);
        for (ModelInfo.Plugin p : info.plugins()) {
            providers(p.kind(), registry).flatMap(byName -> ProviderNames.find(p.kind(), byName, p.name()))
                    .ifPresent(provider -> ModelStore.requireSameProvider(p, provider));
        }
        try {
            return create(info.method(), info.oracle(), info.update(), context, registry);
        } catch (GendictException e) {
            if (e.kind() != ErrorKind.UNKNOWN_NAME || info.plugins().isEmpty()) {
                throw e;
            }
            throw new GendictException(e.kind(), e.getMessage() + ModelStore.missingPlugin(info.plugins()), e);
        }
    }

    /** @return the registry's providers of a recorded kind other than the prior (which loading the model checked) */
    private static Optional<Map<String, ? extends Provider>> providers(String kind, Registry registry) {
        if (kind.equals(ProviderKind.ORACLE.label())) {
            return Optional.of(registry.oracles());
        }
        if (kind.equals(ProviderKind.UPDATE_RULE.label())) {
            return Optional.of(registry.updateRules());
        }
        if (kind.equals(ProviderKind.METHOD.label())) {
            return Optional.of(registry.methods());
        }
        return kind.equals(ProviderKind.BASELINE.label()) ? Optional.of(registry.baselines()) : Optional.empty();
    }
}
