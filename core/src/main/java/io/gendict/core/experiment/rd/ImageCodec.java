package io.gendict.core.experiment.rd;

import org.ejml.data.DMatrixRMaj;

import java.util.List;

/**
 * A codec of the rate-distortion experiment: it writes real files for a set of images at each of
 * its settings and decodes them again, so sizes are bytes on disk and distortions are those of
 * the decoded bytes.
 *
 * @since 0.1
 */
public interface ImageCodec {
    /** @return the name reported in results, e.g. {@code jpeg} */
    String name();

    /** @return its settings from the coarsest to the finest, e.g. {@code quality:5 … quality:95} */
    List<String> settings();

    /**
     * @param images  N×(side·side) images, pixel values in [0, 1]. Not modified.
     * @param setting one of {@link #settings()}
     * @return the sizes and the decoded images
     */
    Encoded encode(DMatrixRMaj images, String setting);
}
