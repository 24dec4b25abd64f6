/**
 * What the {@code gendict} and {@code gendict-spark} command lines share, without plots, progress bars
 * or theory checks: building and running a command line ({@link io.gendict.cli.support.CommandLines},
 * {@link io.gendict.cli.support.ErrorHandler}), the root command, the version, the {@code --plugins} and
 * {@code --verbose} options, the training options of the learn commands and the model input of the coding
 * commands.
 */
package io.gendict.cli.support;
