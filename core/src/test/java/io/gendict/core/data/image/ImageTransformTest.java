package io.gendict.core.data.image;

import io.gendict.core.error.GendictException;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageTransformTest {

    private static DMatrixRMaj ramp() {
        DMatrixRMaj img = new DMatrixRMaj(1, 9);
        for (int i = 0; i < 9; i++) {
            img.data[i] = i / 10.0;
        }
        return img;
    }

    @Test
    void flipsMirrorRowsAndColumns() {
        assertArrayEquals(new double[] {.2, .1, 0, .5, .4, .3, .8, .7, .6}, ImageTransform.FLIP.apply(ramp()).data, 1e-15);
        assertArrayEquals(new double[] {.6, .7, .8, .3, .4, .5, 0, .1, .2}, ImageTransform.VFLIP.apply(ramp()).data, 1e-15);
    }

    @Test
    void colourShiftClipsAndInvertComplements() {
        DMatrixRMaj shifted = ImageTransform.COLORSHIFT.apply(ramp());
        assertEquals(0.3, shifted.data[0], 1e-15);
        assertEquals(1.0, shifted.data[8], 0);
        assertEquals(1.0 - 0.4, ImageTransform.INVERT.apply(ramp()).data[4], 1e-15);
    }

    @Test
    void blurPreservesMassInTheInteriorAndSpreadsAPoint() {
        DMatrixRMaj img = new DMatrixRMaj(2, 81);
        img.data[40] = 1.0;
        img.data[81 + 40] = 2.0;
        DMatrixRMaj out = ImageTransform.BLUR.apply(img);
        double sum = 0;
        for (int i = 0; i < 81; i++) {
            sum += out.data[i];
        }
        assertEquals(1.0, sum, 1e-12, "a 5×5 kernel around the centre of 9×9 loses nothing");
        assertTrue(out.data[40] < 0.2 && out.data[40] > 0.1, "σ=1 centre weight ≈ 0.16");
        assertEquals(out.data[39], out.data[41], 1e-15);
        assertEquals(2 * out.data[40], out.data[81 + 40], 1e-15, "linear and per image");
    }

    @Test
    void namesParseAndBadInputIsRejected() {
        assertEquals(ImageTransform.BLUR, ImageTransform.parse("Blur"));
        assertThrows(GendictException.class, () -> ImageTransform.parse("sharpen"));
        assertThrows(GendictException.class, () -> ImageTransform.BLUR.apply(new DMatrixRMaj(1, 10)));
    }
}
