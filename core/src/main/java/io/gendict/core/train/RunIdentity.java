package io.gendict.core.train;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import io.gendict.core.io.Sha256;
import io.gendict.core.model.Checkpoints;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The identity of a learning run, saved in each checkpoint's {@code run.json} beside its settings: the
 * shape of the data it reads ({@code dataShape}) and, for checkpointed runs (the only ones that can be
 * resumed), {@code runId}, the SHA-256 of its settings and of its data file. A resumed run must find
 * both unchanged and must belong to the run that owns the folder.
 *
 * @since 0.1
 */
final class RunIdentity {
    private static final String DATA_SHAPE = "dataShape";
    private static final String RUN_ID = "runId";

    private RunIdentity() {
    }

    /**
     * @param run        the settings
     * @param plan       the run's batches
     * @param checkpoint the checkpoint it resumes, or empty for a new run
     * @return the {@code run.json} of the run's checkpoints
     * @throws GendictException INVALID_INPUT when a resumed run's data or settings no longer match
     */
    static JsonObject describe(RunSettings run, BatchPlan plan, Optional<Checkpoints.Checkpoint> checkpoint) {
        JsonObject runJson = run.toJson();
        runJson.addProperty(DATA_SHAPE, plan.shape());
        JsonElement started = checkpoint.map(c -> c.run().get(DATA_SHAPE)).orElse(null);
        if (started != null && !started.getAsString().equals(plan.shape())) {
            throw new GendictException(ErrorKind.INVALID_INPUT, "--resume " + run.out() + ": the data " + run.data()
                    + " is now " + plan.shape() + ", the run started on " + started.getAsString());
        }
        if (run.checkpointEvery() > 0) {
            runJson.addProperty(RUN_ID, runId(run));
        }
        if (checkpoint.isPresent()) {
            requireSameRun(checkpoint.get(), run, runJson);
        }
        return runJson;
    }

    /**
     * @return the SHA-256 of a run's settings and of its data file (synthetic data follows from the
     *         settings), so that another seed, spec or data gives another id
     */
    private static String runId(RunSettings run) {
        String data = run.data() == null ? "" : Sha256.hex(Path.of(run.data()));
        return HexFormat.of().formatHex(Sha256.of((run.toJson() + "\n" + data).getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Refuses to resume a checkpoint whose run id does not follow from its settings and the data as
     * it is now (the data changed), or that belongs to another run than the one that owns the folder.
     */
    private static void requireSameRun(Checkpoints.Checkpoint checkpoint, RunSettings run, JsonObject runJson) {
        String id = runJson.get(RUN_ID).getAsString();
        String name = run.out() + ": checkpoint-" + checkpoint.batches();
        JsonElement stored = checkpoint.run().get(RUN_ID);
        if (stored != null && !stored.getAsString().equals(id)) {
            throw new GendictException(ErrorKind.INVALID_INPUT, "--resume " + name + " was written by run "
                    + stored.getAsString().substring(0, 12) + ", but its settings and the data now give run "
                    + id.substring(0, 12) + ": the data " + (run.data() == null ? "generator" : "file " + run.data())
                    + " changed");
        }
        Optional<JsonObject> owner = Checkpoints.folderRun(Path.of(run.out()));
        JsonElement ownerId = owner.map(o -> o.get(RUN_ID)).orElse(null);
        if (ownerId != null && !ownerId.getAsString().equals(id)) {
            List<String> differ = new ArrayList<>();
            for (String key : runJson.keySet()) {
                if (!key.equals(RUN_ID) && !String.valueOf(runJson.get(key)).equals(String.valueOf(owner.get().get(key)))) {
                    differ.add(key);
                }
            }
            throw new GendictException(ErrorKind.INVALID_INPUT, "--resume " + name + " belongs to another run than the"
                    + " folder's " + Checkpoints.RUN + " (run " + ownerId.getAsString().substring(0, 12) + "; they differ in "
                    + (differ.isEmpty() ? "the data" : String.join(", ", differ)) + "); remove the checkpoint, or learn"
                    + " anew with --force");
        }
    }
}
