package io.gendict.spark;

import io.gendict.core.io.DataFiles;
import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import io.gendict.core.io.MappedNpy;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.ejml.data.DMatrixRMaj;
import scala.Tuple2;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A data set on the cluster: every row checked (m values, all finite) and indexed, with its row count
 * and dimension. Sources: a DataFrame with an array column (any numeric element type), Parquet files
 * (rows numbered by file path, then by their order inside each file), or .npy shards (N_i×m
 * float32/float64 files, read on the executors, numbered in file-name order). A bad row fails the load
 * (or, for samples loaded without reading them, the first job that reads them) with a one-line
 * {@link GendictException} naming the source, the row and the expectation. The rows are not cached:
 * each job reads them from the source again, and {@link EpochLayout} keeps the one cached copy that
 * learning needs.
 *
 * @param rows  the checked rows, read from the source on demand
 * @param count N
 * @param m     the dimension
 * @since 0.1
 */
public record Samples(JavaRDD<Sample> rows, long count, int m) {
    /** Rows read from .npy shards at a time. */
    private static final int READ_BLOCK = 1024;
    /** Parquet's hidden column of the file a row comes from. */
    private static final String FILE_PATH = "_metadata.file_path";
    /** Parquet's hidden column of a row's position in its file. */
    private static final String ROW_INDEX = "_metadata.row_index";

    /**
     * Loads {@code --data}: a .npy file, a folder of .npy shards, or Parquet (a file or a folder, or
     * any URI Spark reads, e.g. {@code hdfs://…} or {@code s3a://…}).
     *
     * @param spark  the session
     * @param data   the path or URI
     * @param option the option that named it, for messages
     * @param column the array column of Parquet data
     * @param m      the expected dimension, or -1 to take it from the data
     * @return the samples, every row read and checked
     */
    public static Samples load(SparkSession spark, String data, String option, String column, int m) {
        return load(spark, data, option, column, m, true);
    }

    /**
     * Loads {@code --data} as {@link #load(SparkSession, String, String, String, int)}, or, with
     * {@code readNow} false, counts the rows from the files' metadata alone (.npy headers, Parquet
     * row counts): the rows are then checked by the first job that reads them, which fails with the
     * same one-line error. That saves a full pass over the data where the first job reads it all
     * anyway before it writes anything (spark-learn's first epoch layout).
     *
     * @param spark   the session
     * @param data    the path or URI
     * @param option  the option that named it, for messages
     * @param column  the array column of Parquet data
     * @param m       the expected dimension, or -1 to take it from the data
     * @param readNow whether to read and check every row now
     * @return the samples
     */
    public static Samples load(SparkSession spark, String data, String option, String column, int m, boolean readNow) {
        String source = option + " " + data;
        if (data.contains("://")) {
            return fromParquet(spark, data, column, m, source, readNow);
        }
        Path path = Path.of(data);
        if (!Files.exists(path)) {
            throw new GendictException(ErrorKind.IO, source + ": does not exist");
        }
        List<Path> shards = npyShards(path);
        if (!shards.isEmpty()) {
            return fromNpy(JavaSparkContext.fromSparkContext(spark.sparkContext()), shards, m, option, readNow);
        }
        return fromParquet(spark, data, column, m, source, readNow);
    }

    /**
     * Reads Parquet files and numbers their rows in the order of the files' paths (their names, within
     * one folder), then in each file's own row order, whatever the sizes of the files or how Spark
     * splits them into partitions.
     *
     * @param spark  the session
     * @param data   a Parquet file or folder, or a URI
     * @param column its array column holding the samples
     * @param m      the expected dimension, or -1 to take it from the first row
     * @param source  names the data in messages
     * @param readNow whether to read and check every row now, else when first read
     * @return the samples
     */
    private static Samples fromParquet(SparkSession spark, String data, String column, int m, String source, boolean readNow) {
        Dataset<Row> df = SparkJobs.run("reading " + source, () -> spark.read().parquet(data));
        Column values = arrayColumn(df, column, source);
        List<Row> files = SparkJobs.run("reading " + source, () -> df.groupBy(functions.col(FILE_PATH)).count()
                .collectAsList());
        TreeMap<String, Long> offsets = new TreeMap<>();
        files.forEach(r -> offsets.put(r.getString(0), r.getLong(1)));
        long total = 0;
        for (Map.Entry<String, Long> file : offsets.entrySet()) {
            long rows = file.getValue();
            file.setValue(total);
            total += rows;
        }
        int dim = m >= 0 ? m : firstLength(df.select(values), source, column);
        JavaRDD<Sample> rows = df.select(values, functions.col(FILE_PATH), functions.col(ROW_INDEX))
                .javaRDD().map(r -> sample(r, offsets.get(r.getString(1)) + r.getLong(2), dim, source));
        return counted(rows, dim, source, readNow ? -1 : total);
    }

    /**
     * @param df     any DataFrame
     * @param column its array column holding the samples
     * @param m      the expected dimension, or -1 to take it from the first row
     * @param source names the data in messages
     * @return the checked samples, indexed in the DataFrame's row order
     */
    public static Samples fromDataset(Dataset<Row> df, String column, int m, String source) {
        Dataset<Row> values = df.select(arrayColumn(df, column, source));
        int dim = m >= 0 ? m : firstLength(values, source, column);
        JavaRDD<Sample> rows = values.javaRDD().zipWithIndex().map(t -> sample(t._1(), t._2(), dim, source));
        return counted(rows, dim, source, -1);
    }

