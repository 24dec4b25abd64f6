package io.gendict.core.kernel.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gendict.core.kernel.KernelContract;
import io.gendict.core.kernel.MatrixKernels;
import org.junit.jupiter.api.Test;

/** Runs the {@link KernelContract} on the Vector API kernels, whatever {@code Kernels.get()} picked. */
class VectorApiKernelsTest implements KernelContract {
    private final MatrixKernels kernels = new VectorApiKernels();

    @Override
    public MatrixKernels kernels() {
        return kernels;
    }

    @Test
    void isNamedSimd() {
        assertEquals("simd", kernels.name());
    }
}
