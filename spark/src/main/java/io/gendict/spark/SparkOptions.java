package io.gendict.spark;

import io.gendict.core.error.Checks;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Option;

/**
 * The options every Spark command shares ({@code --master}, {@code --partitions}, {@code --column})
 * and the session they run in: the active session when there is one (tests, notebooks), else a new
 * one with the master from {@code --master}, from {@code spark-submit}, or {@code local[*]}.
 */
final class SparkOptions {
    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master when not set by spark-submit, e.g. local[2] (default: local[*]).")
    String master;

    @Option(names = "--partitions", paramLabel = "P",
            description = "Partitions each batch (or the data) is spread over (default: Spark's default parallelism).")
    Integer partitions;

    @Option(names = "--column", paramLabel = "NAME", defaultValue = "y",
            description = "The array column holding the samples in Parquet data (default: ${DEFAULT-VALUE}).")
    String column;

    private boolean created;
    private SparkSession session;

    /** @return the session, created on first use */
    SparkSession session() {
        if (session == null) {
            SparkSession active = SparkSession.getActiveSession().getOrElse(() -> null);
            if (active != null) {
                session = active;
            } else {
                SparkSession.Builder b = SparkSession.builder().appName("gendict");
                String fromConf = new SparkConf().get("spark.master", null);
                b.master(master != null ? master : fromConf != null ? fromConf : "local[*]");
                session = b.getOrCreate();
                created = true;
            }
        }
        return session;
    }

    /** @return the session's Java context */
    JavaSparkContext context() {
        return JavaSparkContext.fromSparkContext(session().sparkContext());
    }

    /** @return the partition count to use, ≥ 1 */
    int partitions() {
        int p = partitions != null ? partitions : context().defaultParallelism();
        Checks.parameter(p >= 1, "--partitions is " + p + ", expected >= 1");
        return p;
    }

    /** Stops the session if this command created it. */
    void close() {
        if (created) {
            session.stop();
        }
    }
}
