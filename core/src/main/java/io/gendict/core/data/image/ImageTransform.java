package io.gendict.core.data.image;

import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import org.ejml.data.DMatrixRMaj;

import java.util.Arrays;

/**
 * Transforms of square grey images stored one per row (B×(side·side), values in [0, 1]) used by
 * the transfer task (docs/algorithms.md §3, [ours] defaults): Gaussian blur (σ = 1 px, 5×5 kernel, zero
 * padding), colour shift x → clip(x + 0.3, 0, 1), inversion x → 1 − x, horizontal and vertical flip.
 *
 * @since 0.1
 */
public enum ImageTransform {
    /** 5×5 Gaussian blur with σ = 1 pixel and zero padding. */
    BLUR,
    /** x → clip(x + 0.3, 0, 1). */
    COLORSHIFT,
    /** x → 1 − x. */
    INVERT,
    /** Mirror left–right. */
    FLIP,
    /** Mirror top–bottom. */
    VFLIP;

    private static final double[] KERNEL = gaussianKernel(1.0, 2);

    /**
     * Parses a command-line name ({@code blur}, {@code colorshift}, {@code invert}, {@code flip}, {@code vflip}).
     *
     * @param name the name
     * @return the transform
     * @throws GendictException UNKNOWN_NAME for anything else
     */
    public static ImageTransform parse(String name) {
        for (ImageTransform t : values()) {
            if (t.name().equalsIgnoreCase(name.trim())) {
                return t;
            }
        }
        throw new GendictException(ErrorKind.UNKNOWN_NAME, "unknown transform '" + name
                + "', expected one of blur, colorshift, invert, flip, vflip");
    }

    /**
     * Applies the transform to every image.
     *
     * @param images B×(side·side) images, one per row. Not modified.
     * @return a new B×(side·side) matrix of transformed images
     * @throws GendictException INVALID_INPUT when the row length is not a square
     */
    public DMatrixRMaj apply(DMatrixRMaj images) {
        int side = (int) Math.round(Math.sqrt(images.numCols));
        if (side * side != images.numCols) {
            throw new GendictException(ErrorKind.INVALID_INPUT,
                    "images: row length " + images.numCols + " is not a square number of pixels");
        }
        DMatrixRMaj out = new DMatrixRMaj(images.numRows, images.numCols);
        double[] in = images.data;
        double[] o = out.data;
        for (int b = 0; b < images.numRows; b++) {
            int base = b * images.numCols;
            for (int r = 0; r < side; r++) {
                for (int c = 0; c < side; c++) {
                    int at = base + r * side + c;
                    o[at] = switch (this) {
                        case BLUR -> blurAt(in, base, side, r, c);
                        case COLORSHIFT -> Math.min(1.0, Math.max(0.0, in[at] + 0.3));
                        case INVERT -> 1.0 - in[at];
                        case FLIP -> in[base + r * side + (side - 1 - c)];
                        case VFLIP -> in[base + (side - 1 - r) * side + c];
                    };
                }
            }
        }
        return out;
    }

    private static double blurAt(double[] in, int base, int side, int r, int c) {
        int radius = KERNEL.length / 2;
        double s = 0;
        for (int dr = -radius; dr <= radius; dr++) {
            int rr = r + dr;
            if (rr < 0 || rr >= side) {
                continue;
            }
            for (int dc = -radius; dc <= radius; dc++) {
                int cc = c + dc;
                if (cc >= 0 && cc < side) {
                    s += KERNEL[dr + radius] * KERNEL[dc + radius] * in[base + rr * side + cc];
                }
            }
        }
        return s;
    }

    private static double[] gaussianKernel(double sigma, int radius) {
        double[] k = new double[2 * radius + 1];
        for (int i = -radius; i <= radius; i++) {
            k[i + radius] = Math.exp(-i * i / (2 * sigma * sigma));
        }
        double sum = Arrays.stream(k).sum();
        for (int i = 0; i < k.length; i++) {
            k[i] /= sum;
        }
        return k;
    }
}
