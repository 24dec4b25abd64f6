package io.gendict.core.model;

import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import io.gendict.core.method.MethodResolver;
import io.gendict.core.spi.DictionaryLearner;
import io.gendict.core.spi.LearnerContext;
import io.gendict.core.spi.Registry;

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
