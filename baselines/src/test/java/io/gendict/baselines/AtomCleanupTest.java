package io.gendict.baselines;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** The K-SVD toolbox's dictionary clearing: duplicates judged against the atoms as they are when visited. */
class AtomCleanupTest {
    private static final double[] E1 = {1, 0, 0, 0};
    private static final double[] E2 = {0, 1, 0, 0};
    private static final double[] E3 = {0, 0, 1, 0};

    @Test
    void aDuplicatePairLosesOnlyItsFirstAtomWhenTheReplacementIsNew() {
        DMatrixRMaj atoms = rows(E1, E1, E2);
        assertArrayEquals(new boolean[]{true, false, false}, clearDuplicates(atoms, rows(E3, new double[]{0, 0, 0, 2})));
        assertArrayEquals(rows(E3, E1, E2).data, atoms.data, 0);
    }

    @Test
    void aReplacementThatDuplicatesALaterAtomGetsThatAtomReplacedToo() {
        DMatrixRMaj atoms = rows(E1, E1, E2);
        assertArrayEquals(new boolean[]{true, false, true}, clearDuplicates(atoms, rows(new double[]{0, 3, 0, 0}, E3)));
        assertArrayEquals(rows(E2, E1, E3).data, atoms.data, 0);
    }

    @Test
    void rarelyUsedAtomsAreReplacedAndSkippedOnesKept() {
        DMatrixRMaj atoms = rows(E1, E2, E3);
        DMatrixRMaj y = rows(new double[]{0, 0, 0, 4});
        boolean[] replaced = new AtomCleanup(1, 2).clear(atoms, new int[]{5, 1, 0}, new boolean[]{false, false, true},
                new WorstSignals(y, new double[]{1}));
        assertArrayEquals(new boolean[]{false, true, false}, replaced);
        assertArrayEquals(rows(E1, new double[]{0, 0, 0, 1}, E3).data, atoms.data, 0);
    }

    /** Clears duplicates (μ = 0.99) with the two signals of y as replacements, the first one worst. */
    private static boolean[] clearDuplicates(DMatrixRMaj atoms, DMatrixRMaj y) {
        return new AtomCleanup(0.99, 0).clear(atoms, null, null, new WorstSignals(y, new double[]{5, 1}));
    }

    private static DMatrixRMaj rows(double[]... rows) {
        DMatrixRMaj m = new DMatrixRMaj(rows.length, rows[0].length);
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, m.data, i * rows[0].length, rows[0].length);
        }
        return m;
    }
}
