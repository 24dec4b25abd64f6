package io.gendict.core.kernel.simd;

import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Register-blocked general matrix product on {@link DoubleVector}s, in the Goto/BLIS layout: op(B)
 * is packed into strips NR = 4 vectors wide, op(A)·α into strips MR = 6 rows tall, and a 6×4-vector
 * micro-kernel keeps its 24 accumulators in registers. The loops block over N (NC), K (KC) and M
 * (MC) for the caches.
 *
 * <p>Each C entry is the same chain of FMAs whatever sub-block of C is computed, so splitting C
 * between threads gives bit-identical results. Packing buffers are per thread and grow on demand.
 */
final class VectorGemm {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Rows of the register tile. */
    private static final int MR = 6;
    /** Columns of the register tile: four vectors. */
    private static final int NR = 4 * L;
    /**
     * Largest depth of a K block; K is cut into equal blocks no deeper than this. Deep blocks amortize
     * reading and writing C, which dominates for wide C; a B strip (≤ KC·NR doubles) stays in L2.
     */
    private static final int KC = 384;
    /** Rows of an M block: the packed A block (≤ MC·KC doubles, 288 KB) stays in L2. */
    private static final int MC = 16 * MR;
    /** Columns of an N block, a multiple of NR. */
    private static final int NC = Math.max(NR, 1024 / NR * NR);

    private static final ThreadLocal<Workspace> WORKSPACE = ThreadLocal.withInitial(Workspace::new);

    private VectorGemm() {
    }

