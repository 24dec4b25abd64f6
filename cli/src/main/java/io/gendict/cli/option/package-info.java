/**
 * Option mixins shared by the {@code gendict} subcommands: {@code --plugins DIR} (which also hands
 * out the plugin registry), {@code --seed S}, {@code --threads T} and {@code --verbose}. A command
 * uses one with {@code @Mixin}; picocli creates it through {@link io.gendict.cli.GuiceFactory}.
 */
package io.gendict.cli.option;
