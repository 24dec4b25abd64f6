package io.gendict.core.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Kernel selection. The test JVM runs with {@code --add-modules jdk.incubator.vector}, so SIMD is
 * available; a second surefire execution sets {@code -Dgendict.kernel=scalar}.
 */
class KernelsTest {
    @Test
    void simdIsAvailableWhenTheModuleIsPresent() {
        assertTrue(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent());
        assertEquals("simd", Kernels.simd().orElseThrow().name());
    }

    @Test
    void selectHonoursTheRequestAndDefaultsToSimd() {
        assertEquals("scalar", Kernels.select("scalar").name());
        assertEquals("scalar", Kernels.select(" Scalar ").name());
        assertEquals("simd", Kernels.select("simd").name());
        assertEquals("simd", Kernels.select(null).name());
        assertEquals("simd", Kernels.select("gpu").name());
    }

    @Test
    void getHonoursTheSystemProperty() {
        String requested = System.getProperty(Kernels.PROPERTY);
        assertEquals(requested == null ? "simd" : requested, Kernels.get().name());
    }
}
