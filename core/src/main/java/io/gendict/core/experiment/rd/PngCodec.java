package io.gendict.core.experiment.rd;

import org.ejml.data.DMatrixRMaj;

import javax.imageio.ImageIO;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Lossless PNG through the JDK's ImageIO, one 8-bit greyscale file per image: the ceiling of size.
 * The signature, the chunks before the first IDAT and the closing IEND are the same in every file
 * and form the shared header; each image costs its IDAT chunks.
 *
 * @since 0.1
 */
public final class PngCodec implements ImageCodec {
    private static final int SIGNATURE = 8;
    private static final int IEND = 12;
    private static final int IDAT = ('I' << 24) | ('D' << 16) | ('A' << 8) | 'T';

    @Override
    public String name() {
        return "png";
    }

    @Override
    public List<String> settings() {
        return List.of("lossless");
    }

    @Override
    public Encoded encode(DMatrixRMaj images, String setting) {
        SharedHeader sizes = new SharedHeader();
        DMatrixRMaj out = new DMatrixRMaj(images.numRows, images.numCols);
        for (int i = 0; i < images.numRows; i++) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try {
                ImageIO.write(GreyImages.toImage(images, i), "png", bytes);
            } catch (IOException e) {
                throw new UncheckedIOException("in-memory PNG encoding failed", e);
            }
            byte[] file = bytes.toByteArray();
            sizes.add(file, firstIdat(file), IEND);
            GreyImages.fromImage(GreyImages.read(file, "png"), out, i);
        }
        return new Encoded(sizes.bytes(), sizes.headerBytes(), sizes.fileBytes(), out);
    }

    /** @return the offset of the first IDAT chunk */
    static int firstIdat(byte[] file) {
        int at = SIGNATURE;
        while (at + 8 <= file.length) {
            int length = ((file[at] & 0xFF) << 24) | ((file[at + 1] & 0xFF) << 16) | ((file[at + 2] & 0xFF) << 8)
                    | (file[at + 3] & 0xFF);
            int type = ((file[at + 4] & 0xFF) << 24) | ((file[at + 5] & 0xFF) << 16) | ((file[at + 6] & 0xFF) << 8)
                    | (file[at + 7] & 0xFF);
            if (type == IDAT) {
                return at;
            }
            at += 12 + length;
        }
        throw new IllegalStateException("the PNG encoder wrote no IDAT chunk");
    }
}
