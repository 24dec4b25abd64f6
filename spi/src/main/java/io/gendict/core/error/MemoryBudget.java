package io.gendict.core.error;

/**
 * The memory one command may allocate: the JVM's maximum heap ({@link Runtime#maxMemory()}, set with
 * {@code -Xmx}). Readers check what a header claims, and providers what their parameters imply,
 * against it before allocating, so an input or a parameter set that can never fit fails with one
 * line naming it instead of an {@link OutOfMemoryError}.
 *
 * @since 0.1
 */
public final class MemoryBudget {
    private MemoryBudget() {
    }

    /** @return the budget in bytes */
    public static long bytes() {
        return Runtime.getRuntime().maxMemory();
    }

    /**
     * @param factors sizes to multiply, each at least 0
     * @return their product, or {@link Long#MAX_VALUE} when it overflows
     */
    public static long product(long... factors) {
        long p = 1;
        for (long f : factors) {
            if (f != 0 && p > Long.MAX_VALUE / f) {
                return Long.MAX_VALUE;
            }
            p *= f;
        }
        return p;
    }

    /**
     * Checks that an allocation fits the budget.
     *
     * @param kind  the category of the failure: INVALID_INPUT for a file, INVALID_PARAMETER for parameters
     * @param what  what needs the memory, e.g. {@code "train.npy: the data of (60000, 784) float64"}
     * @param bytes the bytes it needs; {@link Long#MAX_VALUE} for an overflowing size
     * @throws GendictException of {@code kind} when {@code bytes} exceeds {@link #bytes()}
     */
    public static void require(ErrorKind kind, String what, long bytes) {
        long budget = bytes();
        if (bytes > budget) {
            throw new GendictException(kind, what + " needs " + megabytes(bytes) + " of memory, more than the "
                    + megabytes(budget) + " this JVM may use (raise it with -Xmx, e.g. GENDICT_JAVA_OPTS=-Xmx8g)");
        }
    }

    private static String megabytes(long bytes) {
        return bytes == Long.MAX_VALUE ? "more than 8 EB" : ((bytes + (1 << 20) - 1) >> 20) + " MB";
    }
}
