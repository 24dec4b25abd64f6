package io.gendict.testkit;

/**
 * What every contract suite lets a test tune: the QuickTheories seed and the examples per property.
 *
 * @since 0.1
 */
public interface Contract {
    /** @return the QuickTheories seed; a fixed one, so that a failure repeats */
    default long seed() {
        return 0x9E3779B97F4A7C15L;
    }

    /** @return examples per property */
    default int examples() {
        return 20;
    }
}
