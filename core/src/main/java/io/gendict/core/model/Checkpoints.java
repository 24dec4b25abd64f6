package io.gendict.core.model;

import com.google.gson.JsonObject;
import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import io.gendict.core.io.AtomicFiles;
import io.gendict.core.io.Npz;
import io.gendict.core.spi.Registry;
import org.ejml.data.DMatrixRMaj;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checkpoints of a learning run inside its model folder. Checkpoint N (after N batches) is the
 * sub-folder {@code checkpoint-N}: a model folder ({@link ModelStore}) plus {@code state.npz} (the
 * learner's whole state) and {@code run.json} (the run's settings), its {@code checksums.sha256}
 * covering these two as well, all verified when read. It is written completely into a hidden
 * temporary folder and then renamed into place in one atomic step, and only then are older
 * checkpoints removed, so a process killed at any moment leaves at least one complete checkpoint
 * (or none before the first). Each checkpoint also rewrites the model folder's own {@code run.json},
 * which names the run that owns the folder, so that {@code --resume} can refuse a checkpoint of
 * another run.
 *
 * @since 0.1
 */
public final class Checkpoints {
    /** The learner state file of a checkpoint. */
    public static final String STATE = "state.npz";
    /** The run settings file of a checkpoint. */
    public static final String RUN = "run.json";
    private static final String PREFIX = "checkpoint-";
    private static final Pattern NAME = Pattern.compile(PREFIX + "(\\d+)");

    private Checkpoints() {
    }

    /**
     * A checkpoint read back.
     *
     * @param batches batches done when it was written
     * @param model   the model at that point, verified
     * @param state   the learner's state
     * @param run     the run's settings
     */
    public record Checkpoint(long batches, ModelStore.Loaded model, Map<String, DMatrixRMaj> state, JsonObject run) {
    }

    /**
     * Writes checkpoint {@code batches} atomically and removes older ones.
     *
     * @param dir     the model folder; created when missing (its parent must exist)
     * @param batches batches done
     * @param model   the model at this point
     * @param state   the learner's state
     * @param run     the run's settings
     * @throws GendictException IO naming the folder when writing fails
     */
    public static void write(Path dir, long batches, Model model, Map<String, DMatrixRMaj> state, JsonObject run) {
        Path target = dir.resolve(PREFIX + batches);
        Path tmp = dir.resolve("." + PREFIX + batches + ".tmp");
        try {
            Files.createDirectories(dir);
            AtomicFiles.deleteTree(tmp);
            Files.createDirectory(tmp);
            Npz.write(tmp.resolve(STATE), state, false);
            ModelFiles.writeJson(tmp.resolve(RUN), run);
            ModelStore.writeFiles(tmp, model, List.of(STATE, RUN));
            if (Files.exists(target)) {
                AtomicFiles.deleteTree(target);
            }
            FolderSwap.move(tmp, target);
            ModelFiles.writeJson(dir.resolve(RUN), run);
        } catch (IOException e) {
            throw new GendictException(ErrorKind.IO, dir + ": cannot write checkpoint " + batches + ": " + e, e);
        } finally {
            AtomicFiles.deleteTree(tmp);
        }
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path p : entries.toList()) {
                long n = number(p);
                String name = p.getFileName().toString();
                if ((n >= 0 && n < batches) || (name.startsWith("." + PREFIX) && !p.equals(tmp))) {
                    AtomicFiles.deleteTree(p);
                }
            }
        } catch (IOException e) {
            throw new GendictException(ErrorKind.IO, dir + ": cannot list: " + e, e);
        }
    }

    /**
     * Reads the newest complete checkpoint of a model folder.
     *
     * @param dir      the model folder
     * @param registry rebuilds the prior
     * @return the checkpoint, or empty when the folder holds none
     * @throws GendictException IO when the folder does not exist; INVALID_INPUT naming a damaged,
     *                          altered or unlisted file
     */
    public static Optional<Checkpoint> latest(Path dir, Registry registry) {
        if (!Files.isDirectory(dir)) {
            throw new GendictException(ErrorKind.IO, dir + ": model folder does not exist");
        }
        Path newest = null;
        long best = -1;
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path p : entries.toList()) {
                long n = number(p);
                if (n > best && Files.isDirectory(p)) {
                    best = n;
                    newest = p;
                }
            }
        } catch (IOException e) {
            throw new GendictException(ErrorKind.IO, dir + ": cannot list: " + e, e);
        }
        if (newest == null) {
            return Optional.empty();
        }
        ModelStore.Loaded model = ModelStore.load(newest, registry, List.of(STATE, RUN));
        Map<String, DMatrixRMaj> state = Npz.read(newest.resolve(STATE));
        JsonObject run = ModelFiles.readJson(newest.resolve(RUN));
        return Optional.of(new Checkpoint(best, model, state, run));
    }

    /**
     * @param dir a model folder
     * @return the settings of the run that last wrote a checkpoint into it, or empty when none has
     * @throws GendictException INVALID_INPUT when its {@code run.json} is malformed
     */
    public static Optional<JsonObject> folderRun(Path dir) {
        Path file = dir.resolve(RUN);
        return Files.isRegularFile(file) ? Optional.of(ModelFiles.readJson(file)) : Optional.empty();
    }

    /**
     * Removes every checkpoint of a model folder, the temporary folders of interrupted ones and the
     * folder's {@code run.json}, so that a new run learning into the folder cannot be resumed as the old one.
     *
     * @param dir the model folder
     * @throws GendictException IO when it cannot be listed
     */
    public static void removeAll(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path p : entries.toList()) {
                String name = p.getFileName().toString();
                if (number(p) >= 0 || name.startsWith("." + PREFIX) || name.equals(RUN)) {
                    AtomicFiles.deleteTree(p);
                }
            }
        } catch (IOException e) {
            throw new GendictException(ErrorKind.IO, dir + ": cannot list: " + e, e);
        }
    }

    private static long number(Path p) {
        Matcher m = NAME.matcher(p.getFileName().toString());
        return m.matches() ? Long.parseLong(m.group(1)) : -1;
    }
}
