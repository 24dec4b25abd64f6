package io.gendict.priors.vae;

import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Defaults of {@link VaeConfig} and the messages of rejected parameters and images. */
class VaeConfigTest {

    @Test
    void defaultsAreThePyTorchExample() {
        assertEquals(new VaeConfig(784, 400, 20, 1e-3, 128, 10, 0, 1, 64), VaeConfig.builder().build());
    }

    @Test
    void rejectsBadParametersNamingTheField() {
        assertRejected("hidden: expected an integer > 0, got 0", VaeConfig.builder().hidden(0));
        assertRejected("learningRate: expected a finite value > 0, got NaN", VaeConfig.builder().learningRate(Double.NaN));
        assertRejected("threads: expected an integer > 0, got -1", VaeConfig.builder().threads(-1));
        GendictException e = assertThrows(GendictException.class, () -> VaeConfig.builder().shardRows(1).build());
        assertTrue(e.getMessage().startsWith("shardRows: expected at least"), e.getMessage());
    }

    @Test
    void rejectsImagesOfWrongWidthEmptyOrOutsideTheUnitInterval() {
        VaeConfig config = VaeConfig.builder().inputDim(4).build();
        assertInput("images: expected B×4, got 2×3", config, new DMatrixRMaj(2, 3));
        assertInput("images: expected at least one image, got 0 rows", config, new DMatrixRMaj(0, 4));
        DMatrixRMaj bad = new DMatrixRMaj(2, 4);
        bad.set(1, 2, 1.5);
        assertInput("images: expected pixel values in [0, 1], got 1.5 at row 1, column 2", config, bad);
        bad.set(1, 2, Double.NaN);
        assertInput("images: expected pixel values in [0, 1], got NaN at row 1, column 2", config, bad);
    }

    private static void assertRejected(String message, VaeConfig.Builder builder) {
        GendictException e = assertThrows(GendictException.class, builder::build);
        assertEquals(ErrorKind.INVALID_PARAMETER, e.kind());
        assertEquals(message, e.getMessage());
    }

    private static void assertInput(String message, VaeConfig config, DMatrixRMaj images) {
        GendictException e = assertThrows(GendictException.class,
                () -> new VaeTrainer().train(images, config, EpochListener.NONE));
        assertEquals(ErrorKind.INVALID_INPUT, e.kind());
        assertEquals(message, e.getMessage());
    }
}
