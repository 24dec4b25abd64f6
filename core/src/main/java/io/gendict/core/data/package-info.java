/**
 * Data sources: the synthetic generator of the paper's experiments
 * ({@link io.gendict.core.data.SyntheticSource}, docs/algorithms.md §3).
 *
 * @since 0.1
 */
package io.gendict.core.data;
