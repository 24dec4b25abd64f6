package io.gendict.spark;

import scala.Tuple2;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * The rows of one partition of an {@link EpochLayout}, sorted by their position in the epoch's
 * visiting order, so the rows of any batch are one contiguous range found by binary search. The
 * values are held as float32 when every one of them is exactly a float (data read from float32
 * files), else as float64: half the memory where that loses nothing, the exact values always.
 *
 * @param partition the partition's index
 * @param positions sorted epoch positions
 * @param floats    the rows in that order, row-major (positions.length × m), or {@code null}
 * @param doubles   the same when they are not all floats, else {@code null}
 * @param m         the dimension
 */
record Block(int partition, int[] positions, float[] floats, double[] doubles, int m) implements Serializable {
    /**
     * @param values a row. Not modified.
     * @return the row as a float[] when that is exact, else {@code values} itself
     */
    static Object compact(double[] values) {
        float[] f = new float[values.length];
        for (int j = 0; j < values.length; j++) {
            f[j] = (float) values[j];
            if (f[j] != values[j]) {
                return values;
            }
        }
        return f;
    }

    /**
     * @param partition the partition's index
     * @param rows      (position, row) pairs in any order, each row a {@link #compact} array of m values
     * @param m         the dimension
     * @return them as one sorted block
     */
    static Block of(int partition, Iterator<Tuple2<Integer, Object>> rows, int m) {
        List<Tuple2<Integer, Object>> list = new ArrayList<>();
        boolean allFloats = true;
        while (rows.hasNext()) {
            Tuple2<Integer, Object> row = rows.next();
            allFloats &= row._2() instanceof float[];
            list.add(row);
        }
        list.sort((x, y) -> Integer.compare(x._1(), y._1()));
        int[] positions = new int[list.size()];
        float[] floats = allFloats ? new float[list.size() * m] : null;
        double[] doubles = allFloats ? null : new double[list.size() * m];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = list.get(i)._1();
            Object row = list.get(i)._2();
            if (allFloats) {
                System.arraycopy(row, 0, floats, i * m, m);
            } else if (row instanceof float[] f) {
                for (int j = 0; j < m; j++) {
                    doubles[i * m + j] = f[j];
                }
            } else {
                System.arraycopy(row, 0, doubles, i * m, m);
            }
        }
        return new Block(partition, positions, floats, doubles, m);
    }

    /**
     * @param position an epoch position
     * @return the index of the first row at or after it
     */
    int lowerBound(int position) {
        int i = Arrays.binarySearch(positions, position);
        return i >= 0 ? i : -i - 1;
    }

    /**
     * Copies rows [lo, hi) into a row-major array.
     *
     * @param lo   first row
     * @param hi   one past the last
     * @param into at least (hi − lo)·m values. Modified.
     */
    void copyRows(int lo, int hi, double[] into) {
        if (doubles != null) {
            System.arraycopy(doubles, lo * m, into, 0, (hi - lo) * m);
        } else {
            for (int i = 0, size = (hi - lo) * m; i < size; i++) {
                into[i] = floats[lo * m + i];
            }
        }
    }
}
