/**
 * Plugin loading and wiring: {@link io.gendict.core.plugin.PluginLoader} discovers the providers of
 * the five {@link io.gendict.core.plugin.ProviderKind}s on the classpath and in a folder of jars
 * (one class loader per jar, broken jars reported as {@link io.gendict.core.plugin.PluginFailure}s),
 * {@link io.gendict.core.plugin.SpiModule} binds them into Guice map bindings, and
 * {@link io.gendict.core.plugin.PluginRegistry} creates components from specs such as
 * {@code group-sparsity:n=300,k=10}. Plugin authors implement the interfaces of
 * {@code io.gendict.core.spi} and never use this package.
 */
package io.gendict.core.plugin;
