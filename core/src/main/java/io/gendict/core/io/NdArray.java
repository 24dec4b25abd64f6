package io.gendict.core.io;

import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import org.ejml.data.DMatrixRMaj;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * An n-dimensional array held in memory as raw bytes, as stored in a .npy file or an IDX file:
 * element type, byte order, shape and memory order (C = row-major, Fortran = column-major).
 * Conversions return values in C order whatever the storage order. Immutable.
 *
 * @since 0.1
 */
public final class NdArray {
    private final ElementType type;
    private final ByteOrder order;
    private final int[] shape;
    private final boolean fortranOrder;
    private final byte[] data;

    NdArray(ElementType type, ByteOrder order, int[] shape, boolean fortranOrder, byte[] data) {
        this.type = type;
        this.order = order;
        this.shape = shape;
        this.fortranOrder = fortranOrder;
        this.data = data;
    }

    /**
     * Encodes values into an array of the given layout.
     *
     * @param type         element type
     * @param order        byte order of multi-byte elements
     * @param shape        positive dimensions. Not modified.
     * @param fortranOrder whether to store column-major
     * @param values       the elements in C (row-major) order. Not modified.
     * @return the array
     * @throws GendictException INVALID_INPUT when a dimension is not positive, the number of values
     *                          differs from the shape's, or a value does not fit an integer type
     */
    public static NdArray of(ElementType type, ByteOrder order, int[] shape, boolean fortranOrder, double[] values) {
        long count = 1;
        for (int d : shape) {
            if (d <= 0) {
                throw new GendictException(ErrorKind.INVALID_INPUT, "array shape: dimensions must be positive, got "
                        + NpyHeader.shapeText(toLong(shape)));
            }
            count = count * d > StreamBytes.MAX_ARRAY ? StreamBytes.MAX_ARRAY + 1 : count * d;
        }
        if (count != values.length) {
            throw new GendictException(ErrorKind.INVALID_INPUT, "array values: expected " + count + " for shape "
                    + NpyHeader.shapeText(toLong(shape)) + ", got " + values.length);
        }
        StreamBytes.requireLoadable(count * type.size(), "array", "shape " + NpyHeader.shapeText(toLong(shape)));
        ByteBuffer b = ByteBuffer.allocate((int) count * type.size()).order(order);
        if (type == ElementType.FLOAT64 && !fortranOrder) {
            b.asDoubleBuffer().put(values);
            return new NdArray(type, order, shape.clone(), false, b.array());
        }
        int[] storage = fortranOrder ? cIndexOfStorage(shape, (int) count) : null;
        for (int s = 0; s < count; s++) {
            double v = values[storage == null ? s : storage[s]];
            if (!type.put(b, s * type.size(), v)) {
                throw new GendictException(ErrorKind.INVALID_INPUT, "array value " + v + " does not fit type "
                        + type.npyCode());
            }
        }
        return new NdArray(type, order, shape.clone(), fortranOrder, b.array());
    }

    /**
     * A 2-D, C-order, little-endian array of a matrix's values.
     *
     * @param m    the matrix. Not modified.
     * @param type element type (FLOAT64 is exact; narrower types must hold every value)
     * @return the array
     * @throws GendictException INVALID_INPUT when the matrix is empty or a value does not fit
     */
    public static NdArray ofMatrix(DMatrixRMaj m, ElementType type) {
        double[] values = m.data.length == m.getNumElements() ? m.data
                : Arrays.copyOf(m.data, m.getNumElements());
        return of(type, ByteOrder.LITTLE_ENDIAN, new int[]{m.numRows, m.numCols}, false, values);
    }

    /** @return the element type */
    public ElementType type() {
        return type;
    }

    /** @return the byte order of multi-byte elements */
    public ByteOrder order() {
        return order;
    }

    /** @return the shape (a copy); every dimension is positive, empty for a 0-d array */
    public int[] shape() {
        return shape.clone();
    }

    /** @return the number of dimensions */
    public int ndim() {
        return shape.length;
    }

    /** @return whether the data is stored column-major */
    public boolean fortranOrder() {
        return fortranOrder;
    }

    /** @return the number of elements */
    public int size() {
        return data.length / type.size();
    }

    /** @return a read-only view of the raw data in storage order, in {@link #order()} */
    public ByteBuffer data() {
        return ByteBuffer.wrap(data).asReadOnlyBuffer().order(order);
    }

    /** @return every element as a double, in C (row-major) order; a new array */
    public double[] toDoubles() {
        int n = size();
        double[] out = new double[n];
        ByteBuffer b = ByteBuffer.wrap(data).order(order);
        if (type == ElementType.FLOAT64 && !fortranOrder) {
            b.asDoubleBuffer().get(out);
            return out;
        }
        int itemSize = type.size();
        int[] storage = fortranOrder ? cIndexOfStorage(shape, n) : null;
        for (int s = 0; s < n; s++) {
            out[storage == null ? s : storage[s]] = type.get(b, s * itemSize);
        }
        return out;
    }

    /**
     * @param source the file, for messages
     * @return every element as an int, in C order; a new array
     * @throws FormatException when the type is not an integer type or a value exceeds the int range
     */
    public int[] toInts(String source) {
        if (!type.isInteger()) {
            throw new FormatException(source, "expected integer values, got type " + type.npyCode());
        }
        double[] values = toDoubles();
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            if (values[i] != (int) values[i]) {
                throw new FormatException(source, "value " + (long) values[i] + " at index " + i
                        + " exceeds the int range");
            }
            out[i] = (int) values[i];
        }
        return out;
    }

    /**
     * The array as a matrix: a 2-D array r×c gives an r×c matrix; a 1-D array of length N gives
     * an N×1 matrix (one element per row, gendict's one-sample-per-row convention); a 0-d array 1×1.
     *
     * @param source the file, for messages
     * @return a new matrix
     * @throws FormatException when the array has more than two dimensions
     */
    public DMatrixRMaj toMatrix(String source) {
        if (shape.length > 2) {
            throw new FormatException(source, "expected a 1-D or 2-D array, got " + shape.length
                    + "-D shape " + NpyHeader.shapeText(toLong(shape)));
        }
        int rows = shape.length == 0 ? 1 : shape[0];
        int cols = shape.length == 2 ? shape[1] : 1;
        return DMatrixRMaj.wrap(rows, cols, toDoubles());
    }

    @Override
    public String toString() {
        return "shape " + NpyHeader.shapeText(toLong(shape)) + " " + type + " "
                + (fortranOrder ? "Fortran" : "C") + " order";
    }

    /** @return for each storage position s of a Fortran-order array, the C-order index of its element */
    private static int[] cIndexOfStorage(int[] shape, int count) {
        int n = shape.length;
        int[] cStride = new int[n];
        for (int d = n - 1, stride = 1; d >= 0; d--) {
            cStride[d] = stride;
            stride *= shape[d];
        }
        int[] index = new int[n];
        int[] result = new int[count];
        int c = 0;
        for (int s = 0; s < count; s++) {
            result[s] = c;
            for (int d = 0; d < n; d++) {
                index[d]++;
                c += cStride[d];
                if (index[d] < shape[d]) {
                    break;
                }
                c -= cStride[d] * shape[d];
                index[d] = 0;
            }
        }
        return result;
    }

    static long[] toLong(int[] shape) {
        long[] s = new long[shape.length];
        for (int i = 0; i < shape.length; i++) {
            s[i] = shape[i];
        }
        return s;
    }
}
