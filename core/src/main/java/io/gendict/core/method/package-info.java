/**
 * The one {@link io.gendict.core.method.MethodResolver} that turns a method spec (a
 * {@link io.gendict.core.spi.MethodProvider} or a baseline) into typed objects, and the
 * {@link io.gendict.core.method.ResolvedMethod} it builds learners from. The built-in methods are
 * providers of the {@code methods} module.
 */
package io.gendict.core.method;
