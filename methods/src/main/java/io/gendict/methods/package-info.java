/**
 * The built-in generative methods as {@link io.gendict.core.spi.MethodProvider}s, found by
 * {@link java.util.ServiceLoader}: the paper's {@code altmin}, {@code algorithm1} and {@code autodiff},
 * and {@code fast} (named recipes by prior), {@code feature-als} and {@code amortized}, over the
 * learners of {@link io.gendict.core.learn} and the oracles and update rules of the {@code oracles}
 * module.
 */
package io.gendict.methods;
