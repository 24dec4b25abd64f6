package io.gendict.core.model;

import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import io.gendict.core.experiment.MethodCatalog;
import io.gendict.core.learn.GenerativeMethods;
import io.gendict.core.param.ComponentSpec;
import io.gendict.core.spi.DictionaryLearner;
import io.gendict.core.spi.LearnerContext;
import io.gendict.core.spi.Registry;

import java.util.Locale;

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
     * @param method a generative method or a baseline spec, case-insensitive
     * @return whether it names a generative method
     */
    public static boolean generative(String method) {
        return GenerativeMethods.names().contains(ComponentSpec.parse(method).name().toLowerCase(Locale.ROOT));
    }

    /**
     * Checks a method, oracle and rule combination without building anything.
     *
     * @param method   method spec
     * @param oracle   oracle spec, or {@code null}
     * @param update   update rule spec, or {@code null}
     * @param registry the providers
     * @throws GendictException UNKNOWN_NAME (with the closest name) or INVALID_PARAMETER naming the option
     */
    public static void validate(String method, String oracle, String update, Registry registry) {
        new MethodCatalog(registry).validate(method);
        if (!generative(method) && (oracle != null || update != null)) {
            throw new GendictException(ErrorKind.INVALID_PARAMETER, (oracle != null ? "--oracle" : "--update")
                    + ": method '" + method + "' is a sparse baseline; only generative methods take an oracle or update rule");
        }
        if (oracle != null) {
            ComponentSpec spec = ComponentSpec.parse(oracle);
            registry.lookup("oracle", registry.oracles(), spec).parameters().validate(spec.name(), spec.raw());
        }
        if (update != null) {
            ComponentSpec spec = ComponentSpec.parse(update);
            registry.lookup("update rule", registry.updateRules(), spec).parameters().validate(spec.name(), spec.raw());
        }
    }

    /**
     * Builds a fresh learner.
     *
     * @param method   method spec
     * @param oracle   oracle spec replacing a generative method's preset, or {@code null}
     * @param update   update rule spec replacing a generative method's preset, or {@code null}
     * @param context  dimensions, prior, initial dictionary, seed and threads
     * @param registry the providers
     * @return the learner
     */
    public static DictionaryLearner create(String method, String oracle, String update, LearnerContext context,
                                           Registry registry) {
        validate(method, oracle, update, registry);
        if (generative(method)) {
            return GenerativeMethods.create(method, oracle, update, context, registry);
        }
        return new MethodCatalog(registry).create(method, context);
    }

    /**
     * Rebuilds a saved model's learner for coding, its dictionary as saved.
     *
     * @param model    the model
     * @param registry the providers
     * @param threads  worker threads
     * @return the learner
     * @throws GendictException UNKNOWN_NAME naming the plugin jars the model records when one of its
     *                          components is not loaded
     */
    public static DictionaryLearner forInference(Model model, Registry registry, int threads) {
        ModelInfo info = model.info();
        LearnerContext context = new LearnerContext(model.dictionary().numRows, model.prior(), model.dictionary(),
                info.seed(), threads);
        try {
            return create(info.method(), info.oracle(), info.update(), context, registry);
        } catch (GendictException e) {
            if (e.kind() != ErrorKind.UNKNOWN_NAME || info.plugins().isEmpty()) {
                throw e;
            }
            throw new GendictException(e.kind(), e.getMessage() + ModelStore.missingPlugin(info.plugins()), e);
        }
    }
}
