package io.gendict.cli.plot;

import org.ejml.data.DMatrixRMaj;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders {@code reconstructions.png}, a grid like the paper's figure 2: one row per sample, one
 * column per image set (clean, each method, noisy), each square image scaled up and clipped to
 * [0, 1] grey levels, with the column titles on top.
 *
 * @since 0.1
 */
public final class ReconstructionGrid {
    /** Pixels per image pixel. */
    public static final int SCALE = ImageTiles.SCALE;
    /** Height of the title band in pixels. */
    public static final int HEADER = 20;
    /** Gap between cells in pixels. */
    public static final int GAP = 4;
    private static final double[] CLIPPED = {0, 1};

    private ReconstructionGrid() {
    }

    /**
     * @param columns title → B×(side·side) images, one sample per row (all with the same B and side). Not modified.
     * @return the PNG bytes
     * @throws IOException when encoding fails
     */
    public static byte[] render(Map<String, DMatrixRMaj> columns) throws IOException {
        List<Map.Entry<String, DMatrixRMaj>> cols = List.copyOf(new LinkedHashMap<>(columns).entrySet());
        int samples = cols.get(0).getValue().numRows;
        int side = (int) Math.round(Math.sqrt(cols.get(0).getValue().numCols));
        int cell = side * SCALE;
        int cellWidth = Math.max(cell, 90);
        BufferedImage img = new BufferedImage(cols.size() * (cellWidth + GAP) + GAP,
                HEADER + samples * (cell + GAP) + GAP, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.setColor(Color.BLACK);
        for (int c = 0; c < cols.size(); c++) {
            int x0 = GAP + c * (cellWidth + GAP);
            g.drawString(cols.get(c).getKey(), x0, HEADER - 6);
            DMatrixRMaj images = cols.get(c).getValue();
            for (int s = 0; s < samples; s++) {
                ImageTiles.draw(g, images, s, x0, HEADER + s * (cell + GAP), CLIPPED);
            }
            g.setColor(Color.BLACK);
        }
        g.dispose();
        return ImageTiles.png(img);
    }
}
