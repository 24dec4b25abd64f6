package io.gendict.cli.command;

import io.gendict.cli.option.ThreadsOption;
import io.gendict.cli.plot.ImageTiles;
import io.gendict.core.io.DataFiles;
import io.gendict.cli.support.ModelInput;
import io.gendict.cli.support.PluginCommand;
import io.gendict.cli.support.Precision;
import io.gendict.core.codec.CodeContainer;
import io.gendict.core.codec.RateControl;
import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import io.gendict.core.eval.Quantizer;
import io.gendict.core.io.AtomicFiles;
import io.gendict.core.io.ElementType;
import io.gendict.core.io.NdArray;
import io.gendict.core.io.Npy;
import io.gendict.core.io.Npz;
import io.gendict.core.spi.Codes;
import io.gendict.core.spi.DictionaryLearner;
import org.ejml.data.DMatrixRMaj;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The commands that use a learned model: {@code encode}, {@code decode}, {@code denoise}, {@code compress}
 * and {@code decompress}. Dense codes are stored as a B×k .npy; the sparse codes of a baseline as an .npz
 * with {@code values} (float64) and {@code indices} (B×K int32, -1 for an unused slot; float64 indices of
 * older files are read when whole). Samples and reconstructions are streamed block by block ({@link
 * StreamedCoding}); only codes are held whole. Every output is written to a temporary file and moved into
 * place.
 *
 * @since 0.1
 */
public final class CodingCommands {
    private static final String VALUES = "values";
    private static final String INDICES = "indices";

    private CodingCommands() {
    }

    /** The options every coding command shares. */
    abstract static class Base extends PluginCommand {
        @Mixin
        ThreadsOption threads;

        @Mixin
        ModelInput model;

        @Option(names = "--in", required = true, paramLabel = "FILE", description = "The input file.")
        Path in;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "The output file.")
        Path out;

        DictionaryLearner learner() {
            return model.learner(plugins, threads.threads());
        }

