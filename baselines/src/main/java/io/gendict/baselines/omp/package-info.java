/**
 * Standalone sparse coding (docs/algorithms.md §7.1–7.2): {@link io.gendict.baselines.omp.BatchOmp}
 * (Gram matrix plus progressive Cholesky, many signals at once, multi-threaded, the coder of the
 * paper's metric), the plain {@link io.gendict.baselines.omp.Omp} reference and
 * {@link io.gendict.baselines.omp.SparseCodes} helpers. Signals are rows (B×m); dictionaries are
 * m×n with atoms as columns.
 */
package io.gendict.baselines.omp;
