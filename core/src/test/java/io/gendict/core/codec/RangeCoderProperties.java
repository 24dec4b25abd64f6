package io.gendict.core.codec;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

/**
 * The range coder and its symbol models round-trip random and adversarial streams bit for bit and
 * consume exactly the bytes they wrote.
 */
class RangeCoderProperties {

    @Test
    void randomSymbolStreamsRoundTripExactly() {
        qt().withFixedSeed(21L).withExamples(300)
                .forAll(Generate.range(1, 64), Generate.range(0, 2000), Generate.longRange(0, Long.MAX_VALUE))
                .checkAssert((width, count, seed) -> {
                    long[] symbols = new long[count];
                    SplittableRandom rng = new SplittableRandom(seed);
                    int skew = rng.nextInt(width + 1);
                    for (int i = 0; i < count; i++) {
                        symbols[i] = rng.nextLong() >>> (64 - width) >>> rng.nextInt(skew + 1);
                    }
                    assertArrayEquals(symbols, roundTrip(width, symbols));
                });
    }

    @Test
    void adversarialStreamsRoundTripExactly() {
        qt().withFixedSeed(22L).withExamples(200)
                .forAll(Generate.range(1, 64), adversarial())
                .checkAssert((width, pattern) -> {
                    long[] symbols = pattern.symbols(width);
                    assertArrayEquals(symbols, roundTrip(width, symbols));
                });
    }

    @Test
    void decisionsAgainstAndWithTheModelRoundTrip() {
        // 0: each bit the one the context finds less likely; 1: the likelier one; 2: runs that saturate the
        // context, then the bit it finds least likely (about 6 bits)
        for (int adversary = 0; adversary < 3; adversary++) {
            short[] probabilities = {RangeEncoder.HALF};
            RangeEncoder encoder = new RangeEncoder();
            int[] bits = new int[20_000];
            for (int i = 0; i < bits.length; i++) {
                boolean zeroLikelier = probabilities[0] >= RangeEncoder.HALF;
                bits[i] = switch (adversary) {
                    case 0 -> zeroLikelier ? 1 : 0;
                    case 1 -> zeroLikelier ? 0 : 1;
                    default -> i % 300 == 299 ? 1 : 0;
                };
                encoder.encode(probabilities, 0, bits[i]);
            }
            byte[] stream = encoder.finish();
            short[] mirror = {RangeEncoder.HALF};
            RangeDecoder decoder = new RangeDecoder(stream);
            for (int i = 0; i < bits.length; i++) {
                assertEquals(bits[i], decoder.decode(mirror, 0), "adversary " + adversary + ", bit " + i);
            }
            decoder.finish();
            if (adversary == 0) {
                assertTrue(stream.length * 8L >= bits.length, "bits against the model cannot be compressed");
            }
        }
    }

    @Test
    void costIsNearTheEntropy() {
        long[] zeros = new long[10_000];
        // 8 decisions per byte at the saturated cost −log2(2017/2048) ≈ 0.022 bits each
        assertTrue(encode(8, zeros).length < 10_000 * 8 * 0.023 / 8 + 40, "10000 equal bytes: " + encode(8, zeros).length);
        long[] uniform = new SplittableRandom(3).longs(10_000, 0, 256).toArray();
        assertTrue(encode(8, uniform).length < 10_000 * 1.04 + 8, "10000 uniform bytes: " + encode(8, uniform).length);
        long[] geometric = new long[10_000];
        SplittableRandom rng = new SplittableRandom(4);
        double entropyBits = 0;
        for (int i = 0; i < geometric.length; i++) {
            geometric[i] = Long.numberOfTrailingZeros(rng.nextLong() | Long.MIN_VALUE);
            entropyBits += geometric[i] + 1;
        }
        assertTrue(encode(30, geometric).length * 8 < entropyBits * 1.1, "geometric: " + encode(30, geometric).length);
    }

    @Test
    void truncatedOrPaddedStreamsAreRefused() {
        long[] symbols = new SplittableRandom(5).longs(500, 0, 1 << 20).toArray();
        byte[] stream = encode(20, symbols);
        byte[] padded = Arrays.copyOf(stream, stream.length + 1);
        assertThrows(IllegalStateException.class, () -> decode(20, padded, symbols.length));
        for (int cut = 0; cut < stream.length; cut++) {
            byte[] shorter = Arrays.copyOf(stream, cut);
            assertThrows(IllegalStateException.class, () -> decode(20, shorter, symbols.length), "cut at " + cut);
        }
    }

    @Test
    void anyBytesDecodeOrFailWithIllegalState() {
        qt().withFixedSeed(23L).withExamples(300)
                .forAll(Generate.range(1, 64), Generate.byteArrays(Generate.range(0, 64),
                        Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0)))
                .checkAssert((width, bytes) -> {
                    try {
                        decode(width, bytes, 100);
                    } catch (IllegalStateException expected) {
                        // refused: the only allowed failure
                    }
                });
    }

    /** A stream built to stress the coder: saturated runs, alternations, extremes, carry-heavy runs. */
    private record Pattern(int kind, int length, long seed) {
        long[] symbols(int width) {
            long max = width == 64 ? -1L : (1L << width) - 1;
            long[] s = new long[length];
            SplittableRandom rng = new SplittableRandom(seed);
            for (int i = 0; i < length; i++) {
                s[i] = switch (kind) {
                    case 0 -> max;
                    case 1 -> (i & 1) == 0 ? 0 : max;
                    case 2 -> i < length - 1 ? 0 : max;
                    case 3 -> rng.nextInt(64) == 0 ? rng.nextLong() & max : 0;
                    default -> i % 3 == 0 ? max >>> 1 : max & ~1L;
                };
            }
            return s;
        }
    }

    private static Gen<Pattern> adversarial() {
        return Generate.range(0, 4).zip(Generate.range(1, 5000), Generate.longRange(0, Long.MAX_VALUE), Pattern::new);
    }

    private static long[] roundTrip(int width, long[] symbols) {
        return decode(width, encode(width, symbols), symbols.length);
    }

    private static byte[] encode(int width, long[] symbols) {
        RangeEncoder encoder = new RangeEncoder();
        SymbolModel model = SymbolModel.forWidth(width);
        for (long s : symbols) {
            model.encode(encoder, s);
        }
        return encoder.finish();
    }

    private static long[] decode(int width, byte[] stream, int count) {
        RangeDecoder decoder = new RangeDecoder(stream);
        SymbolModel model = SymbolModel.forWidth(width);
        long[] out = new long[count];
        for (int i = 0; i < count; i++) {
            out[i] = model.decode(decoder);
        }
        decoder.finish();
        return out;
    }
}
