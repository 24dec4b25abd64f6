package io.gendict.core.experiment.rd;

import org.ejml.data.DMatrixRMaj;

/**
 * What an {@link ImageCodec} made of a set of images at one setting.
 *
 * @param bytes           amortised size: per-image parts plus one copy of the shared header
 * @param headerBytes     the shared header within {@code bytes}
 * @param fileBytes       the bytes of the files as written
 * @param reconstructions N×m decoded images, from the bytes written
 * @since 0.1
 */
public record Encoded(long bytes, long headerBytes, long fileBytes, DMatrixRMaj reconstructions) {
}