        SampleBlocks samples() {
            SampleBlocks y = SampleBlocks.open(in, "--in", model.dimension(plugins));
            DataFiles.requireOutputFolder(out, "--out");
            return y;
        }
    }

    /** {@code gendict encode}: codes samples with a model. */
    @Command(name = "encode", description = "Code samples with a model: dense latents Z (B×k .npy) or sparse codes (.npz).")
    public static final class Encode extends Base {
        @ArgGroup(exclusive = true)
        Precision precision = new Precision();

        @Override
        public void run() {
            Quantizer q = precision.quantizer(-1);
            SampleBlocks y = samples();
            Codes codes = StreamedCoding.encode(learner(), y);
            q.quantize(codes.values());
            writeCodes(out, codes);
            stdout().printf("encoded %d samples to %s (%s)%n", y.rows(), out, codes.sparse() ? "sparse codes" : "latents");
            stdout().flush();
        }
    }

    /** {@code gendict decode}: reconstructs samples from codes. */
    @Command(name = "decode", description = "Reconstruct samples Ŷ = A·G(Z) (or A·x for sparse codes) from codes.")
    public static final class Decode extends Base {
        @Override
        public void run() {
            DataFiles.requireReadable(in, "--in");
            DictionaryLearner learner = learner();
            Codes codes = readCodes(in);
            DataFiles.requireOutputFolder(out, "--out");
            try {
                StreamedCoding.writeReconstruction(out, learner, codes);
            } catch (GendictException e) {
                throw new GendictException(e.kind(), "--in " + in + ": " + e.getMessage(), e);
            }
            stdout().printf("decoded %d samples to %s%n", codes.values().numRows, out);
            stdout().flush();
        }
    }

    /** {@code gendict denoise}: decode(encode(y)). */
    @Command(name = "denoise", description = "Project samples onto the model: Ŷ = decode(encode(Y)).")
    public static final class Denoise extends Base {
        @Override
        public void run() {
            SampleBlocks y = samples();
            StreamedCoding.Distances distances = StreamedCoding.denoise(out, learner(), y);
            stdout().printf("denoised %d samples to %s; mean distance to the input %.6g%n", y.rows(), out,
                    distances.mean());
            stdout().flush();
        }
    }

    /** {@code gendict compress}: codes, quantizes and packs samples into a binary container. */
    @Command(name = "compress", description = "Compress samples into a binary file of entropy-coded codes; prints bits "
            + "per sample, compression ratio vs float32 and reconstruction error.")
    public static final class Compress extends Base {
        @ArgGroup(exclusive = true)
        Precision precision = new Precision();

        @Option(names = "--target-bits", paramLabel = "N",
                description = "Pick the most bits per code value (32 down to 1) whose file costs at most N bits per "
                        + "sample, header included; excludes --digits and --bits.")
        Double targetBits;

        @Override
        public void run() {
            Quantizer q = precision.quantizer(4);
            if (targetBits != null && precision.given()) {
                throw new GendictException(ErrorKind.INVALID_PARAMETER,
                        "--target-bits picks the quantizer itself; leave out --digits and --bits");
            }
            SampleBlocks y = samples();
            DictionaryLearner learner = learner();
            Codes codes = StreamedCoding.encode(learner, y);
            byte[] checksum = model.loaded(plugins).checksum();
            int atoms = learner.dictionary().numCols;
            byte[] bytes;
            if (targetBits == null) {
                bytes = CodeContainer.encode(codes, atoms, q, checksum);
            } else {
                RateControl.Fit fit = RateControl.fit(codes, atoms, checksum, targetBits);
                bytes = fit.file();
                q = fit.quantizer();
            }
            AtomicFiles.write(out, o -> o.write(bytes));
            Codes stored = CodeContainer.decode(bytes, out.toString(), model.loaded(plugins).checksum()).codes();
            StreamedCoding.Distances distances = StreamedCoding.compare(learner, stored, y);
            double bitsPerSample = bytes.length * 8.0 / y.rows();
            double ratio = (double) y.rows() * y.cols() * 4 / bytes.length;
            stdout().printf("%s: %d samples, %d bytes, %.2f bits per sample (quantizer %s), compression ratio %.2f vs "
                            + "float32, reconstruction error %.6g (mean ‖y − ŷ‖), relative %.6g%n",
                    out, y.rows(), bytes.length, bitsPerSample, q.describe(), ratio, distances.mean(),
                    distances.relative());
            stdout().flush();
        }
    }

    /** {@code gendict decompress}: unpacks a container and reconstructs the samples. */
    @Command(name = "decompress", description = "Reconstruct samples from a file written by gendict compress.")
    public static final class Decompress extends Base {
        /** The most samples {@code --png} shows. */
        static final int PNG_SAMPLES = 64;

        @Option(names = "--png", paramLabel = "FILE",
                description = "Also write the first 64 reconstructions as a grid of grey images (square samples only).")
        Path png;

        @Override
        public void run() {
            DataFiles.requireReadable(in, "--in");
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(in);
            } catch (IOException e) {
                throw new GendictException(ErrorKind.IO, "--in " + in + ": cannot read: " + e);
            }
            Codes codes = CodeContainer.decode(bytes, in.toString(), model.loaded(plugins).checksum()).codes();
            DataFiles.requireOutputFolder(out, "--out");
            if (png != null) {
                DataFiles.requireOutputFolder(png, "--png");
                ImageTiles.requireSquare(model.dimension(plugins), "--png");
            }
            StreamedCoding.writeReconstruction(out, learner(), codes);
            int shown = Math.min(PNG_SAMPLES, codes.values().numRows);
            if (png != null) {
                byte[] grid = ImageTiles.render(ModelInput.reconstruct(learner(), StreamedCoding.rows(codes, 0, shown)), shown);
                AtomicFiles.write(png, o -> o.write(grid));
            }
            stdout().printf("decompressed %d samples to %s%s%n", codes.values().numRows, out,
                    png == null ? "" : " and a grid of the first " + shown + " to " + png);
            stdout().flush();
        }
    }

    private static void writeCodes(Path file, Codes codes) {
        if (!codes.sparse()) {
            Npy.write(file, codes.values());
            return;
        }
        DMatrixRMaj indices = new DMatrixRMaj(codes.values().numRows, codes.values().numCols);
        for (int i = 0; i < codes.indices().length; i++) {
            indices.data[i] = codes.indices()[i];
        }
        Map<String, NdArray> arrays = new LinkedHashMap<>();
        arrays.put(VALUES, NdArray.ofMatrix(codes.values(), ElementType.FLOAT64));
        arrays.put(INDICES, NdArray.ofMatrix(indices, ElementType.INT32));
        Npz.writeArrays(file, arrays, false);
    }

    private static Codes readCodes(Path file) {
        if (!isZip(file)) {
            DMatrixRMaj z = Npy.readMatrix(file);
            DataFiles.requireFinite(z, file, "--in", null, 0);
            return new Codes(z, null);
        }
        Map<String, DMatrixRMaj> arrays = Npz.read(file);
        DMatrixRMaj values = arrays.get(VALUES);
        DMatrixRMaj indices = arrays.get(INDICES);
        if (values == null || indices == null || values.numRows != indices.numRows || values.numCols != indices.numCols) {
            throw new GendictException(ErrorKind.INVALID_INPUT, "--in " + file
                    + ": expected sparse codes with equally shaped 'values' and 'indices'");
        }
        DataFiles.requireFinite(values, file, "--in", null, 0);
        int[] idx = new int[indices.numRows * indices.numCols];
        for (int i = 0; i < idx.length; i++) {
            double d = indices.data[i];
            if (d != Math.rint(d) || d < -1 || d > Integer.MAX_VALUE) {
                throw new GendictException(ErrorKind.INVALID_INPUT, "--in " + file + ": 'indices' holds " + d
                        + " at row " + i / indices.numCols + ", column " + i % indices.numCols
                        + ", expected a whole atom index (-1 for an unused slot)");
            }
            idx[i] = (int) d;
        }
        return new Codes(values, idx);
    }

    private static boolean isZip(Path file) {
        try (var s = Files.newInputStream(file)) {
            byte[] head = s.readNBytes(2);
            return head.length == 2 && head[0] == 'P' && head[1] == 'K';
        } catch (IOException e) {
            throw new GendictException(ErrorKind.IO, "--in " + file + ": cannot read: " + e);
        }
    }
}
