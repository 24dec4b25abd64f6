package io.gendict.core.param;

/**
 * Reads the JSON form of a component spec, {@code {"name": "...", "key": value, ...}} or
 * {@code {"name": "...", "params": {...}}}, for {@link ComponentSpec#parse}. The application provides
 * the one implementation (gendict-core registers it with {@link java.util.ServiceLoader}), so that the
 * SPI itself needs no JSON library; plugins never implement it.
 *
 * @since 0.1
 */
public interface JsonSpecParser {
    /**
     * @param text the spec, starting with '{'
     * @return the parsed spec: numbers whole in value as {@code Long}, others as {@code Double}; strings,
     *         booleans and lists of these as they are
     * @throws io.gendict.core.error.GendictException INVALID_PARAMETER ({@link ComponentSpec#malformed})
     *         when the text is not such an object
     */
    ComponentSpec parse(String text);
}
