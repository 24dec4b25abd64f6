package io.gendict.core.eval;

import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import org.ejml.data.DMatrixRMaj;

/**
 * Rounds stored codes to the precision they are kept at (docs/algorithms.md §3): the paper rounds
 * latent codes to 4 decimal places before reconstructing.
 *
 * @since 0.1
 */
public interface Quantizer {
    /**
     * Rounds every entry in place.
     *
     * @param values codes of any shape. Modified.
     */
    void quantize(DMatrixRMaj values);

    /** @return e.g. {@code "digits:4"} */
    String describe();

    /**
     * Parses {@code digits:D} (D decimal places), {@code significant:S} (S significant digits),
     * {@code bits:b} (b-bit uniform levels per column) or {@code none}.
     *
     * @param spec the text
     * @return the quantizer
     * @throws GendictException INVALID_PARAMETER for anything else
     */
    static Quantizer parse(String spec) {
        String s = spec.trim();
        if (s.equals("none")) {
            return none();
        }
        int colon = s.indexOf(':');
        String kind = colon < 0 ? s : s.substring(0, colon);
        String arg = colon < 0 ? "" : s.substring(colon + 1);
        int value;
        try {
            value = Integer.parseInt(arg.trim());
        } catch (NumberFormatException e) {
            throw new GendictException(ErrorKind.INVALID_PARAMETER,
                    "quantizer '" + spec + "': expected digits:D, significant:S, bits:b or none");
        }
        return switch (kind) {
            case "digits" -> new DecimalQuantizer(value);
            case "significant" -> new SignificantQuantizer(value);
            case "bits" -> new UniformQuantizer(value);
            default -> throw new GendictException(ErrorKind.INVALID_PARAMETER,
                    "quantizer '" + spec + "': unknown kind '" + kind + "', expected digits, significant, bits or none");
        };
    }

    /** @return the identity quantizer (full double precision) */
    static Quantizer none() {
        return new Quantizer() {
            @Override
            public void quantize(DMatrixRMaj values) {
            }

            @Override
            public String describe() {
                return "none";
            }
        };
    }
}
