package io.gendict.spark;

import org.apache.spark.sql.SparkSession;

/** The local-mode session the tests share: small, quiet, no UI. */
final class LocalSpark {
    private LocalSpark() {
    }

    /**
     * @param master e.g. {@code local[2]}
     * @return a session (the JVM's only one; stop it after the test class)
     */
    static SparkSession start(String master) {
        return SparkSession.builder().master(master).appName("gendict-test")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.default.parallelism", "2")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
    }
}
