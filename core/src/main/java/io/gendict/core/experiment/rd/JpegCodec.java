package io.gendict.core.experiment.rd;

import org.ejml.data.DMatrixRMaj;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Baseline JPEG through the JDK's ImageIO encoder, one 8-bit greyscale file per image at each
 * quality (5…95). Every file starts with the same markers (quantisation and Huffman tables, frame
 * and scan headers) up to the end of the SOS header; those are the shared header, and each image
 * costs its entropy-coded scan and its EOI marker, which separates it from the next.
 *
 * @since 0.1
 */
public final class JpegCodec implements ImageCodec {
    private static final int SOS = 0xDA;
    private final List<Integer> qualities;

    /**
     * @param qualities JPEG qualities, each 1..100 ({@link RateDistortionRun#checkSettings})
     */
    public JpegCodec(List<Integer> qualities) {
        this.qualities = List.copyOf(qualities);
    }

    @Override
    public String name() {
        return "jpeg";
    }

    @Override
    public List<String> settings() {
        return qualities.stream().map(q -> "quality:" + q).toList();
    }

    @Override
    public Encoded encode(DMatrixRMaj images, String setting) {
        float quality = Integer.parseInt(setting.substring(setting.indexOf(':') + 1)) / 100f;
        SharedHeader sizes = new SharedHeader();
        DMatrixRMaj out = new DMatrixRMaj(images.numRows, images.numCols);
        for (int i = 0; i < images.numRows; i++) {
            byte[] file = write(GreyImages.toImage(images, i), quality);
            sizes.add(file, headerLength(file), 0);
            GreyImages.fromImage(GreyImages.read(file, "jpeg"), out, i);
        }
        return new Encoded(sizes.bytes(), sizes.headerBytes(), sizes.fileBytes(), out);
    }

    /**
     * @param file a baseline JPEG file
     * @return the length of its leading markers, up to the end of the (first) SOS header
     * @throws IllegalStateException when the file has no SOS segment
     */
    static int headerLength(byte[] file) {
        int at = 2;
        while (at + 4 <= file.length && (file[at] & 0xFF) == 0xFF) {
            int marker = file[at + 1] & 0xFF;
            int length = ((file[at + 2] & 0xFF) << 8) | (file[at + 3] & 0xFF);
            at += 2 + length;
            if (marker == SOS) {
                return at;
            }
        }
        throw new IllegalStateException("the JPEG encoder wrote no scan header");
    }

    private static byte[] write(BufferedImage image, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory JPEG encoding failed", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