    /**
     * C[0:m, 0:n] = α·op(A)·op(B) + β·C on raw row-major storage; op(A) is m×k, op(B) is k×n.
     *
     * @param a    storage of A, op(A)[i][p] = a[aOff + i·lda + p], or a[aOff + p·lda + i] when transA. Not modified.
     * @param b    storage of B, op(B)[p][j] = b[bOff + p·ldb + j], or b[bOff + j·ldb + p] when transB. Not modified.
     * @param c    storage of C, C[i][j] = c[cOff + i·ldc + j]. Modified; not read when β = 0.
     */
    static void gemm(boolean transA, boolean transB, int m, int n, int k, double alpha,
                     double[] a, int aOff, int lda, double[] b, int bOff, int ldb,
                     double beta, double[] c, int cOff, int ldc) {
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0 || alpha == 0) {
            scale(m, n, beta, c, cOff, ldc);
            return;
        }
        Workspace w = WORKSPACE.get();
        int kBlocks = (k + KC - 1) / KC;
        int kcMax = (k + kBlocks - 1) / kBlocks;
        double[] pa = w.packA(roundUp(Math.min(MC, m), MR) * kcMax);
        double[] pb = w.packB(roundUp(Math.min(NC, n), NR) * kcMax);
        double[] tile = w.tile;
        // When few rows of A (columns of B) share a B strip (an A strip), packing it costs about what
        // it saves, so full strips are read in place. The values and their order are the same either
        // way (α is folded into A only when packing, hence α = 1 for raw A), so results do not change.
        Raw rawA = !transA && alpha == 1 && n <= NR ? w.rawA : null;
        Raw rawB = !transB && m <= MC ? w.rawB : null;
        for (int jc = 0; jc < n; jc += NC) {
            int nc = Math.min(NC, n - jc);
            for (int pc = 0; pc < k; pc += kcMax) {
                int kc = Math.min(kcMax, k - pc);
                double kBeta = pc == 0 ? beta : 1.0;
                int rawCols = rawB != null ? nc / NR * NR : 0;
                if (rawB != null) {
                    rawB.set(b, bOff + pc * ldb + jc, ldb);
                }
                packB(transB, b, bOff, ldb, pc, kc, jc + rawCols, nc - rawCols, pb, rawCols);
                for (int ic = 0; ic < m; ic += MC) {
                    int mc = Math.min(MC, m - ic);
                    int rawRows = rawA != null ? mc / MR * MR : 0;
                    if (rawA != null) {
                        rawA.set(a, aOff + ic * lda + pc, lda);
                    }
                    packA(transA, alpha, a, aOff, lda, ic, mc, pc, kc, pa, rawRows);
                    macroKernel(mc, nc, kc, pa, rawA, pb, rawB, c, cOff + ic * ldc + jc, ldc, kBeta, tile);
                }
            }
        }
    }

    /**
     * The tiles of one M×N block. Full A (B) strips are read in place from {@code rawA} ({@code rawB})
     * when it is not null, the others from the packed {@code pa} ({@code pb}).
     */
    private static void macroKernel(int mc, int nc, int kc, double[] pa, Raw rawA, double[] pb, Raw rawB,
                                    double[] c, int cBase, int ldc, double beta, double[] tile) {
        for (int jr = 0; jr < nc; jr += NR) {
            int nr = Math.min(NR, nc - jr);
            boolean inB = rawB != null && nr == NR;
            double[] bs = inB ? rawB.data : pb;
            int bo = inB ? rawB.offset + jr : jr * kc;
            int bStep = inB ? rawB.ld : NR;
            for (int ir = 0; ir < mc; ir += MR) {
                boolean inA = rawA != null && ir + MR <= mc;
                double[] as = inA ? rawA.data : pa;
                int ao = inA ? rawA.offset + ir * rawA.ld : ir * kc;
                microKernel(kc, as, ao, inA ? 1 : MR, inA ? rawA.ld : 1, bs, bo, bStep, tile);
                merge(tile, c, cBase + ir * ldc + jr, ldc, Math.min(MR, mc - ir), nr, beta);
            }
        }
    }

    /**
     * The 6×4-vector register tile: tile = Apanel·Bpanel over kc steps, row-major MR×NR. The
     * accumulators live in registers; keeping C out of this method keeps it small enough for C2 to
     * intrinsify every vector operation.
     */
    private static void microKernel(int kc, double[] pa, int ao, int aStep, int aRow, double[] pb, int bo, int bStep,
                                    double[] tile) {
        int a2 = 2 * aRow;
        int a3 = 3 * aRow;
        int a4 = 4 * aRow;
        int a5 = 5 * aRow;
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
        for (int p = 0; p < kc; p++) {
            int bp = bo + p * bStep;
            int ap = ao + p * aStep;
            DoubleVector b0 = DoubleVector.fromArray(S, pb, bp);
            DoubleVector b1 = DoubleVector.fromArray(S, pb, bp + L);
            DoubleVector b2 = DoubleVector.fromArray(S, pb, bp + 2 * L);
            DoubleVector b3 = DoubleVector.fromArray(S, pb, bp + 3 * L);
            DoubleVector x = DoubleVector.broadcast(S, pa[ap]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            c02 = x.fma(b2, c02);
            c03 = x.fma(b3, c03);
            x = DoubleVector.broadcast(S, pa[ap + aRow]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            c12 = x.fma(b2, c12);
            c13 = x.fma(b3, c13);
            x = DoubleVector.broadcast(S, pa[ap + a2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            c22 = x.fma(b2, c22);
            c23 = x.fma(b3, c23);
            x = DoubleVector.broadcast(S, pa[ap + a3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            c32 = x.fma(b2, c32);
            c33 = x.fma(b3, c33);
            x = DoubleVector.broadcast(S, pa[ap + a4]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            c42 = x.fma(b2, c42);
            c43 = x.fma(b3, c43);
            x = DoubleVector.broadcast(S, pa[ap + a5]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
            c52 = x.fma(b2, c52);
            c53 = x.fma(b3, c53);
        }
        c00.intoArray(tile, 0);
        c01.intoArray(tile, L);
        c02.intoArray(tile, 2 * L);
        c03.intoArray(tile, 3 * L);
        c10.intoArray(tile, 4 * L);
        c11.intoArray(tile, 5 * L);
        c12.intoArray(tile, 6 * L);
        c13.intoArray(tile, 7 * L);
        c20.intoArray(tile, 8 * L);
        c21.intoArray(tile, 9 * L);
        c22.intoArray(tile, 10 * L);
        c23.intoArray(tile, 11 * L);
        c30.intoArray(tile, 12 * L);
        c31.intoArray(tile, 13 * L);
        c32.intoArray(tile, 14 * L);
        c33.intoArray(tile, 15 * L);
        c40.intoArray(tile, 16 * L);
        c41.intoArray(tile, 17 * L);
        c42.intoArray(tile, 18 * L);
        c43.intoArray(tile, 19 * L);
        c50.intoArray(tile, 20 * L);
        c51.intoArray(tile, 21 * L);
        c52.intoArray(tile, 22 * L);
        c53.intoArray(tile, 23 * L);
    }

    /**
     * C[0:mr, 0:nr] = tile + β·C, without reading C when β = 0. Full vectors and the scalar tail use
     * the same rounding (one FMA, or one addition when β = 1), so an entry's value does not depend on
     * where it falls in a tile.
     */
    private static void merge(double[] tile, double[] c, int co, int ldc, int mr, int nr, double beta) {
        int full = S.loopBound(nr);
        for (int i = 0; i < mr; i++) {
            int t = i * NR;
            int o = co + i * ldc;
            int j = 0;
            if (beta == 0) {
                System.arraycopy(tile, t, c, o, nr);
            } else if (beta == 1) {
                for (; j < full; j += L) {
                    DoubleVector.fromArray(S, tile, t + j).add(DoubleVector.fromArray(S, c, o + j)).intoArray(c, o + j);
                }
                for (; j < nr; j++) {
                    c[o + j] += tile[t + j];
                }
            } else {
                DoubleVector bv = DoubleVector.broadcast(S, beta);
                for (; j < full; j += L) {
                    DoubleVector.fromArray(S, c, o + j).fma(bv, DoubleVector.fromArray(S, tile, t + j))
                            .intoArray(c, o + j);
                }
                for (; j < nr; j++) {
                    c[o + j] = Math.fma(c[o + j], beta, tile[t + j]);
                }
            }
        }
    }

    /**
     * Packs op(B)[pc:pc+kc, jc:jc+nc] into NR-wide strips, zero-padded: row p of the strip starting at
     * column jr lands at ((dstCol + jr)·kc + p·NR).
     */
    private static void packB(boolean transB, double[] b, int bOff, int ldb, int pc, int kc, int jc, int nc,
                              double[] pb, int dstCol) {
        for (int jr = 0; jr < nc; jr += NR) {
            int nr = Math.min(NR, nc - jr);
            int dst = (dstCol + jr) * kc;
            if (transB) {
                for (int jj = 0; jj < nr; jj++) {
                    int src = bOff + (jc + jr + jj) * ldb + pc;
                    for (int p = 0; p < kc; p++) {
                        pb[dst + p * NR + jj] = b[src + p];
                    }
                }
                if (nr < NR) {
                    for (int p = 0; p < kc; p++) {
                        Arrays.fill(pb, dst + p * NR + nr, dst + (p + 1) * NR, 0.0);
                    }
                }
            } else {
                int src = bOff + pc * ldb + jc + jr;
                for (int p = 0; p < kc; p++) {
                    System.arraycopy(b, src + p * ldb, pb, dst + p * NR, nr);
                    if (nr < NR) {
                        Arrays.fill(pb, dst + p * NR + nr, dst + (p + 1) * NR, 0.0);
                    }
                }
            }
        }
    }

    /** Packs α·op(A)[ic:ic+mc, pc:pc+kc] into MR-tall strips, column p of strip t at (t·kc + p)·MR, zero-padded. */
    private static void packA(boolean transA, double alpha, double[] a, int aOff, int lda, int ic, int mc, int pc,
                              int kc, double[] pa, int fromRow) {
        for (int ir = fromRow; ir < mc; ir += MR) {
            int mr = Math.min(MR, mc - ir);
            int dst = ir * kc;
            if (transA) {
                for (int p = 0; p < kc; p++) {
                    int src = aOff + (pc + p) * lda + ic + ir;
                    int d = dst + p * MR;
                    for (int ii = 0; ii < mr; ii++) {
                        pa[d + ii] = alpha * a[src + ii];
                    }
                }
            } else {
                for (int ii = 0; ii < mr; ii++) {
                    int src = aOff + (ic + ir + ii) * lda + pc;
                    for (int p = 0; p < kc; p++) {
                        pa[dst + p * MR + ii] = alpha * a[src + p];
                    }
                }
            }
            if (mr < MR) {
                for (int p = 0; p < kc; p++) {
                    Arrays.fill(pa, dst + p * MR + mr, dst + (p + 1) * MR, 0.0);
                }
            }
        }
    }

    /** C = β·C, without reading C when β = 0. */
    private static void scale(int m, int n, double beta, double[] c, int cOff, int ldc) {
        for (int i = 0; i < m; i++) {
            int row = cOff + i * ldc;
            if (beta == 0) {
                Arrays.fill(c, row, row + n, 0.0);
            } else if (beta != 1) {
                for (int j = 0; j < n; j++) {
                    c[row + j] *= beta;
                }
            }
        }
    }

    private static int roundUp(int x, int multiple) {
        return (x + multiple - 1) / multiple * multiple;
    }

    /** An operand read in place: element (i, p) of the block at data[offset + i·ld + p]. Reused per thread. */
    private static final class Raw {
        private double[] data;
        private int offset;
        private int ld;

        void set(double[] data, int offset, int ld) {
            this.data = data;
            this.offset = offset;
            this.ld = ld;
        }
    }

    /** Per-thread packing buffers, grown on demand and then reused. */
    private static final class Workspace {
        private double[] packA = new double[0];
        private double[] packB = new double[0];
        private final double[] tile = new double[MR * NR];
        private final Raw rawA = new Raw();
        private final Raw rawB = new Raw();

        double[] packA(int size) {
            if (packA.length < size) {
                packA = new double[size];
            }
            return packA;
        }

        double[] packB(int size) {
            if (packB.length < size) {
                packB = new double[size];
            }
            return packB;
        }
    }
}
