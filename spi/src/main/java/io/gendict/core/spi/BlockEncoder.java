package io.gendict.core.spi;

import org.ejml.data.DMatrixRMaj;

/**
 * Codes a long sequence of samples block by block, so that a file larger than memory can be coded:
 * the codes of consecutive blocks, concatenated, equal bit for bit the codes of one
 * {@link DictionaryLearner#encode} of all the samples by a learner in the same state. Every block but
 * the last must hold a multiple of {@link #ROW_MULTIPLE} rows (random streams are split per fixed
 * group of rows). One instance codes one sequence; not thread-safe.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface BlockEncoder {
    /** Rows every block but the last must be a multiple of. */
    int ROW_MULTIPLE = 64;

    /**
     * Codes the next block of the sequence.
     *
     * @param block B×m samples, the rows after those of the previous blocks. Not modified.
     * @return their codes
     */
    Codes encode(DMatrixRMaj block);
}
