package io.gendict.spark;

import scala.Tuple2;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * The rows of one partition of an {@link EpochLayout}, sorted by their position in the epoch's
 * visiting order, so the rows of any batch are one contiguous range found by binary search.
 *
 * @param partition the partition's index
 * @param positions sorted epoch positions
 * @param values    the rows in that order, row-major (positions.length × m)
 * @param m         the dimension
 */
record Block(int partition, int[] positions, double[] values, int m) implements Serializable {
    /**
     * @param partition the partition's index
     * @param rows      (position, values) pairs in any order
     * @param m         the dimension
     * @return them as one sorted block
     */
    static Block of(int partition, Iterator<Tuple2<Integer, double[]>> rows, int m) {
        List<Tuple2<Integer, double[]>> list = new ArrayList<>();
        rows.forEachRemaining(list::add);
        list.sort((x, y) -> Integer.compare(x._1(), y._1()));
        int[] positions = new int[list.size()];
        double[] values = new double[list.size() * m];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = list.get(i)._1();
            System.arraycopy(list.get(i)._2(), 0, values, i * m, m);
        }
        return new Block(partition, positions, values, m);
    }

    /**
     * @param position an epoch position
     * @return the index of the first row at or after it
     */
    int lowerBound(int position) {
        int i = Arrays.binarySearch(positions, position);
        return i >= 0 ? i : -i - 1;
    }
}
