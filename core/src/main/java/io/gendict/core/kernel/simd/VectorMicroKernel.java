package io.gendict.core.kernel.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The register tile of {@link VectorGemm}: MR = 6 rows by NR = 4 vectors of the preferred species
 * (4·8 = 32 doubles with AVX-512), its 24 accumulators held in registers.
 */
final class VectorMicroKernel {
    /** The vector species of the tile. */
    static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    /** Doubles per vector. */
    static final int L = S.length();
    /** Rows of the register tile. */
    static final int MR = 6;
    /** Columns of the register tile: four vectors. */
    static final int NR = 4 * L;

    private VectorMicroKernel() {
    }

    /**
     * The 6×4-vector register tile: Ctile = Astrip·Bstrip (+ Ctile when accumulating) over kc steps,
     * where Astrip row r, step p is pa[ao + r·aRow + p], Bstrip step p is pb[bo + p·bStep, +NR) and Ctile
     * row r is c[co + r·ldc, +NR). Each entry is one chain of FMAs from its old value (or 0) in step
     * order. The accumulators live in registers; A indices are the loop counter plus a constant per row,
     * so the JIT hoists their bounds checks.
     */
    static void run(int kc, double[] pa, int ao, int aRow, double[] pb, int bo, int bStep,
                    double[] c, int co, int ldc, boolean accumulate) {
        int a1 = ao + aRow;
        int a2 = a1 + aRow;
        int a3 = a2 + aRow;
        int a4 = a3 + aRow;
        int a5 = a4 + aRow;
        int o1 = co + ldc;
        int o2 = o1 + ldc;
        int o3 = o2 + ldc;
        int o4 = o3 + ldc;
        int o5 = o4 + ldc;
        DoubleVector c00 = DoubleVector.zero(S);
        DoubleVector c01 = c00;
        DoubleVector c02 = c00;
        DoubleVector c03 = c00;
        DoubleVector c10 = c00;
        DoubleVector c11 = c00;
        DoubleVector c12 = c00;
        DoubleVector c13 = c00;
        DoubleVector c20 = c00;
        DoubleVector c21 = c00;
        DoubleVector c22 = c00;
        DoubleVector c23 = c00;
        DoubleVector c30 = c00;
        DoubleVector c31 = c00;
        DoubleVector c32 = c00;
        DoubleVector c33 = c00;
        DoubleVector c40 = c00;
        DoubleVector c41 = c00;
        DoubleVector c42 = c00;
        DoubleVector c43 = c00;
        DoubleVector c50 = c00;
        DoubleVector c51 = c00;
        DoubleVector c52 = c00;
        DoubleVector c53 = c00;
        if (accumulate) {
            c00 = DoubleVector.fromArray(S, c, co);
            c01 = DoubleVector.fromArray(S, c, co + L);
            c02 = DoubleVector.fromArray(S, c, co + 2 * L);
            c03 = DoubleVector.fromArray(S, c, co + 3 * L);
            c10 = DoubleVector.fromArray(S, c, o1);
            c11 = DoubleVector.fromArray(S, c, o1 + L);
            c12 = DoubleVector.fromArray(S, c, o1 + 2 * L);
            c13 = DoubleVector.fromArray(S, c, o1 + 3 * L);
            c20 = DoubleVector.fromArray(S, c, o2);
            c21 = DoubleVector.fromArray(S, c, o2 + L);
            c22 = DoubleVector.fromArray(S, c, o2 + 2 * L);
            c23 = DoubleVector.fromArray(S, c, o2 + 3 * L);
            c30 = DoubleVector.fromArray(S, c, o3);
            c31 = DoubleVector.fromArray(S, c, o3 + L);
            c32 = DoubleVector.fromArray(S, c, o3 + 2 * L);
            c33 = DoubleVector.fromArray(S, c, o3 + 3 * L);
            c40 = DoubleVector.fromArray(S, c, o4);
            c41 = DoubleVector.fromArray(S, c, o4 + L);
            c42 = DoubleVector.fromArray(S, c, o4 + 2 * L);
            c43 = DoubleVector.fromArray(S, c, o4 + 3 * L);
            c50 = DoubleVector.fromArray(S, c, o5);
            c51 = DoubleVector.fromArray(S, c, o5 + L);
            c52 = DoubleVector.fromArray(S, c, o5 + 2 * L);
            c53 = DoubleVector.fromArray(S, c, o5 + 3 * L);
        }
        for (int p = 0; p < kc; p++) {
            int bp = bo + p * bStep;
            DoubleVector b0 = DoubleVector.fromArray(S, pb, bp);
            DoubleVector b1 = DoubleVector.fromArray(S, pb, bp + L);
            DoubleVector b2 = DoubleVector.fromArray(S, pb, bp + 2 * L);
            DoubleVector b3 = DoubleVector.fromArray(S, pb, bp + 3 * L);
            DoubleVector x = DoubleVector.broadcast(S, pa[ao + p]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            c02 = x.fma(b2, c02);
            c03 = x.fma(b3, c03);
            x = DoubleVector.broadcast(S, pa[a1 + p]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            c12 = x.fma(b2, c12);
            c13 = x.fma(b3, c13);
            x = DoubleVector.broadcast(S, pa[a2 + p]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            c22 = x.fma(b2, c22);
            c23 = x.fma(b3, c23);
            x = DoubleVector.broadcast(S, pa[a3 + p]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            c32 = x.fma(b2, c32);
            c33 = x.fma(b3, c33);
            x = DoubleVector.broadcast(S, pa[a4 + p]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            c42 = x.fma(b2, c42);
            c43 = x.fma(b3, c43);
            x = DoubleVector.broadcast(S, pa[a5 + p]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
            c52 = x.fma(b2, c52);
            c53 = x.fma(b3, c53);
        }
        c00.intoArray(c, co);
        c01.intoArray(c, co + L);
        c02.intoArray(c, co + 2 * L);
        c03.intoArray(c, co + 3 * L);
        c10.intoArray(c, o1);
        c11.intoArray(c, o1 + L);
        c12.intoArray(c, o1 + 2 * L);
        c13.intoArray(c, o1 + 3 * L);
        c20.intoArray(c, o2);
        c21.intoArray(c, o2 + L);
        c22.intoArray(c, o2 + 2 * L);
        c23.intoArray(c, o2 + 3 * L);
        c30.intoArray(c, o3);
        c31.intoArray(c, o3 + L);
        c32.intoArray(c, o3 + 2 * L);
        c33.intoArray(c, o3 + 3 * L);
        c40.intoArray(c, o4);
        c41.intoArray(c, o4 + L);
        c42.intoArray(c, o4 + 2 * L);
        c43.intoArray(c, o4 + 3 * L);
        c50.intoArray(c, o5);
        c51.intoArray(c, o5 + L);
        c52.intoArray(c, o5 + 2 * L);
        c53.intoArray(c, o5 + 3 * L);
    }
}
