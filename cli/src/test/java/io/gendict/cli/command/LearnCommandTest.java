package io.gendict.cli.command;

import io.gendict.cli.Main;
import io.gendict.core.data.SyntheticSource;
import io.gendict.core.io.ElementType;
import io.gendict.core.io.Npy;
import io.gendict.core.io.Npz;
import io.gendict.core.model.FolderLock;
import io.gendict.core.spi.GenerativePrior;
import io.gendict.priors.GroupSparsityPriorProvider;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LearnCommandTest {
    static final String PRIOR = "group-sparsity:n=30,k=3";

    @TempDir
    Path dir;

    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return Main.execute(new PrintWriter(out), new PrintWriter(err), args);
    }

    /** Writes n noisy samples of the prior's model in dimension m as float32. */
    static Path data(Path file, GenerativePrior prior, int m, int n, long seed) {
        DMatrixRMaj y = SyntheticSource.builder(prior, m, seed).sigma(0.05).build().next(n).y();
        Npy.write(file, y, ElementType.FLOAT32);
        return file;
    }

    private String s(Path p) {
        return p.toString();
    }

    @Test
    void learnsFromAFileAndUsesTheModel() throws Exception {
        Path y = dir.resolve("y.npy");
        data(y, prior(), 20, 250, 3);
        Path model = dir.resolve("model");
        assertEquals(0, run("learn", "--data", s(y), "--prior", PRIOR, "--batch-size", "50", "--epochs", "2",
                "--seed", "5", "--out", s(model), "--threads", "2"), err.toString());
        assertTrue(out.toString().contains("10 batches"), out.toString());
        for (String f : new String[] {"dictionary.npy", "prior.json", "model.json", "checksums.sha256"}) {
            assertTrue(Files.isRegularFile(model.resolve(f)), f);
        }
        String info = Files.readString(model.resolve("model.json"));
        assertTrue(info.contains("\"samplesSeen\": 500") && info.contains("trainingCurve") && info.contains("javaVersion"), info);
        assertTrue(info.contains("\"recipe\": \"feature-window\""), "fast's recipe for a prior with linear features: " + info);

        Path z = dir.resolve("z.npy");
        assertEquals(0, run("encode", "--model", s(model), "--in", s(y), "--out", s(z), "--digits", "4"), err.toString());
        assertArrayEquals(new int[] {250, 3}, new int[] {Npy.readMatrix(z).numRows, Npy.readMatrix(z).numCols});
        Path yHat = dir.resolve("yhat.npy");
        assertEquals(0, run("decode", "--model", s(model), "--in", s(z), "--out", s(yHat)), err.toString());
        Path den = dir.resolve("den.npy");
        assertEquals(0, run("denoise", "--model", s(model), "--in", s(y), "--out", s(den)), err.toString());
        assertEquals(20, Npy.readMatrix(den).numCols);

        Path packed = dir.resolve("y.gdz");
        assertEquals(0, run("compress", "--model", s(model), "--in", s(y), "--out", s(packed), "--bits", "8"), err.toString());
        assertTrue(out.toString().contains("bits per sample") && out.toString().contains("compression ratio"), out.toString());
        assertTrue(Files.size(packed) < 250L * 20 * 4 / 4, "well under a quarter of the float32 input");
        Path back = dir.resolve("back.npy");
        assertEquals(0, run("decompress", "--model", s(model), "--in", s(packed), "--out", s(back)), err.toString());
        DMatrixRMaj original = Npy.readMatrix(y);
        DMatrixRMaj restored = Npy.readMatrix(back);
        assertEquals(original.numRows, restored.numRows);
        double num = 0;
        double den2 = 0;
        for (int i = 0; i < original.data.length; i++) {
            num += Math.pow(original.data[i] - restored.data[i], 2);
            den2 += original.data[i] * original.data[i];
        }
        assertTrue(num / den2 < 0.5, "relative error " + num / den2);
    }

    /** A small VAE-shaped weight file (encoder fc1, fc21; decoder fc3 ReLU, fc4 sigmoid) named by a JSON layer list. */
    private String vaePrior() throws Exception {
        SplittableRandom rng = new SplittableRandom(4);
        Map<String, DMatrixRMaj> w = new LinkedHashMap<>();
        int[][] shapes = {{4, 6}, {2, 4}, {5, 2}, {6, 5}};
        String[] names = {"fc1", "fc21", "fc3", "fc4"};
        for (int l = 0; l < names.length; l++) {
            DMatrixRMaj weight = new DMatrixRMaj(shapes[l][0], shapes[l][1]);
            DMatrixRMaj bias = new DMatrixRMaj(1, shapes[l][0]);
            weight.data = rng.doubles(weight.data.length, -1, 1).toArray();
            bias.data = rng.doubles(bias.data.length, -0.5, 0.5).toArray();
            w.put(names[l] + ".weight", weight);
            w.put(names[l] + ".bias", bias);
        }
        Path npz = dir.resolve("vae.npz");
        Npz.write(npz, w, false);
        Path json = dir.resolve("vae.json");
        Files.writeString(json, "{\"layers\":[{\"weight\":\"fc3.weight\",\"bias\":\"fc3.bias\",\"activation\":\"relu\"},"
                + "{\"weight\":\"fc4.weight\",\"bias\":\"fc4.bias\",\"activation\":\"sigmoid\"}]}");
        return "mlp:path=" + npz + ",json=" + json + ",layers=1,head=1,encoder=fc1+fc21";
    }

    /** The spec train-vae prints (a JSON layer file, a head and an encoder) learns with amortized (its iterations recorded as the oracle), and the model encodes. */
    @Test
    void learnsWithAVaePriorSpecAsTrainVaePrintsIt() throws Exception {
        DMatrixRMaj y = new DMatrixRMaj(60, 6);
        y.data = new SplittableRandom(5).doubles(y.data.length, 0, 1).toArray();
        Path file = dir.resolve("images.npy");
        Npy.write(file, y, ElementType.FLOAT32);
        Path model = dir.resolve("vae-model");
        assertEquals(0, run("learn", "--data", s(file), "--prior", vaePrior(), "--method", "amortized:iterations=5",
                "--batch-size", "20", "--out", s(model), "--threads", "1"), err.toString());
        assertTrue(out.toString().contains("3 batches"), out.toString());
        assertTrue(Files.readString(model.resolve("model.json")).contains("gauss-newton:iterations=5"),
                "the method's parameters choose the oracle it records");
        Path z = dir.resolve("vae-z.npy");
        assertEquals(0, run("encode", "--model", s(model), "--in", s(file), "--out", s(z)), err.toString());
        assertArrayEquals(new int[] {60, 2}, new int[] {Npy.readMatrix(z).numRows, Npy.readMatrix(z).numCols});
    }

    @Test
    void baselinesStoreSparseCodes() throws Exception {
        Path model = dir.resolve("ksvd");
        assertEquals(0, run("learn", "--synthetic", "m=16", "--prior", PRIOR, "--method", "ksvd", "--atoms", "24",
                "--sparsity", "3", "--batches", "3", "--batch-size", "40", "--out", s(model)), err.toString());
        Path y = dir.resolve("y.npy");
        Npy.write(y, SyntheticSource.builder(prior(), 16, 4).build().next(30).y());
        Path z = dir.resolve("z.npz");
        assertEquals(0, run("encode", "--model", s(model), "--in", s(y), "--out", s(z)), err.toString());
        assertEquals(3, Npz.read(z).get("indices").numCols);
        assertEquals(ElementType.INT32, Npz.readArrays(z).get("indices").type(), "atom indices are integers");
        Path yHat = dir.resolve("yhat.npy");
        assertEquals(0, run("decode", "--model", s(model), "--in", s(z), "--out", s(yHat)), err.toString());
        Path legacy = dir.resolve("z-float64.npz");
        Npz.write(legacy, Npz.read(z), false);
        assertEquals(ElementType.FLOAT64, Npz.readArrays(legacy).get("indices").type());
        Path legacyHat = dir.resolve("yhat-float64.npy");
        assertEquals(0, run("decode", "--model", s(model), "--in", s(legacy), "--out", s(legacyHat)), err.toString());
        assertArrayEquals(Files.readAllBytes(yHat), Files.readAllBytes(legacyHat), "float64 indices of older files decode alike");
        Path packed = dir.resolve("y.gdz");
        assertEquals(0, run("compress", "--model", s(model), "--in", s(y), "--out", s(packed)), err.toString());
        assertEquals(0, run("decompress", "--model", s(model), "--in", s(packed), "--out", s(yHat)), err.toString());
    }

    @Test
    void checkpointingAndResumingAFinishedRunChangeNothing() throws Exception {
        String[] common = {"learn", "--synthetic", "m=12", "--prior", PRIOR, "--method", "algorithm1", "--batch-size", "20",
                "--seed", "9"};
        Path full = dir.resolve("full");
        assertEquals(0, run(concat(common, "--batches", "6", "--out", s(full))), err.toString());
        Path part = dir.resolve("part");
        assertEquals(0, run(concat(common, "--batches", "6", "--checkpoint-every", "2", "--out", s(part))), err.toString());
        assertEquals(0, run("learn", "--resume", s(part)), err.toString());
        assertArrayEquals(Files.readAllBytes(full.resolve("dictionary.npy")), Files.readAllBytes(part.resolve("dictionary.npy")));
    }

    @Test
    void aNewRunWithForceRemovesTheOldRunsCheckpointsSoTheyCannotTakeOver() throws Exception {
        String[] common = {"learn", "--synthetic", "m=12", "--prior", PRIOR, "--method", "algorithm1", "--batch-size", "20",
                "--batches", "4"};
        Path folder = dir.resolve("folder");
        assertEquals(0, run(concat(common, "--seed", "1", "--checkpoint-every", "2", "--out", s(folder))), err.toString());
        assertEquals(2, run(concat(common, "--seed", "2", "--out", s(folder))));
        assertTrue(err.toString().startsWith("gendict: --out " + folder + ": the folder already holds checkpoint-4"),
                err.toString());
        assertEquals(0, run(concat(common, "--seed", "2", "--out", s(folder), "--force")), err.toString());
        byte[] second = Files.readAllBytes(folder.resolve("dictionary.npy"));
        assertEquals(2, run("learn", "--resume", s(folder)));
        assertTrue(err.toString().contains("no checkpoint"), err.toString());
        assertArrayEquals(second, Files.readAllBytes(folder.resolve("dictionary.npy")));
    }

    @Test
    void aFolderInUseByAnotherRunIsRefused() {
        Path folder = dir.resolve("busy");
        try (FolderLock other = FolderLock.acquire(folder)) {
            assertEquals(2, run("learn", "--synthetic", "m=12", "--prior", PRIOR, "--batches", "1", "--out", s(folder)));
            assertTrue(err.toString().startsWith("gendict: " + folder + ": in use by another gendict run (process "),
                    err.toString());
        }
        assertFalse(Files.exists(folder));
        assertEquals(0, run("learn", "--synthetic", "m=12", "--prior", PRIOR, "--batches", "1", "--out", s(folder)),
                err.toString());
        assertFalse(Files.exists(dir.resolve(".busy.lock")));
    }

    @Test
    void resumeRefusesACheckpointOfAnotherRun() throws Exception {
        String[] common = {"learn", "--synthetic", "m=12", "--prior", PRIOR, "--method", "algorithm1", "--batch-size", "20",
                "--checkpoint-every", "2"};
        Path mine = dir.resolve("mine");
        assertEquals(0, run(concat(common, "--batches", "2", "--seed", "1", "--out", s(mine))), err.toString());
        Path other = dir.resolve("other");
        assertEquals(0, run(concat(common, "--batches", "4", "--seed", "2", "--out", s(other))), err.toString());
        Files.move(other.resolve("checkpoint-4"), mine.resolve("checkpoint-4"));
        byte[] before = Files.readAllBytes(mine.resolve("dictionary.npy"));
        assertEquals(2, run("learn", "--resume", s(mine)));
        assertTrue(err.toString().startsWith("gendict: --resume " + mine + ": checkpoint-4 belongs to another run than the"
                + " folder's run.json (run "), err.toString());
        assertTrue(err.toString().contains("they differ in batches, seed)"), err.toString());
        assertEquals(1, err.toString().lines().count());
        assertArrayEquals(before, Files.readAllBytes(mine.resolve("dictionary.npy")));
    }

    @Test
    void resumeRefusesWhenTheDataChanged() throws Exception {
        Path y = data(dir.resolve("y.npy"), prior(), 12, 60, 3);
        Path model = dir.resolve("model");
        assertEquals(0, run("learn", "--data", s(y), "--prior", PRIOR, "--method", "algorithm1", "--batch-size", "20",
                "--checkpoint-every", "1", "--out", s(model)), err.toString());
        data(y, prior(), 12, 60, 4);
        byte[] before = Files.readAllBytes(model.resolve("dictionary.npy"));
        assertEquals(2, run("learn", "--resume", s(model)));
        assertTrue(err.toString().matches("gendict: --resume " + java.util.regex.Pattern.quote(model.toString())
                + ": checkpoint-3 was written by run [0-9a-f]{12}, but its settings and the data now give run [0-9a-f]{12}:"
                + " the data file .*y.npy changed\\R"), err.toString());
        assertArrayEquals(before, Files.readAllBytes(model.resolve("dictionary.npy")));
    }

    @Test
    void reLearningReplacesTheModelFolderAsAWhole() throws Exception {
        String[] common = {"learn", "--synthetic", "m=12", "--prior", PRIOR, "--method", "algorithm1", "--batch-size", "20",
                "--batches", "4", "--checkpoint-every", "2"};
        Path reference = dir.resolve("reference");
        assertEquals(0, run(concat(common, "--seed", "2", "--out", s(reference))), err.toString());
        Path folder = dir.resolve("folder");
        assertEquals(0, run(concat(common, "--seed", "1", "--out", s(folder))), err.toString());
        Files.createDirectories(folder.resolve("model.json.d").resolve("inside"));
        Files.delete(folder.resolve("model.json"));
        Files.move(folder.resolve("model.json.d"), folder.resolve("model.json"));
        assertEquals(0, run(concat(common, "--seed", "2", "--out", s(folder), "--force")), err.toString());
        assertArrayEquals(Files.readAllBytes(reference.resolve("dictionary.npy")),
                Files.readAllBytes(folder.resolve("dictionary.npy")));
        assertTrue(Files.isRegularFile(folder.resolve("model.json")));
        assertTrue(Files.isDirectory(folder.resolve("checkpoint-4")));
        assertEquals(0, run("encode", "--model", s(folder), "--in", s(data(dir.resolve("y.npy"), prior(), 12, 10, 1)),
                "--out", s(dir.resolve("z.npy"))), err.toString());
        try (var beside = Files.list(dir)) {
            assertEquals(List.of(), beside.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList());
        }
    }

    @Test
    void aReplacementKilledBetweenItsRenamesLeavesTheOldModelLoadableAndTheNextRunRestoresIt() throws Exception {
        Path folder = dir.resolve("folder");
        assertEquals(0, run("learn", "--synthetic", "m=12", "--prior", PRIOR, "--batches", "2", "--checkpoint-every", "2",
                "--out", s(folder)), err.toString());
        byte[] old = Files.readAllBytes(folder.resolve("dictionary.npy"));
        Files.move(folder, dir.resolve(".folder.replaced"));
        Path y = data(dir.resolve("y.npy"), prior(), 12, 10, 1);
        assertEquals(0, run("encode", "--model", s(folder), "--in", s(y), "--out", s(dir.resolve("z.npy"))), err.toString());
        assertEquals(0, run("learn", "--resume", s(folder)), err.toString());
        assertTrue(Files.isDirectory(folder) && !Files.exists(dir.resolve(".folder.replaced")));
        assertArrayEquals(old, Files.readAllBytes(folder.resolve("dictionary.npy")));
    }

    static String[] concat(String[] a, String... b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    /** @return the group-sparsity prior of {@link #PRIOR} */
    static GenerativePrior prior() {
        GroupSparsityPriorProvider provider = new GroupSparsityPriorProvider();
        return provider.create(provider.parameters().validate("group-sparsity", Map.of("n", 30, "k", 3)));
    }
}
