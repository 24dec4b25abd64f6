/**
 * Sparse dictionary-learning baselines behind {@link io.gendict.core.spi.BaselineProvider}
 * (docs/algorithms.md §7): {@code mod}, {@code ksvd}, {@code approximate-ksvd} and {@code online-dl},
 * each a {@link io.gendict.core.spi.DictionaryLearner} that codes with Batch-OMP and K non-zeros.
 */
package io.gendict.baselines;
