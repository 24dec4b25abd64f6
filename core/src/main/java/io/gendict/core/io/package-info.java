/**
 * File formats: NumPy {@code .npy} ({@link io.gendict.core.io.Npy}, memory-mapped
 * {@link io.gendict.core.io.MappedNpy}) and {@code .npz} ({@link io.gendict.core.io.Npz}), IDX image
 * and label files ({@link io.gendict.core.io.Idx}, docs/algorithms.md §8), and atomic writes
 * ({@link io.gendict.core.io.AtomicFiles}). Readers never trust a size a file claims: a malformed,
 * truncated or lying file raises {@link io.gendict.core.io.FormatException} naming the file, without
 * a large allocation. Readers return values as stored; checking them for NaN/Inf is left to callers
 * ({@link io.gendict.core.error.Checks#finite}).
 *
 * @since 0.1
 */
package io.gendict.core.io;
