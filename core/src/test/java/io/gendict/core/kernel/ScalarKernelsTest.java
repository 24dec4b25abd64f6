package io.gendict.core.kernel;

/** Runs the {@link KernelContract} on the scalar kernels. */
class ScalarKernelsTest implements KernelContract {
    private final MatrixKernels kernels = new ScalarKernels();

    @Override
    public MatrixKernels kernels() {
        return kernels;
    }
}
