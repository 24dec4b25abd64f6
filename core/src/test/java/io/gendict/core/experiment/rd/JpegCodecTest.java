package io.gendict.core.experiment.rd;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JpegCodecTest {
    /** Blurry blobs with a little noise, 28×28, values in [0, 1]. */
    static DMatrixRMaj blobs(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        DMatrixRMaj images = new DMatrixRMaj(n, 784);
        for (int i = 0; i < n; i++) {
            double cr = 6 + rng.nextInt(16);
            double cc = 6 + rng.nextInt(16);
            for (int p = 0; p < 784; p++) {
                double d2 = Math.pow(p / 28 - cr, 2) + Math.pow(p % 28 - cc, 2);
                images.set(i, p, Math.min(1, Math.exp(-d2 / 30) + 0.05 * rng.nextDouble()));
            }
        }
        return images;
    }

    /** The bytes of one JPEG written straight through ImageIO, independently of the codec. */
    private static byte[] reference(DMatrixRMaj images, int row, float quality) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(GreyImages.toImage(images, row), null, null), param);
        }
        writer.dispose();
        return bytes.toByteArray();
    }

    @Test
    void sizesAreThoseOfTheRealEncodedFilesAndTheDecodedImagesAreTheirs() throws IOException {
        DMatrixRMaj images = blobs(12, 1);
        Encoded e = new JpegCodec(List.of(50)).encode(images, "quality:50");
        long files = 0;
        byte[] first = reference(images, 0, 0.5f);
        int header = JpegCodec.headerLength(first);
        long rest = 0;
        for (int i = 0; i < images.numRows; i++) {
            byte[] file = reference(images, i, 0.5f);
            files += file.length;
            rest += file.length - header;
            assertArrayEquals(Arrays.copyOf(first, header), Arrays.copyOf(file, header), "equal headers");
            assertEquals(0xD9, file[file.length - 1] & 0xFF, "each image's part ends with its EOI marker");
            int[] decoded = ImageIO.read(new ByteArrayInputStream(file)).getRaster().getPixels(0, 0, 28, 28, (int[]) null);
            for (int p = 0; p < 784; p++) {
                assertEquals(decoded[p] / 255.0, e.reconstructions().get(i, p), 0.0);
            }
        }
        assertEquals(files, e.fileBytes());
        assertEquals(header, e.headerBytes());
        assertEquals(rest + header, e.bytes());
        assertTrue(header > 300, "tables and frame headers of a baseline JPEG: " + header);
        int sos = 2;
        while (!((first[sos] & 0xFF) == 0xFF && (first[sos + 1] & 0xFF) == 0xDA)) {
            sos++;
        }
        assertEquals(sos + 2 + (((first[sos + 2] & 0xFF) << 8) | (first[sos + 3] & 0xFF)), header,
                "the header ends with the SOS segment");
    }

    @Test
    void higherQualityCostsMoreAndDistortsLess() {
        DMatrixRMaj images = blobs(20, 2);
        JpegCodec jpeg = new JpegCodec(List.of(5, 50, 95));
        double lastBytes = 0;
        double lastPsnr = 0;
        for (String q : jpeg.settings()) {
            Encoded e = jpeg.encode(images, q);
            double psnr = RateDistortionRun.psnr(images, e.reconstructions());
            assertTrue(e.bytes() > lastBytes && psnr > lastPsnr, q + ": " + e.bytes() + " bytes, " + psnr + " dB");
            lastBytes = e.bytes();
            lastPsnr = psnr;
        }
    }

    @Test
    void pngIsLosslessOnEightBitImages() {
        DMatrixRMaj images = blobs(5, 3);
        for (int i = 0; i < images.data.length; i++) {
            images.data[i] = Math.round(images.data[i] * 255) / 255.0;
        }
        Encoded e = new PngCodec().encode(images, "lossless");
        assertArrayEquals(images.data, e.reconstructions().data, 1e-15);
        assertEquals(Double.POSITIVE_INFINITY, RateDistortionRun.psnr(images, e.reconstructions()));
        assertTrue(e.headerBytes() >= 8 + 25 + 12 && e.bytes() == e.fileBytes() - 4 * e.headerBytes(),
                e.headerBytes() + " " + e.bytes() + " " + e.fileBytes());
    }
}
