/**
 * Dense factorizations over the kernel facade in {@link io.gendict.core.kernel}: the
 * {@link io.gendict.core.linalg.Cholesky} solves of the least-squares update rule, MOD, Batch-OMP,
 * Gauss–Newton and the amortized learner.
 */
package io.gendict.core.linalg;
