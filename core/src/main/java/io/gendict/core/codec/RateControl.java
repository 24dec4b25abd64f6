package io.gendict.core.codec;

import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import io.gendict.core.eval.UniformQuantizer;
import io.gendict.core.spi.Codes;

import java.util.Locale;

/**
 * Picks the quantizer for a size budget: the most bits per value (32 down to 1) whose
 * arithmetic-coded {@link CodeContainer}, header included, costs at most the target bits per
 * sample. Each candidate is encoded in full, so the budget holds for the bytes actually written.
 *
 * @since 0.1
 */
public final class RateControl {
    private static final int MAX_BITS = 32;

    private RateControl() {
    }

    /**
     * The chosen operating point.
     *
     * @param quantizer the quantizer the file was written with
     * @param file      the container's bytes
     */
    public record Fit(UniformQuantizer quantizer, byte[] file) {
        /**
         * @param samples rows stored
         * @return the file's bits per sample
         */
        public double bitsPerSample(int samples) {
            return file.length * 8.0 / samples;
        }
    }

    /**
     * @param codes         codes to store (at least one row). Not modified.
     * @param atoms         n for sparse codes, ignored for dense
     * @param modelChecksum 32 bytes identifying the model
     * @param targetBits    the budget in bits per sample, &gt; 0
     * @return the largest bit depth that meets the budget, with its file
     * @throws GendictException INVALID_PARAMETER when even 1 bit per value exceeds the budget, naming what it costs
     */
    public static Fit fit(Codes codes, int atoms, byte[] modelChecksum, double targetBits) {
        int rows = codes.values().numRows;
        if (!(targetBits > 0) || rows == 0) {
            throw new GendictException(ErrorKind.INVALID_PARAMETER, "--target-bits: expected a budget > 0 and at least "
                    + "one sample, got " + targetBits + " bits for " + rows + " samples");
        }
        Fit smallest = null;
        for (int bits = MAX_BITS; bits >= 1; bits--) {
            UniformQuantizer q = new UniformQuantizer(bits);
            Fit fit = new Fit(q, CodeContainer.encode(codes, atoms, q, modelChecksum));
            if (fit.bitsPerSample(rows) <= targetBits) {
                return fit;
            }
            smallest = fit;
        }
        throw new GendictException(ErrorKind.INVALID_PARAMETER, String.format(Locale.ROOT,
                "--target-bits %s: even 1 bit per value costs %.2f bits per sample for these %d samples "
                        + "(the file's header is shared by all samples: store more samples per file, or raise the budget)",
                targetBits, smallest.bitsPerSample(rows), rows));
    }
}
