/**
 * Kernels on the incubating Vector API. This is the only package that imports
 * {@code jdk.incubator.vector}; it is loaded by name from {@link io.gendict.core.kernel.Kernels}
 * only when that module is present.
 */
package io.gendict.core.kernel.simd;
