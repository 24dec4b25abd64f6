package io.gendict.core.experiment.rd;

/**
 * One operating point of one codec on one trial's test images.
 *
 * @param codec        the codec's name, e.g. {@code amortized}, {@code ksvd:sparsity=5} or {@code jpeg}
 * @param setting      its setting, e.g. {@code bits:4}, {@code quality:50} or {@code lossless}
 * @param trial        the trial (0-based)
 * @param images       test images stored
 * @param bytes        what storing all of them costs: every per-image part plus one copy of the header
 *                     the files share
 * @param headerBytes  the shared header counted once in {@code bytes} (a container's header, the
 *                     JPEG/PNG bytes that are equal in every file)
 * @param fileBytes    the bytes of the files actually written (one container; one JPEG/PNG per image)
 * @param psnr         10·log10(1/MSE) in dB over all pixels of all images (pixel range [0, 1]);
 *                     +∞ when lossless
 * @param meanDistance the paper's metric: the mean over images of ‖ŷ − y‖
 * @since 0.1
 */
public record RatePoint(String codec, String setting, int trial, int images, long bytes, long headerBytes,
                        long fileBytes, double psnr, double meanDistance) {
    /** @return amortised bits per image, {@code 8·bytes / images} */
    public double bitsPerImage() {
        return bytes * 8.0 / images;
    }

    /** @return bits per image of the files as written, {@code 8·fileBytes / images} */
    public double fileBitsPerImage() {
        return fileBytes * 8.0 / images;
    }
}
