/**
 * Option mixins of the {@code gendict} subcommands only: {@code --seed S} and {@code --threads T}
 * ({@code --plugins} and {@code --verbose}, shared with Spark, are in {@link io.gendict.cli.support}).
 * A command uses one with {@code @Mixin}; picocli creates it through
 * {@link io.gendict.cli.support.GuiceFactory}.
 */
package io.gendict.cli.option;
