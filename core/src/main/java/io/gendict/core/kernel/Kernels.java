package io.gendict.core.kernel;

/**
 * Picks the {@link MatrixKernels} implementation once per process.
 *
 * @since 0.1
 */
public final class Kernels {
    private Kernels() {
    }

    private static final class Holder {
        static final MatrixKernels INSTANCE = new ScalarKernels();
    }

    /** @return the process-wide kernels */
    public static MatrixKernels get() {
        return Holder.INSTANCE;
    }
}
