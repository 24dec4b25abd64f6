package io.gendict.core.experiment.rd;

import io.gendict.core.codec.CodeContainer;
import io.gendict.core.eval.ReconstructionError;
import io.gendict.core.eval.UniformQuantizer;
import io.gendict.core.io.Sha256;
import io.gendict.core.spi.Codes;
import io.gendict.core.spi.DictionaryLearner;
import org.ejml.data.DMatrixRMaj;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * A trained learner as an image codec: the images are coded once, and each setting {@code bits:b}
 * stores the codes with b-bit uniform levels in one arithmetic-coded {@link CodeContainer} (its
 * header — shape, quantizer, model checksum, per-column ranges — is the shared header), decodes
 * that file and reconstructs A·x̂, clipped to the pixel range [0, 1]. The same dictionary serves
 * every setting.
 *
 * @since 0.1
 */
public final class LearnedCodec implements ImageCodec {
    private final String name;
    private final DictionaryLearner learner;
    private final List<Integer> bitDepths;
    private final byte[] checksum;
    private DMatrixRMaj codedImages;
    private Codes codes;

    /**
     * @param name      the name reported, e.g. the method spec
     * @param learner   a trained learner. Not modified by coding.
     * @param bitDepths bits per code value, each 1..32 ({@link RateDistortionRun#checkSettings})
     */
    public LearnedCodec(String name, DictionaryLearner learner, List<Integer> bitDepths) {
        this.name = name;
        this.learner = learner;
        this.bitDepths = List.copyOf(bitDepths);
        DMatrixRMaj a = learner.dictionary();
        ByteBuffer bytes = ByteBuffer.allocate(a.numRows * a.numCols * Double.BYTES);
        bytes.asDoubleBuffer().put(a.data, 0, a.numRows * a.numCols);
        this.checksum = Sha256.of(bytes.array());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<String> settings() {
        return bitDepths.stream().map(b -> "bits:" + b).toList();
    }

    @Override
    public Encoded encode(DMatrixRMaj images, String setting) {
        if (codedImages != images) {
            codes = learner.encode(images);
            codedImages = images;
        }
        UniformQuantizer q = new UniformQuantizer(Integer.parseInt(setting.substring(setting.indexOf(':') + 1)));
        DMatrixRMaj a = learner.dictionary();
        byte[] file = CodeContainer.encode(codes, a.numCols, q, checksum);
        CodeContainer.Contents stored = CodeContainer.decode(file, name + " " + setting, checksum);
        DMatrixRMaj x = new DMatrixRMaj(images.numRows, a.numCols);
        learner.coefficients(stored.codes(), x);
        DMatrixRMaj y = ReconstructionError.reconstruct(a, x);
        for (int i = 0; i < y.data.length; i++) {
            y.data[i] = Math.min(1, Math.max(0, y.data[i]));
        }
        long header = file.length - stored.payloadBytes();
        return new Encoded(file.length, header, file.length, y);
    }
}
