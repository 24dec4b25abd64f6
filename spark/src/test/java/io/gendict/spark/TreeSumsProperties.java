package io.gendict.spark;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/** The reduction tree gives the same total, bit for bit, whatever the order and grouping of partials. */
class TreeSumsProperties {
    @Test
    void theTotalDoesNotDependOnDeliveryOrderOrGrouping() {
        qt().withFixedSeed(11).withExamples(200)
                .forAll(integers().between(1, 40), integers().between(1, 3), longs().all())
                .checkAssert((partitions, depth, seed) -> {
                    Sums inOrder = reduce(partitions, depth, seed, null);
                    Sums shuffled = reduce(partitions, depth, seed, new SplittableRandom(seed ^ 0x5DEECE66DL));
                    assertEquals(partitions * 3L, shuffled.rows());
                    assertArrayEquals(inOrder.toRoundSums(2, 3).yx().data, shuffled.toRoundSums(2, 3).yx().data);
                    assertArrayEquals(inOrder.toRoundSums(2, 3).xx().data, shuffled.toRoundSums(2, 3).xx().data);
                    assertEquals(inOrder.toRoundSums(2, 3).yy(), shuffled.toRoundSums(2, 3).yy());
                });
    }

    @Test
    void aMissingPartitionIsAnError() {
        TreeSums tree = new TreeSums(3, 2).add(0, partial(new SplittableRandom(1)));
        assertThrows(io.gendict.core.error.GendictException.class, tree::total);
    }

    /** Partials of widely spread magnitudes, delivered in order or shuffled into random groups. */
    private static Sums reduce(int partitions, int depth, long seed, SplittableRandom shuffle) {
        SplittableRandom data = new SplittableRandom(seed);
        List<Integer> order = new ArrayList<>();
        List<Sums> partials = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            order.add(p);
            partials.add(partial(data));
        }
        if (shuffle == null) {
            TreeSums tree = new TreeSums(partitions, depth);
            for (int p = 0; p < partitions; p++) {
                tree.add(p, partials.get(p));
            }
            return tree.total();
        }
        Collections.shuffle(order, new java.util.Random(shuffle.nextLong()));
        List<TreeSums> groups = new ArrayList<>();
        for (int p : order) {
            if (groups.isEmpty() || shuffle.nextInt(3) == 0) {
                groups.add(new TreeSums(partitions, depth));
            }
            groups.get(groups.size() - 1).add(p, partials.get(p));
        }
        TreeSums total = new TreeSums(partitions, depth);
        for (TreeSums g : groups) {
            total.merge(g);
        }
        return total.total();
    }

    private static Sums partial(SplittableRandom rng) {
        DMatrixRMaj y = new DMatrixRMaj(3, 2);
        DMatrixRMaj x = new DMatrixRMaj(3, 3);
        for (int i = 0; i < y.data.length; i++) {
            y.data[i] = rng.nextGaussian() * Math.pow(10, rng.nextInt(-8, 9));
        }
        for (int i = 0; i < x.data.length; i++) {
            x.data[i] = rng.nextGaussian();
        }
        return new Sums().add(y, x, new double[] {rng.nextDouble(), rng.nextDouble(), rng.nextDouble()});
    }
}
