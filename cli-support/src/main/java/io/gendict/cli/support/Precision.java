package io.gendict.cli.support;

import io.gendict.core.eval.DecimalQuantizer;
import io.gendict.core.eval.Quantizer;
import io.gendict.core.eval.UniformQuantizer;
import picocli.CommandLine.Option;

/**
 * {@code --digits D | --bits b}: how precisely codes are stored (shared by encode, compress and
 * experiment).
 *
 * @since 0.1
 */
public final class Precision {
    @Option(names = "--digits", paramLabel = "D", description = "Round codes to D decimal places.")
    Integer digits;

    @Option(names = "--bits", paramLabel = "b", description = "Quantize codes to b-bit uniform levels per coordinate.")
    Integer bits;

    /** @return whether {@code --digits} or {@code --bits} was given */
    public boolean given() {
        return digits != null || bits != null;
    }

    /**
     * @param defaultDigits decimal places when neither option is given; negative for full precision
     * @return the chosen quantizer
     */
    public Quantizer quantizer(int defaultDigits) {
        return bits != null ? new UniformQuantizer(bits) : digits != null ? new DecimalQuantizer(digits)
                : defaultDigits < 0 ? Quantizer.none() : new DecimalQuantizer(defaultDigits);
    }
}
