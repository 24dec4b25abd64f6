package io.gendict.core.learn;

import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import io.gendict.core.param.ComponentSpec;
import io.gendict.core.param.ParamSpec;
import io.gendict.core.param.Params;
import io.gendict.core.spi.DecodeOracle;
import io.gendict.core.spi.DictionaryLearner;
import io.gendict.core.spi.GenerativePrior;
import io.gendict.core.spi.LearnerContext;
import io.gendict.core.spi.Registry;
import io.gendict.core.spi.UpdateRule;
import io.gendict.core.spi.UpdateRuleProvider;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Builds the generative methods as {@link DictionaryLearner}s. The named presets — which oracle and
 * update rule each method uses — are kept here, in one place, as spec strings resolved by a
 * {@link Registry}:
 * <pre>
 * altmin      oracle adam, update adam, one round per batch (docs/algorithms.md §2.2)
 * algorithm1  oracle gauss-newton, update preconditioned-gradient                (§2.1)
 * autodiff    joint Adam on (A, Z); encodes with adam                            (§2.3)
 * fast        with linear features: oracle gauss-newton (its least-squares start is the global
 *             optimum), update online-least-squares:power=8, up to 4 rounds per batch while the
 *             update lowers the batch error by more than 30%;
 *             else with k &lt;= 4: {@link RestartLearner} (12 restarts pruned by window error, window
 *             300, up to 6 steps per batch: variable-projection Gauss–Newton on A) with oracle
 *             screened:candidates=2000,inner=gauss-newton (screened starts, then Gauss–Newton),
 *             whose p_z screen covers a latent space this small;
 *             else: as with linear features but oracle multi-start:inner=sign-flip,starts=5
 * feature-als {@link FeatureLearner} (window 1000, up to 300 rounds) with oracle gauss-newton, for
 *             priors that declare linear features only
 * amortized   {@link AmortizedLearner}: ridge least squares on the prior's encoder latents, anchored
 *             to the prior's head; encodes with gauss-newton:iterations=20 started from them.
 *             Parameters: iterations=N Gauss–Newton steps (20; 0 keeps the encoder's latents),
 *             anchor=false ignores the head
 * </pre>
 * Only {@code amortized} takes parameters ({@link #parameters}); a method spec is its name, or
 * {@code amortized:iterations=0,anchor=true}.
 * An update rule with a {@code threads} parameter that its spec leaves unset runs on the context's
 * threads (the rules give the same result for any count).
 *
 * @since 0.1
 */
public final class GenerativeMethods {
    /** The paper's practical alternating minimisation. */
    public static final String ALTMIN = "altmin";
    /** The paper's Algorithm 1 as stated. */
    public static final String ALGORITHM1 = "algorithm1";
    /** The paper's joint Adam variant. */
    public static final String AUTODIFF = "autodiff";
    /** Gauss–Newton with sign flip, then online least squares. */
    public static final String FAST = "fast";
    /** Windowed alternating minimisation in a prior's declared feature space ({@link FeatureLearner}). */
    public static final String FEATURE_ALS = "feature-als";
    /** Ridge least squares on the prior's amortized encoder's latents ({@link AmortizedLearner}). */
    public static final String AMORTIZED = "amortized";

    private record Preset(String oracle, String rule, AltMinLearner.Options options) {
    }

    private static final String FAST_ORACLE = "multi-start:inner=sign-flip,starts=5";
    private static final String THREADS = "threads";
    private static final String FAST_LINEAR_ORACLE = "gauss-newton";
    private static final String FAST_SMALL_ORACLE = "screened:candidates=2000,inner=gauss-newton";
    private static final int FAST_SMALL_LATENT = 4;
    private static final RestartLearner.Options FAST_RESTARTS = new RestartLearner.Options(12, 300, 6);
    private static final String AMORTIZED_ORACLE_NAME = "gauss-newton";
    private static final String AMORTIZED_ORACLE = AMORTIZED_ORACLE_NAME + ":iterations=20";
    private static final FeatureLearner.Options FEATURE_ALS_OPTIONS = new FeatureLearner.Options(1000, 300);
    private static final Map<String, Preset> PRESETS = presets();
    private static final ParamSpec AMORTIZED_PARAMS = ParamSpec.builder()
            .intParam("iterations", 20, 0, 1_000_000, "Gauss–Newton steps refining the encoder's latents against the "
                    + "current A (0: the encoder's latents are the codes)")
            .boolParam("anchor", true, "ridge A towards the linear stand-in of the prior's decoder head, when it has one")
            .build();

    private GenerativeMethods() {
    }

    private static Map<String, Preset> presets() {
        Map<String, Preset> p = new LinkedHashMap<>();
        p.put(ALTMIN, new Preset("adam", "adam", AltMinLearner.Options.single()));
        p.put(ALGORITHM1, new Preset("gauss-newton", "preconditioned-gradient", AltMinLearner.Options.single()));
        p.put(AUTODIFF, new Preset("adam", null, null));
        p.put(FAST, new Preset(FAST_ORACLE, "online-least-squares:power=8", new AltMinLearner.Options(4, 0.3)));
        p.put(FEATURE_ALS, new Preset(FAST_LINEAR_ORACLE, null, null));
        p.put(AMORTIZED, new Preset(AMORTIZED_ORACLE, null, null));
        return p;
    }

    /** @return the method names, in a stable order */
    public static Set<String> names() {
        return PRESETS.keySet();
    }

    /**
     * @param method one of {@link #names()}
     * @return the parameters the method takes (none but {@code amortized}'s)
     * @throws GendictException UNKNOWN_NAME for an unknown method
     */
    public static ParamSpec parameters(String method) {
        preset(method);
        return method.equals(AMORTIZED) ? AMORTIZED_PARAMS : ParamSpec.empty();
    }

    /**
     * @param methodSpec a method name with optional parameters, e.g. {@code amortized:iterations=0}
     * @return its validated parameters, the provider being the lower-case method name
     * @throws GendictException UNKNOWN_NAME for an unknown method, INVALID_PARAMETER for a bad parameter
     */
    public static Params params(String methodSpec) {
        ComponentSpec spec = ComponentSpec.parse(methodSpec);
        String method = spec.name().toLowerCase(Locale.ROOT);
        return parameters(method).validate(method, spec.raw());
    }

    /**
     * @param methodSpec a method of {@link #names()}, with optional parameters
     * @param prior      the prior the method will decode for
     * @return the oracle spec the named method decodes with
     */
    public static String oracleSpec(String methodSpec, GenerativePrior prior) {
        Params params = params(methodSpec);
        String method = params.provider();
        if (method.equals(AMORTIZED) && params.getInt("iterations") > 0) {
            return AMORTIZED_ORACLE_NAME + ":iterations=" + params.getInt("iterations");
        }
        String spec = preset(method).oracle();
        if (!method.equals(FAST)) {
            return spec;
        }
        return prior.linearFeatures().isPresent() ? FAST_LINEAR_ORACLE : restarts(prior) ? FAST_SMALL_ORACLE : spec;
    }

    /**
     * Builds a named method with its preset oracle and rule.
     *
     * @param method   one of {@link #names()}, with optional parameters
     * @param context  dimensions, prior, initial dictionary, seed and threads
     * @param registry resolves the preset specs
     * @return a new learner
     * @throws GendictException UNKNOWN_NAME for a method not in {@link #names()}
     */
    public static DictionaryLearner create(String method, LearnerContext context, Registry registry) {
        return create(method, null, null, context, registry);
    }

    /**
     * Builds a named method, optionally with another oracle or update rule than its preset's
     * (rounds per batch stay the preset's).
     *
     * @param methodSpec one of {@link #names()}, with optional parameters
     * @param oracle   oracle spec replacing the preset's, or {@code null}
     * @param rule     update rule spec replacing the preset's, or {@code null}; autodiff takes none
     * @param context  dimensions, prior, initial dictionary, seed and threads
     * @param registry resolves the specs
     * @return a new learner
     * @throws GendictException UNKNOWN_NAME for an unknown method, INVALID_PARAMETER for a rule given
     *                          to autodiff or a bad method parameter
     */
    public static DictionaryLearner create(String methodSpec, String oracle, String rule, LearnerContext context,
                                           Registry registry) {
        Params params = params(methodSpec);
        String method = params.provider();
        Preset p = preset(method);
        DecodeOracle decoder = registry.oracle(oracle != null ? oracle : oracleSpec(method, context.prior()));
        if (method.equals(FEATURE_ALS) || method.equals(AMORTIZED)) {
            if (rule != null) {
                throw new GendictException(ErrorKind.INVALID_PARAMETER,
                        "--update: method '" + method + "' fits A by its own least squares and takes no update rule");
            }
            return method.equals(AMORTIZED) ? new AmortizedLearner(method, decoder, context,
                    new AmortizedLearner.Options(params.getInt("iterations") > 0, params.getBoolean("anchor")))
                    : new FeatureLearner(method, decoder, context, FEATURE_ALS_OPTIONS);
        }
        if (p.rule() == null) {
            if (rule != null) {
                throw new GendictException(ErrorKind.INVALID_PARAMETER,
                        "--update: method '" + method + "' updates A by joint Adam and takes no update rule");
            }
            return autodiff(decoder, context, AutodiffLearner.Options.paper());
        }
        if (method.equals(FAST) && rule == null && restarts(context.prior())) {
            return new RestartLearner(method, decoder, context, FAST_RESTARTS);
        }
        return alternating(method, decoder, updateRule(rule != null ? rule : p.rule(), context.threads(), registry), context,
                p.options());
    }

    /**
     * @param method one of {@link #names()}
     * @return the update rule spec of the named method's preset, or {@code null} for autodiff
     */
    public static String ruleSpec(String method) {
        return preset(method).rule();
    }

    /**
     * @param method one of {@link #names()}
     * @param prior  the prior the method will learn with
     * @return the update rule the named method uses with this prior, or {@code null} when it takes
     * none (autodiff; fast with restarts, which fits by least squares over its window)
     */
    public static String ruleSpec(String method, GenerativePrior prior) {
        return method.equals(FAST) && restarts(prior) ? null : ruleSpec(method);
    }

    /**
     * Alternating minimisation with any oracle and rule (altmin, algorithm1 and fast are instances).
     *
     * @param name    the method name to report
     * @param oracle  decode oracle for training and encoding
     * @param rule    a fresh update rule
     * @param context dimensions, prior, initial dictionary, seed and threads
     * @param options rounds per batch
     * @return a new learner
     */
    public static DictionaryLearner alternating(String name, DecodeOracle oracle, UpdateRule rule, LearnerContext context,
                                                AltMinLearner.Options options) {
        return new AltMinLearner(name, oracle, rule, context, options);
    }

    /**
     * The paper's autodiff variant.
     *
     * @param encodeOracle oracle used to encode
     * @param context      dimensions, prior, initial dictionary, seed and threads
     * @param options      learning rates and iterations
     * @return a new learner
     */
    public static DictionaryLearner autodiff(DecodeOracle encodeOracle, LearnerContext context, AutodiffLearner.Options options) {
        return new AutodiffLearner(encodeOracle, context, options);
    }

    /**
     * @return the rule of {@code spec}, given the context's thread count when its provider has a
     * {@code threads} parameter that the spec leaves unset (results do not depend on it)
     */
    private static UpdateRule updateRule(String spec, int threads, Registry registry) {
        ComponentSpec parsed = ComponentSpec.parse(spec);
        UpdateRuleProvider provider = registry.updateRules().get(parsed.name());
        if (provider == null || parsed.raw().containsKey(THREADS)
                || provider.parameters().definitions().stream().noneMatch(d -> d.name().equals(THREADS))) {
            return registry.updateRule(spec);
        }
        Map<String, Object> raw = new LinkedHashMap<>(parsed.raw());
        raw.put(THREADS, threads);
        return provider.create(provider.parameters().validate(provider.name(), raw));
    }

    /** @return whether {@code fast} learns with restarts for this prior: small latent space, no linear features */
    private static boolean restarts(GenerativePrior prior) {
        return prior.linearFeatures().isEmpty() && prior.latentDim() <= FAST_SMALL_LATENT;
    }

    private static Preset preset(String method) {
        Preset p = PRESETS.get(method);
        if (p == null) {
            throw new GendictException(ErrorKind.UNKNOWN_NAME,
                    "generative method '" + method + "' is not known; expected one of " + String.join(", ", PRESETS.keySet()));
        }
        return p;
    }
}
