package io.gendict.core.experiment.rd;

import org.ejml.data.DMatrixRMaj;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Conversions between rows of [0, 1] pixel values and 8-bit greyscale images for ImageIO. */
final class GreyImages {
    private GreyImages() {
    }

    /**
     * @param images N×(side·side) pixel values in [0, 1]
     * @param row    which image
     * @return the image rounded to 8-bit grey levels
     */
    static BufferedImage toImage(DMatrixRMaj images, int row) {
        int side = side(images.numCols);
        BufferedImage img = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_GRAY);
        int[] pixels = new int[images.numCols];
        for (int p = 0; p < pixels.length; p++) {
            pixels[p] = (int) Math.round(Math.min(1, Math.max(0, images.get(row, p))) * 255);
        }
        img.getRaster().setPixels(0, 0, side, side, pixels);
        return img;
    }

    /** Writes the image's grey levels, scaled to [0, 1], into row {@code row} of {@code out}. */
    static void fromImage(BufferedImage img, DMatrixRMaj out, int row) {
        int side = side(out.numCols);
        int[] pixels = img.getRaster().getPixels(0, 0, side, side, (int[]) null);
        for (int p = 0; p < pixels.length; p++) {
            out.set(row, p, pixels[p] / 255.0);
        }
    }

    /** @return the decoded image of a file the JDK just wrote */
    static BufferedImage read(byte[] file, String format) {
        try {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(file));
            if (img == null) {
                throw new IllegalStateException("ImageIO cannot read back the " + format + " it wrote");
            }
            return img;
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory " + format + " decoding failed", e);
        }
    }

    /** @return the side of a square image of {@code m} pixels */
    static int side(int m) {
        return (int) Math.round(Math.sqrt(m));
    }
}
