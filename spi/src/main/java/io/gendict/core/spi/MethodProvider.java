package io.gendict.core.spi;

import io.gendict.core.param.Params;

/**
 * A generative dictionary-learning method ({@code altmin}, {@code fast}, …): a named, parameterised
 * recipe that builds a {@link DictionaryLearner} from a prior, typed components and a context.
 * The application resolves a method spec once: it validates the parameters, asks for the
 * {@link #recipe}, creates the oracle and update rule (the recipe's, or those the caller composes in
 * with {@code method:oracle=SPEC,update=SPEC} or {@code --oracle/--update}) and calls
 * {@link #create}. The parameter keys {@code oracle} and {@code update} are reserved for this
 * composition and must not be declared in {@link #parameters()}.
 *
 * @since 0.1
 */
public interface MethodProvider extends Provider {
    /**
     * Chooses the strategy for a prior. Must be a pure function of its arguments.
     *
     * @param params   validated against {@link #parameters()}
     * @param prior    the prior the method will learn with (its k, n and declared features)
     * @param withRule whether the learner must update A with an update rule after each batch: the
     *                 caller composes a rule in, or feeds batches it cannot keep a window of (spark-learn)
     * @return the recipe; its {@code update} may be {@code null} only when {@code withRule} is false
     *         or the method takes no rule at all
     */
    MethodRecipe recipe(Params params, GenerativePrior prior, boolean withRule);

    /**
     * @param params  validated against {@link #parameters()}
     * @param recipe  what {@link #recipe} returned for {@code context.prior()}
     * @param oracle  the decode oracle to learn and encode with
     * @param rule    a fresh update rule, or {@code null} when neither the recipe nor the caller names one
     * @param context dimensions, prior, initial dictionary (m×n, or {@code null}), seed and threads
     * @return a new learner
     * @throws io.gendict.core.error.GendictException INVALID_PARAMETER when given a rule the method
     *                                                cannot use
     */
    DictionaryLearner create(Params params, MethodRecipe recipe, DecodeOracle oracle, UpdateRule rule,
                             LearnerContext context);
}
