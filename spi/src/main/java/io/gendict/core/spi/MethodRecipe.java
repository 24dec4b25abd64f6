package io.gendict.core.spi;

/**
 * What a {@link MethodProvider} runs for one prior: a named strategy with the oracle and update rule
 * it uses unless the caller composes others in. Specs are text in the form
 * {@code name:key=value,...}, the form used on the command line and recorded in {@code model.json}.
 *
 * @param name   the recipe's kebab-case name, recorded in {@code model.json} and {@code summary.json}
 *               (e.g. {@code "restarts"} for {@code fast} on a small latent space)
 * @param oracle the decode oracle spec the recipe encodes (and usually learns) with
 * @param update the update rule spec it updates A with, or {@code null} when it fits A without a
 *               rule (joint Adam, windowed least squares)
 * @since 0.1
 */
public record MethodRecipe(String name, String oracle, String update) {
}
