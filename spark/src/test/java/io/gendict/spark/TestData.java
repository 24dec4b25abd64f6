package io.gendict.spark;

import io.gendict.core.io.Npy;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Test data: .npy shards, DataFrames with an array column, and a distance between dictionaries. */
final class TestData {
    private TestData() {
    }

    /**
     * Writes the rows of {@code y} as shards {@code a.npy, b.npy, …} of at most {@code rowsPerShard} rows.
     *
     * @return the shard files in order
     */
    static List<Path> writeShards(DMatrixRMaj y, Path folder, int rowsPerShard) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Path> shards = new ArrayList<>();
        char name = 'a';
        for (int from = 0; from < y.numRows; from += rowsPerShard) {
            Path shard = folder.resolve(name++ + ".npy");
            Npy.write(shard, CommonOps_DDRM.extract(y, from, Math.min(y.numRows, from + rowsPerShard), 0, y.numCols));
            shards.add(shard);
        }
        return shards;
    }

    /** @return a one-partition DataFrame with column {@code y} holding the rows of {@code y}, in order */
    static Dataset<Row> frame(SparkSession spark, DMatrixRMaj y) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < y.numRows; i++) {
            rows.add(RowFactory.create((Object) Arrays.copyOfRange(y.data, i * y.numCols, (i + 1) * y.numCols)));
        }
        StructType schema = new StructType().add("y", DataTypes.createArrayType(DataTypes.DoubleType));
        return spark.createDataFrame(rows, schema).coalesce(1);
    }

    /** @return ‖a − b‖_F / ‖b‖_F */
    static double relativeDistance(DMatrixRMaj a, DMatrixRMaj b) {
        return Agreement.of(a, b, "test").relativeDistance();
    }
}