    /** @return column {@code column} of {@code df} as arrays of doubles, after checking that it is an array of numbers */
    private static Column arrayColumn(Dataset<Row> df, String column, String source) {
        if (!Arrays.asList(df.columns()).contains(column)) {
            throw new GendictException(ErrorKind.INVALID_INPUT, source + ": no column '" + column + "'; columns are "
                    + Arrays.toString(df.columns()));
        }
        DataType type = df.schema().apply(column).dataType();
        if (!(type instanceof ArrayType array) || !(array.elementType() instanceof NumericType)) {
            throw new GendictException(ErrorKind.INVALID_INPUT, source + ": column '" + column + "' is "
                    + type.simpleString() + ", expected an array of numbers (one sample per row)");
        }
        return functions.col(column).cast(DataTypes.createArrayType(DataTypes.DoubleType));
    }

    private static int firstLength(Dataset<Row> values, String source, String column) {
        List<Row> first = SparkJobs.run("reading " + source, () -> values.takeAsList(1));
        if (first.isEmpty()) {
            throw new GendictException(ErrorKind.INVALID_INPUT, source + ": empty data, expected at least one sample");
        }
        if (first.get(0).isNullAt(0) || first.get(0).getList(0).isEmpty()) {
            throw new GendictException(ErrorKind.INVALID_INPUT, source + ": row 0 of column '" + column
                    + "' is empty, expected the sample's values");
        }
        return first.get(0).getList(0).size();
    }

    private static Sample sample(Row row, long index, int m, String source) {
        List<Double> list = row.isNullAt(0) ? List.of() : row.getList(0);
        if (list.size() != m) {
            throw new GendictException(ErrorKind.INVALID_INPUT, source + ": row " + index + " has " + list.size()
                    + " values, expected m = " + m);
        }
        double[] v = new double[m];
        for (int j = 0; j < m; j++) {
            Double d = list.get(j);
            v[j] = d == null ? Double.NaN : d;
        }
        checkFinite(v, index, source);
        return new Sample(index, v);
    }

    private static void checkFinite(double[] v, long row, String source) {
        for (int j = 0; j < v.length; j++) {
            if (!Double.isFinite(v[j])) {
                throw new GendictException(ErrorKind.INVALID_INPUT, source + ": " + v[j] + " at row " + row
                        + ", column " + j + "; expected finite values");
            }
        }
    }

    /**
     * @param sc     the context
     * @param shards N_i×m .npy files, in data-set order; every executor must be able to read them
     * @param m      the expected dimension, or -1 to take it from the files
     * @param option the option that named them, for messages
     * @return the samples, every row read and checked, one partition per shard
     */
    public static Samples fromNpy(JavaSparkContext sc, List<Path> shards, int m, String option) {
        return fromNpy(sc, shards, m, option, true);
    }

    private static Samples fromNpy(JavaSparkContext sc, List<Path> shards, int m, String option, boolean readNow) {
        List<Tuple2<String, Long>> offsets = new ArrayList<>();
        long total = 0;
        int dim = m;
        for (Path shard : shards) {
            MappedNpy npy = DataFiles.open(shard, option);
            if (dim >= 0 && npy.cols() != dim) {
                throw new GendictException(ErrorKind.INVALID_INPUT, option + " " + shard + ": " + npy.cols()
                        + " columns, expected m = " + dim + (m >= 0 ? "" : " (as in " + shards.get(0) + ")"));
            }
            dim = npy.cols();
            offsets.add(new Tuple2<>(shard.toAbsolutePath().toString(), total));
            total += npy.rows();
        }
        JavaRDD<Sample> rows = sc.parallelize(offsets, offsets.size()).flatMap(t -> readShard(t, option));
        return counted(rows, dim, option + " " + shards.get(0).getParent(), readNow ? -1 : total);
    }

    private static Iterator<Sample> readShard(Tuple2<String, Long> shard, String option) {
        Path file = Path.of(shard._1());
        MappedNpy npy = MappedNpy.open(file);
        String source = option + " " + file;
        return new Iterator<>() {
            private final DMatrixRMaj block = new DMatrixRMaj(1, 1);
            private int next;
            private int read;

            @Override
            public boolean hasNext() {
                return next < npy.rows();
            }

            @Override
            public Sample next() {
                if (next == read) {
                    npy.readRange(read, Math.min(READ_BLOCK, npy.rows() - read), block);
                    read += block.numRows;
                }
                int m = npy.cols();
                int local = next - (read - block.numRows);
                double[] v = Arrays.copyOfRange(block.data, local * m, (local + 1) * m);
                checkFinite(v, next, source);
                return new Sample(shard._2() + next++, v);
            }
        };
    }

    /**
     * Refuses empty data; with {@code known} &lt; 0 first reads and checks every row (the count reads them all).
     *
     * @param known the row count from the files' metadata, or -1 to count by reading
     */
    private static Samples counted(JavaRDD<Sample> rows, int m, String source, long known) {
        long count = known >= 0 ? known : SparkJobs.run("reading " + source, rows::count);
        if (count == 0) {
            throw new GendictException(ErrorKind.INVALID_INPUT, source + ": empty data, expected at least one sample");
        }
        return new Samples(rows, count, m);
    }

    private static List<Path> npyShards(Path data) {
        if (Files.isRegularFile(data)) {
            return data.toString().endsWith(".npy") ? List.of(data) : List.of();
        }
        try (Stream<Path> s = Files.list(data)) {
            return s.filter(p -> p.toString().endsWith(".npy") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new GendictException(ErrorKind.IO, "--data " + data + ": cannot list: " + e.getMessage());
        }
    }

}
