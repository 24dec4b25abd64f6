package io.gendict.priors;

import org.ejml.data.DMatrixRMaj;

/**
 * Per-thread scratch matrices of one prior, so that shared immutable priors allocate nothing per
 * call once the buffers have grown to the batch size in use.
 */
final class Scratch {
    private final ThreadLocal<DMatrixRMaj[]> buffers;

    /** @param slots number of independent buffers */
    Scratch(int slots) {
        buffers = ThreadLocal.withInitial(() -> {
            DMatrixRMaj[] b = new DMatrixRMaj[slots];
            for (int i = 0; i < slots; i++) {
                b[i] = new DMatrixRMaj(1, 1);
            }
            return b;
        });
    }

    /**
     * @param slot buffer index
     * @param rows rows wanted
     * @param cols columns wanted
     * @return this thread's buffer {@code slot}, reshaped to rows×cols; contents undefined
     */
    DMatrixRMaj get(int slot, int rows, int cols) {
        DMatrixRMaj m = buffers.get()[slot];
        m.reshape(rows, cols, false);
        return m;
    }
}
