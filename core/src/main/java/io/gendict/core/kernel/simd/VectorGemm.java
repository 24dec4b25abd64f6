package io.gendict.core.kernel.simd;

import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Register-blocked general matrix product on {@link DoubleVector}s in the Goto/BLIS scheme: a 6×4-vector
 * micro-kernel keeps its 24 accumulators in registers while it streams an A strip (MR = 6 rows) against a
 * B strip (NR = 4 vectors wide, KC deep, sized for L1). The loops run over N blocks (NC columns, whose
 * packed B panel of full depth stays in L3), M blocks (MC rows, whose C block stays in L2 while K is
 * swept), K blocks, B strips and A strips.
 *
 * <p>Operands are packed only where it pays: A (row-major, α = 1) is read in place, and B too when C has
 * few rows; otherwise op(B) is packed into strips and α·op(A) into row strips. Tiles that C cuts short
 * run on a copy of C: the narrow last column strip of a C block stays in a buffer across the K blocks, a
 * short last row strip is copied per tile. Each C entry is the same chain of FMAs whatever sub-block of C
 * is computed and whichever way the operands are read, so splitting C between threads gives
 * bit-identical results. Packing buffers are per thread and grow on demand; the hot loops allocate nothing.
 */
final class VectorGemm {
    private static final VectorSpecies<Double> S = VectorMicroKernel.S;
    private static final int L = VectorMicroKernel.L;
    private static final int MR = VectorMicroKernel.MR;
    private static final int NR = VectorMicroKernel.NR;
    /**
     * Largest depth of a K block; K is cut into equal blocks no deeper than this, so that a B strip
     * (KC·NR doubles, 32 KB) stays in L1 while the A strips stream past it from L2.
     */
    private static final int KC = 128;
    /** Rows of an M block, a multiple of MR: its C block (MC·NC doubles, 480 KB) stays in L2 across the K blocks. */
    private static final int MC = 20 * MR;
    /** Columns of an N block, a multiple of NR; its packed B panel (K·NC doubles) stays in L3. */
    private static final int NC = 16 * NR;
    /**
     * B is read in place when C has at most this many rows: few A strips share each B strip then, and
     * packing would cost about what it saves.
     */
    private static final int RAW_B_ROWS = MC;

    /**
     * Products of at most this many multiply–adds (m·n·k) run as plain loops: packing and register
     * tiles cost more than they save on a 9×9×3 product.
     */
    static final int TINY = 1024;

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
        if ((long) m * n * k <= TINY) {
            tiny(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
            return;
        }
        Workspace w = WORKSPACE.get();
        int kBlocks = (k + KC - 1) / KC;
        int kcMax = (k + kBlocks - 1) / kBlocks;
        boolean rawA = !transA && alpha == 1;
        boolean rawB = !transB && m <= RAW_B_ROWS;
        double[] pa = w.packA(roundUp(Math.min(MC, m), MR) * kcMax);
        double[] pb = w.packB(roundUp(Math.min(NC, n), NR) * k);
        double[] tile = w.tile;
        double[] strip = w.strip;
        for (int jc = 0; jc < n; jc += NC) {
            int nc = Math.min(NC, n - jc);
            int ncPad = roundUp(nc, NR);
            int edgeCol = nc / NR * NR;
            int rawCols = rawB ? edgeCol : 0;
            packB(transB, b, bOff, ldb, k, kcMax, jc, nc, rawCols, pb);
            for (int ic = 0; ic < m; ic += MC) {
                int mc = Math.min(MC, m - ic);
                int rawRows = rawA ? mc / MR * MR : 0;
                int cBlock = cOff + ic * ldc + jc;
                if (beta != 0 && beta != 1) {
                    scale(mc, nc, beta, c, cBlock, ldc);
                }
                if (edgeCol < nc && beta != 0) {
                    copy(c, cBlock + edgeCol, ldc, strip, 0, NR, mc, nc - edgeCol);
                }
                for (int pc = 0; pc < k; pc += kcMax) {
                    int kc = Math.min(kcMax, k - pc);
                    boolean accumulate = pc > 0 || beta != 0;
                    packA(transA, alpha, a, aOff, lda, ic, mc, pc, kc, rawRows, pa);
                    int aRaw = aOff + ic * lda + pc;
                    int bPanel = pc * ncPad;
                    for (int jr = 0; jr < nc; jr += NR) {
                        boolean inB = jr < rawCols;
                        double[] bs = inB ? b : pb;
                        int bo = inB ? bOff + pc * ldb + jc + jr : bPanel + jr * kc;
                        int bStep = inB ? ldb : NR;
                        for (int ir = 0; ir < mc; ir += MR) {
                            boolean inA = ir < rawRows;
                            double[] as = inA ? a : pa;
                            int ao = inA ? aRaw + ir * lda : ir * kc;
                            int aRow = inA ? lda : kc;
                            int co = cBlock + ir * ldc + jr;
                            if (jr == edgeCol) {
                                VectorMicroKernel.run(kc, as, ao, aRow, bs, bo, bStep, strip, ir * NR, NR, accumulate);
                            } else if (ir + MR <= mc) {
                                VectorMicroKernel.run(kc, as, ao, aRow, bs, bo, bStep, c, co, ldc, accumulate);
                            } else {
                                if (accumulate) {
                                    copy(c, co, ldc, tile, 0, NR, mc - ir, NR);
                                }
                                VectorMicroKernel.run(kc, as, ao, aRow, bs, bo, bStep, tile, 0, NR, accumulate);
                                copy(tile, 0, NR, c, co, ldc, mc - ir, NR);
                            }
                        }
                    }
                }
                if (edgeCol < nc) {
                    copy(strip, 0, NR, c, cBlock + edgeCol, ldc, mc, nc - edgeCol);
                }
            }
        }
    }

