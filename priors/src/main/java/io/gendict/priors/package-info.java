/**
 * The built-in generative priors G: R^k → R^n (docs/algorithms.md §1, §6): {@code dependencies},
 * {@code group-sparsity}, {@code relu-net}, {@code k-sparse} and {@code mlp}, each a
 * {@link io.gendict.core.spi.PriorProvider} registered in {@code META-INF/services}.
 * Every prior is immutable, thread-safe, and runs its batched forward pass and vector–Jacobian
 * product through {@link io.gendict.core.kernel.Kernels} with thread-local scratch buffers.
 */
package io.gendict.priors;
