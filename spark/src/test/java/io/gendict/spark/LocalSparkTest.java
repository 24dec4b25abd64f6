package io.gendict.spark;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Base of the tests that need Spark: one small, quiet local-mode session ({@code local[2]}, no UI)
 * per test class, stopped after it.
 */
abstract class LocalSparkTest {
    static SparkSession spark;
    static JavaSparkContext sc;

    @BeforeAll
    static void startSpark() {
        spark = SparkSession.builder().master("local[2]").appName("gendict-test")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.default.parallelism", "2")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
        sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }
}