    /**
     * A small product by plain loops, entry by entry with the register tile's chain of operations:
     * C is scaled by β first, then each entry accumulates fma(α·op(A)[i][p], op(B)[p][j], ·) in step
     * order from its scaled value (from 0 when β = 0), with α·op(A)[i][p] rounded as packing rounds
     * it. So the result is bit-identical to the tiled path.
     */
    private static void tiny(boolean transA, boolean transB, int m, int n, int k, double alpha,
                             double[] a, int aOff, int lda, double[] b, int bOff, int ldb,
                             double beta, double[] c, int cOff, int ldc) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                int ci = cOff + i * ldc + j;
                double acc = beta == 0 ? 0 : beta == 1 ? c[ci] : c[ci] * beta;
                for (int p = 0; p < k; p++) {
                    double ap = transA ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
                    double bp = transB ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j];
                    acc = Math.fma(alpha == 1 ? ap : alpha * ap, bp, acc);
                }
                c[ci] = acc;
            }
        }
    }

    /** Copies a rows×cols block from src (row stride srcLd) to dst (row stride dstLd). */
    private static void copy(double[] src, int srcOff, int srcLd, double[] dst, int dstOff, int dstLd, int rows,
                             int cols) {
        for (int i = 0; i < rows; i++) {
            System.arraycopy(src, srcOff + i * srcLd, dst, dstOff + i * dstLd, cols);
        }
    }

    /**
     * Packs columns [fromCol, nc) of op(B)[0:k, jc:jc+nc] into NR-wide strips per K block, zero-padded to
     * whole strips: row p of the strip at column jr of the K block at pc lands at pc·ncPad + jr·kc + p·NR,
     * where ncPad is nc rounded up to NR and kc the block's depth. A transposed B is copied a column at a
     * time (the Vector API's gathers are not compiled to gather instructions on every JDK).
     */
    private static void packB(boolean transB, double[] b, int bOff, int ldb, int k, int kcMax, int jc, int nc,
                              int fromCol, double[] pb) {
        int ncPad = roundUp(nc, NR);
        int full = nc / NR * NR;
        for (int pc = 0; pc < k; pc += kcMax) {
            int kc = Math.min(kcMax, k - pc);
            int panel = pc * ncPad;
            if (transB) {
                for (int j = fromCol; j < nc; j++) {
                    int src = bOff + (jc + j) * ldb + pc;
                    int dst = panel + j / NR * NR * kc + j % NR;
                    for (int p = 0; p < kc; p++) {
                        pb[dst + p * NR] = b[src + p];
                    }
                }
            } else {
                for (int p = 0; p < kc; p++) {
                    int src = bOff + (pc + p) * ldb + jc;
                    int dst = panel + p * NR;
                    for (int jr = fromCol; jr < full; jr += NR) {
                        int s = src + jr;
                        int d = dst + jr * kc;
                        DoubleVector.fromArray(S, b, s).intoArray(pb, d);
                        DoubleVector.fromArray(S, b, s + L).intoArray(pb, d + L);
                        DoubleVector.fromArray(S, b, s + 2 * L).intoArray(pb, d + 2 * L);
                        DoubleVector.fromArray(S, b, s + 3 * L).intoArray(pb, d + 3 * L);
                    }
                    if (full < nc) {
                        System.arraycopy(b, src + full, pb, dst + full * kc, nc - full);
                    }
                }
            }
            if (full < nc) {
                int dst = panel + full * kc;
                for (int p = 0; p < kc; p++) {
                    Arrays.fill(pb, dst + p * NR + nc - full, dst + (p + 1) * NR, 0.0);
                }
            }
        }
    }

    /**
     * Packs rows [fromRow, mc) of α·op(A)[ic:ic+mc, pc:pc+kc] as rows of length kc, zero-padded to whole
     * MR-row strips: entry (i, p) lands at i·kc + p. A transposed A is copied a row of its storage at a time.
     */
    private static void packA(boolean transA, double alpha, double[] a, int aOff, int lda, int ic, int mc, int pc,
                              int kc, int fromRow, double[] pa) {
        if (fromRow >= mc) {
            return;
        }
        if (transA) {
            for (int p = 0; p < kc; p++) {
                int src = aOff + (pc + p) * lda + ic;
                for (int i = fromRow; i < mc; i++) {
                    pa[i * kc + p] = alpha * a[src + i];
                }
            }
        } else {
            for (int i = fromRow; i < mc; i++) {
                int src = aOff + (ic + i) * lda + pc;
                int dst = i * kc;
                for (int p = 0; p < kc; p++) {
                    pa[dst + p] = alpha * a[src + p];
                }
            }
        }
        Arrays.fill(pa, mc * kc, roundUp(mc, MR) * kc, 0.0);
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

    /** Per-thread packing buffers, grown on demand and then reused. */
    private static final class Workspace {
        private double[] packA = new double[0];
        private double[] packB = new double[0];
        /** C tiles cut short by the last rows of an M block. */
        private final double[] tile = new double[MR * NR];
        /** The last, narrower-than-NR column strip of a C block, kept across its K blocks. */
        private final double[] strip = new double[MC * NR];

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
