/**
 * Generative methods as providers: the one {@link io.gendict.core.method.MethodResolver} that turns a
 * method spec (a {@link io.gendict.core.spi.MethodProvider} or a baseline) into typed objects, and the
 * built-in methods {@code altmin}, {@code algorithm1}, {@code autodiff}, {@code fast},
 * {@code feature-als} and {@code amortized} over the learners of {@link io.gendict.core.learn}.
 */
package io.gendict.core.method;
