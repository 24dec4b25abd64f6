package io.gendict.cli.plot;

import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import org.ejml.data.DMatrixRMaj;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Draws samples as square grey images: {@link #render} tiles the first samples of a matrix
 * ({@code decompress --png}), and {@link #draw} paints one sample for the other image grids. Values
 * in [0, 1] are grey levels; samples with values outside it are shown rescaled from their common
 * [min, max].
 *
 * @since 0.1
 */
public final class ImageTiles {
    /** Images per row of {@link #render}. */
    public static final int PER_ROW = 8;
    static final int SCALE = 3;
    private static final int GAP = 4;

    private ImageTiles() {
    }

    /**
     * @param m      values per sample
     * @param option the option that asked for images, for the message
     * @throws GendictException INVALID_PARAMETER when m is not a perfect square
     */
    public static void requireSquare(int m, String option) {
        int side = (int) Math.round(Math.sqrt(m));
        if (side * side != m) {
            throw new GendictException(ErrorKind.INVALID_PARAMETER, option + ": samples of " + m
                    + " values are not square images");
        }
    }

    /**
     * @param images B×(side·side) samples, one per row. Not modified.
     * @param limit  the most samples drawn (the first ones), ≥ 1
     * @return the PNG bytes of a grid with {@value #PER_ROW} images per row
     */
    public static byte[] render(DMatrixRMaj images, int limit) {
        int count = Math.min(limit, images.numRows);
        int side = (int) Math.round(Math.sqrt(images.numCols));
        int cell = side * SCALE + GAP;
        int columns = Math.max(1, Math.min(PER_ROW, count));
        int rows = Math.max(1, (count + PER_ROW - 1) / PER_ROW);
        BufferedImage img = new BufferedImage(columns * cell + GAP, rows * cell + GAP, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        double[] range = greyRange(images, count);
        for (int i = 0; i < count; i++) {
            draw(g, images, i, GAP + (i % PER_ROW) * cell, GAP + (i / PER_ROW) * cell, range);
        }
        g.dispose();
        return png(img);
    }

    /**
     * @param images samples, one per row
     * @param count  how many of the first rows to look at
     * @return {0, 1} when they lie in [0, 1], else their {min, max}
     */
    static double[] greyRange(DMatrixRMaj images, int count) {
        double min = 0;
        double max = 1;
        for (int i = 0; i < count * images.numCols; i++) {
            min = Math.min(min, images.data[i]);
            max = Math.max(max, images.data[i]);
        }
        return new double[] {min, max};
    }

    /** Paints sample {@code row} at (x0, y0), {@link #SCALE} pixels per value, grey levels over {@code range}. */
    static void draw(Graphics2D g, DMatrixRMaj images, int row, int x0, int y0, double[] range) {
        int side = (int) Math.round(Math.sqrt(images.numCols));
        for (int r = 0; r < side; r++) {
            for (int q = 0; q < side; q++) {
                double v = (images.get(row, r * side + q) - range[0]) / (range[1] - range[0]);
                int grey = (int) Math.round(Math.min(1, Math.max(0, v)) * 255);
                g.setColor(new Color(grey, grey, grey));
                g.fillRect(x0 + q * SCALE, y0 + r * SCALE, SCALE, SCALE);
            }
        }
    }

    /** @return the PNG bytes of an image */
    static byte[] png(BufferedImage img) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory PNG encoding failed", e);
        }
        return out.toByteArray();
    }
}
