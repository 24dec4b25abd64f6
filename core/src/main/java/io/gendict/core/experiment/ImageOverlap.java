package io.gendict.core.experiment;

import io.gendict.core.error.Checks;
import io.gendict.core.io.Sha256;
import org.ejml.data.DMatrixRMaj;

import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.Set;

/**
 * Finds the images of a test set that also occur in a training set (e.g. the VAE's), comparing the
 * SHA-256 of each image's exact values, so that a transfer result is not measured on images the
 * prior was trained on.
 *
 * @since 0.1
 */
public final class ImageOverlap {
    private ImageOverlap() {
    }

    /**
     * @param training N×m images, one per row. Not modified.
     * @param test     T×m images, one per row. Not modified.
     * @return how many test images equal some training image
     */
    public static int count(DMatrixRMaj training, DMatrixRMaj test) {
        Checks.shape("test images", test, -1, training.numCols);
        Set<ByteBuffer> seen = new HashSet<>();
        for (int i = 0; i < training.numRows; i++) {
            seen.add(hash(training, i));
        }
        int overlap = 0;
        for (int i = 0; i < test.numRows; i++) {
            if (seen.contains(hash(test, i))) {
                overlap++;
            }
        }
        return overlap;
    }

    private static ByteBuffer hash(DMatrixRMaj images, int row) {
        int m = images.numCols;
        ByteBuffer bytes = ByteBuffer.allocate(Double.BYTES * m);
        bytes.asDoubleBuffer().put(images.data, row * m, m);
        return ByteBuffer.wrap(Sha256.of(bytes.array()));
    }
}
