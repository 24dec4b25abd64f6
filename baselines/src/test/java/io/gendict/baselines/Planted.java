package io.gendict.baselines;

import org.ejml.data.DMatrixRMaj;

/** Planted-dictionary recovery measure: the classic K-SVD test statistic. */
final class Planted {
    private Planted() {
    }

    /** @return the fraction of true atoms a (columns of truth) with max_j |⟨a, â_j⟩| / ‖â_j‖ above threshold */
    static double recovered(DMatrixRMaj truth, DMatrixRMaj learned, double threshold) {
        int m = truth.numRows;
        int found = 0;
        for (int t = 0; t < truth.numCols; t++) {
            double best = 0;
            for (int j = 0; j < learned.numCols; j++) {
                double dot = 0;
                double nn = 0;
                for (int i = 0; i < m; i++) {
                    dot += truth.get(i, t) * learned.get(i, j);
                    nn += learned.get(i, j) * learned.get(i, j);
                }
                if (nn > 0) {
                    best = Math.max(best, Math.abs(dot) / Math.sqrt(nn));
                }
            }
            if (best > threshold) {
                found++;
            }
        }
        return (double) found / truth.numCols;
    }
}
