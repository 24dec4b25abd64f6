/**
 * The matrix kernel facade: {@link io.gendict.core.kernel.MatrixKernels}, its scalar and Vector API
 * implementations, and {@link io.gendict.core.kernel.Kernels}, which picks one per process. Kernels
 * validate nothing; the checked entry points are in {@link io.gendict.core.linalg}.
 */
package io.gendict.core.kernel;
