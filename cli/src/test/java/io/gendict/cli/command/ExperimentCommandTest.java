package io.gendict.cli.command;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.gendict.cli.Main;
import io.gendict.core.experiment.ExperimentResult;
import io.gendict.core.io.Npy;
import io.gendict.core.io.Sha256;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One short end-to-end run per experiment through the real CLI entry point. */
class ExperimentCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.execute(new PrintWriter(out), new PrintWriter(err), args);
    }

    private static void assertPng(Path file, int width, int height) throws IOException {
        BufferedImage img = ImageIO.read(file.toFile());
        assertEquals(width, img.getWidth(), file.toString());
        if (height > 0) {
            assertEquals(height, img.getHeight(), file.toString());
        }
    }

    private static void assertOutputs(Path out, List<String> methods, int trials, int batches) throws IOException {
        List<String> csv = Files.readAllLines(out.resolve("results.csv"));
        assertEquals(ExperimentResult.CSV_HEADER, csv.get(0));
        assertEquals(1 + methods.size() * trials * batches, csv.size());
        JsonObject summary = JsonParser.parseString(Files.readString(out.resolve("summary.json"))).getAsJsonObject();
        for (String m : methods) {
            JsonObject method = summary.getAsJsonObject("methods").getAsJsonObject(m);
            assertEquals(batches, method.getAsJsonArray("test_error_mean").size(), m);
            double last = method.getAsJsonArray("test_error_mean").get(batches - 1).getAsDouble();
            assertTrue(Double.isFinite(last) && last > 0, m + " error " + last);
        }
        assertPng(out.resolve("error_vs_samples.png"), 900, 600);
        JsonObject provenance = summary.getAsJsonObject("provenance");
        for (String key : List.of("gendict_version", "git_commit", "kernel", "experiment", "prior_resolved", "quantizer")) {
            assertFalse(provenance.get(key).getAsString().isBlank(), key);
        }
        assertFalse(provenance.getAsJsonObject("jdk").get("version").getAsString().isBlank());
        assertEquals(trials, provenance.getAsJsonArray("trial_seeds").size());
        for (String m : methods) {
            assertFalse(provenance.getAsJsonObject("methods").getAsJsonObject(m).get("spec").getAsString().isBlank(), m);
        }
    }

    @Test
    void dependencies() throws IOException {
        Path o = dir.resolve("dep");
        assertEquals(0, run("experiment", "dependencies", "--trials", "2", "--batches", "2", "--methods", "fast,MOD,altmin",
                "--out", o.toString()), err.toString());
        assertOutputs(o, List.of("fast", "mod", "altmin"), 2, 2);
        assertTrue(out.toString().contains("(noisy input)"), out.toString());
        JsonObject methods = JsonParser.parseString(Files.readString(o.resolve("summary.json"))).getAsJsonObject()
                .getAsJsonObject("provenance").getAsJsonObject("methods");
        assertEquals("screened:candidates=2000,inner=gauss-newton:tol=1e-3,warm=500,reuse=true", methods.getAsJsonObject("fast").get("oracle").getAsString(),
                "what fast picks for a 3-dimensional latent space without linear features");
        assertTrue(methods.getAsJsonObject("mod").get("spec").getAsString().startsWith("mod:"), methods.toString());
    }

    @Test
    void methodSpecsWithSeveralParametersStayWhole() throws IOException {
        Path o = dir.resolve("params");
        assertEquals(0, run("experiment", "group-sparsity", "--prior", "group-sparsity:n=30,k=3", "--m", "40",
                "--trials", "1", "--batches", "1", "--methods", "pca,ksvd:iterations=2,atoms=30,mod", "--out", o.toString()), err.toString());
        assertOutputs(o, List.of("pca", "ksvd:iterations=2,atoms=30", "mod"), 1, 1);
    }

    @Test
    void groupSparsityWithASmallerPrior() throws IOException {
        Path o = dir.resolve("gs");
        assertEquals(0, run("experiment", "group-sparsity", "--prior", "group-sparsity:n=30,k=3", "--m", "40",
                "--trials", "1", "--batches", "2", "--methods", "fast,ksvd", "--bits", "8", "--out", o.toString()), err.toString());
        assertOutputs(o, List.of("fast", "ksvd"), 1, 2);
        assertTrue(Files.readString(o.resolve("summary.json")).contains("bits:8"));
    }

    @Test
    void groundTruthLinesBoundTheNoisyInput() throws IOException {
        Path o = dir.resolve("gt");
        assertEquals(0, run("experiment", "group-sparsity", "--prior", "group-sparsity:n=30,k=3", "--m", "40",
                "--trials", "2", "--batches", "1", "--methods", "mod", "--out", o.toString()), err.toString());
        String json = Files.readString(o.resolve("summary.json"));
        assertFalse(json.contains("NaN") || json.contains("Infinity"), json);
        JsonObject refs = JsonParser.parseString(json).getAsJsonObject().getAsJsonObject("references");
        double noisy = refs.getAsJsonObject("noisy_input").get("mean").getAsDouble();
        double truth = refs.getAsJsonObject("true_dictionary_true_latents").get("mean").getAsDouble();
        double decoded = refs.getAsJsonObject("true_dictionary_decoded").get("mean").getAsDouble();
        assertTrue(truth <= noisy, truth + " > " + noisy);
        assertTrue(Double.isFinite(decoded) && decoded > 0, "decoded " + decoded);
        assertTrue(refs.getAsJsonObject("noisy_input").get("ci95_half_width").getAsDouble() >= 0);
        String table = out.toString();
        assertTrue(table.contains("(A*, fast decoder)") && table.contains("(A*, true z*)") && table.contains("± 95% CI"),
                table);
    }

    @Test
    void transferTrainsAVaeSlicesItAndDrawsTheGrid() throws IOException {
        Path train = idx(dir.resolve("train.idx"), 60, 1);
        Path test = idx(dir.resolve("test.idx"), 40, 2);
        Path o = dir.resolve("tr");
        assertEquals(0, run("experiment", "transfer", "--images", train.toString(), "--test-images", test.toString(),
                "--vae-epochs", "1", "--trials", "1", "--batches", "2", "--batch-size", "6", "--test-batch-size", "5",
                "--methods", "fast,mod", "--transform", "flip", "--out", o.toString()), err.toString());
        assertOutputs(o, List.of("fast", "mod"), 1, 2);
        assertFalse(Files.readString(o.resolve("summary.json")).contains("true_dictionary"), "no ground truth for images");
        JsonObject provenance = JsonParser.parseString(Files.readString(o.resolve("summary.json"))).getAsJsonObject()
                .getAsJsonObject("provenance");
        assertEquals("flip", provenance.get("transform").getAsString());
        assertEquals(64, provenance.get("m").getAsInt());
        String files = provenance.getAsJsonArray("files").toString();
        assertTrue(files.contains(Sha256.hex(test)) && files.contains(Sha256.hex(train))
                && files.contains(Sha256.hex(o.resolve("vae.npz"))), files);
        assertTrue(Files.exists(o.resolve("vae.npz")) && Files.exists(o.resolve("vae.json")));
        assertPng(o.resolve("reconstructions.png"), 4 * (90 + 4) + 4, 0);
        out.getBuffer().setLength(0);
        assertEquals(0, run("experiment", "transfer", "--vae", o.resolve("vae.npz").toString(), "--test-images",
                test.toString(), "--trials", "1", "--batches", "1", "--batch-size", "6", "--test-batch-size", "5",
                "--methods", "mod", "--out", dir.resolve("again").toString()), err.toString());
        assertFalse(Files.exists(dir.resolve("again").resolve("vae.npz")), "a given VAE is reused, not retrained");
    }

    @Test
    void transferRefusesImagesWithoutTestImagesAndTestImagesTheVaeWasTrainedOn() throws IOException {
        Path train = idx(dir.resolve("train.idx"), 60, 1);
        assertEquals(2, run("experiment", "transfer", "--images", train.toString(), "--out", dir.resolve("a").toString()));
        assertTrue(err.toString().contains("needs --test-images"), err.toString());
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertFalse(Files.exists(dir.resolve("a")), "nothing written");
        err.getBuffer().setLength(0);
        Path same = idx(dir.resolve("same.idx"), 40, 1);
        List<String> args = List.of("experiment", "transfer", "--images", train.toString(), "--test-images", same.toString(),
                "--vae-epochs", "1", "--trials", "1", "--batches", "1", "--batch-size", "6", "--test-batch-size", "5",
                "--methods", "mod", "--out", dir.resolve("b").toString());
        assertEquals(2, run(args.toArray(String[]::new)));
        assertTrue(err.toString().contains("16 of the 16 images used are also among the VAE's training images")
                && err.toString().contains("--allow-overlap"), err.toString());
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertFalse(Files.exists(dir.resolve("b").resolve("vae.npz")), "refused before training the VAE");
        List<String> allowed = new ArrayList<>(args);
        allowed.add("--allow-overlap");
        assertEquals(0, run(allowed.toArray(String[]::new)), err.toString());
        JsonObject provenance = JsonParser.parseString(Files.readString(dir.resolve("b").resolve("summary.json")))
                .getAsJsonObject().getAsJsonObject("provenance");
        assertEquals(16, provenance.get("test_images_in_vae_training_set").getAsInt());
    }

    @Test
    void unknownNamesAreOneLineErrorsWithASuggestion() {
        assertEquals(2, run("experiment", "group-sparsty", "--out", dir.resolve("x").toString()));
        assertTrue(err.toString().contains("did you mean 'group-sparsity'"), err.toString());
        assertFalse(Files.exists(dir.resolve("x")), "nothing written");
        err.getBuffer().setLength(0);
        assertEquals(2, run("experiment", "dependencies", "--methods", "fast,ksdv", "--out", dir.resolve("y").toString()));
        assertTrue(err.toString().contains("did you mean 'ksvd'"), err.toString());
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
    }

    @Test
    void rateDistortionMeasuresEveryCodecOnItsOwnFiles() throws IOException {
        Path train = idx(dir.resolve("train.idx"), 120, 1);
        Path test = idx(dir.resolve("test.idx"), 40, 2);
        Path o = dir.resolve("rd");
        assertEquals(0, run("experiment", "rate-distortion", "--images", train.toString(), "--test-images", test.toString(),
                "--vae-epochs", "1", "--trials", "1", "--batches", "2", "--batch-size", "20", "--test-batches", "2",
                "--test-batch-size", "10", "--bit-depths", "2,6", "--jpeg-qualities", "10,90",
                "--methods", "amortized,ksvd:sparsity=2,pca", "--out", o.toString()), err.toString());
        List<String> rows = Files.readAllLines(o.resolve("results.csv"));
        assertEquals(1 + 3 * 2 + 2 + 1, rows.size(), rows.toString());
        assertTrue(rows.stream().anyMatch(r -> r.startsWith("png,lossless,0,20,") && r.contains(",inf,")), rows.toString());
        for (String codec : new String[] {"amortized", "ksvd:sparsity=2", "pca", "jpeg"}) {
            List<String[]> points = rows.stream().filter(r -> r.startsWith(codec + ",")).map(r -> r.split(",")).toList();
            assertEquals(2, points.size(), codec);
            assertTrue(Long.parseLong(points.get(1)[4]) > Long.parseLong(points.get(0)[4])
                    && Double.parseDouble(points.get(1)[9]) > Double.parseDouble(points.get(0)[9]),
                    codec + ": the finer setting costs more and distorts less: " + rows);
        }
        JsonObject summary = JsonParser.parseString(Files.readString(o.resolve("summary.json"))).getAsJsonObject();
        assertTrue(summary.getAsJsonObject("codecs").getAsJsonObject("amortized").get("generative").getAsBoolean());
        assertTrue(summary.getAsJsonObject("codecs").getAsJsonObject("pca").getAsJsonObject("bits_per_image_for")
                .has("psnr_20_db"));
        assertTrue(summary.getAsJsonObject("provenance").get("prior_spec").getAsString().contains("vae.npz"));
        assertPng(o.resolve("rd.png"), 900, 600);
        assertTrue(Files.size(o.resolve("reconstructions.png")) > 0);
        assertTrue(out.toString().contains("bits @ 20 dB"), out.toString());
    }

    @Test
    void rateDistortionRefusesPixelsOutsideTheUnitRangeAndOptionsOfOtherExperiments() throws IOException {
        Path test = idx(dir.resolve("test.idx"), 40, 2);
        Path npy = dir.resolve("train.npy");
        DMatrixRMaj bright = new DMatrixRMaj(3, 64);
        bright.set(1, 5, 1.5);
        Npy.write(npy, bright);
        assertEquals(2, run("experiment", "rate-distortion", "--images", npy.toString(), "--test-images", test.toString(),
                "--out", dir.resolve("a").toString()));
        assertEquals("gendict: --images " + npy + ": pixel 5 of image 1 is 1.5, expected a value in [0, 1]",
                err.toString().strip());
        assertEquals(2, run("experiment", "rate-distortion", "--bits", "4", "--out", dir.resolve("b").toString()));
        assertTrue(err.toString().contains("takes --bit-depths"), err.toString());
        Path train = idx(dir.resolve("train.idx"), 40, 1);
        for (String[] bad : new String[][] {{"--bit-depths", "4,0"}, {"--jpeg-qualities", "101"}}) {
            assertEquals(2, run("experiment", "rate-distortion", "--images", train.toString(), "--test-images",
                    test.toString(), bad[0], bad[1], "--out", dir.resolve("c").toString()));
            List<String> lines = err.toString().strip().lines().toList();
            assertTrue(lines.get(lines.size() - 1).startsWith("gendict: " + bad[0] + ": "), err.toString());
            assertFalse(Files.exists(dir.resolve("c").resolve("vae.npz")), "refused before training the VAE");
        }
    }


    private static Path idx(Path file, int n, long seed) throws IOException {
        SplittableRandom rng = new SplittableRandom(seed);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(bytes);
        data.writeInt(0x00000803);
        data.writeInt(n);
        data.writeInt(8);
        data.writeInt(8);
        for (int i = 0; i < n; i++) {
            int cr = 2 + rng.nextInt(4);
            int cc = 2 + rng.nextInt(4);
            for (int r = 0; r < 8; r++) {
                for (int c = 0; c < 8; c++) {
                    double d2 = (r - cr) * (r - cr) + (c - cc) * (c - cc);
                    data.writeByte((int) Math.round(255 * Math.exp(-d2 / (3 + seed))));
                }
            }
        }
        Files.write(file, bytes.toByteArray());
        return file;
    }
}
