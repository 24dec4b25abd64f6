package io.gendict.core.train;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import io.gendict.core.model.Checkpoints;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings of a learning run, saved in each checkpoint's {@code run.json} so that a resumed run
 * takes them from there.
 *
 * @param data            the N×m .npy data file, or {@code null} for synthetic data
 * @param synthetic       the synthetic data spec {@code m=M[,sigma=S]}, or {@code null} for a file
 * @param prior           the prior spec as given (a fresh run re-reads it; a resumed run takes the
 *                        checkpoint's prior)
 * @param method          the method spec
 * @param oracle          the decode oracle spec, or {@code null} (baselines)
 * @param update          the update rule spec, or {@code null} (baselines)
 * @param batchSize       samples per batch, ≥ 1
 * @param batches         batches to train, or −E for E epochs
 * @param seed            root seed
 * @param checkpointEvery batches between checkpoints, 0 for none
 * @param out             the model folder
 * @since 0.1
 */
public record RunSettings(String data, String synthetic, String prior, String method, String oracle, String update,
                          int batchSize, long batches, long seed, int checkpointEvery, String out) {
    /** @return the settings as saved in {@code run.json} (without {@code out}, which is where they are) */
    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("data", data);
        o.addProperty("synthetic", synthetic);
        o.addProperty("prior", prior);
        o.addProperty("method", method);
        o.addProperty("oracle", oracle);
        o.addProperty("update", update);
        o.addProperty("batchSize", batchSize);
        o.addProperty("batches", batches);
        o.addProperty("seed", seed);
        o.addProperty("checkpointEvery", checkpointEvery);
        return o;
    }

    /**
     * @param o   a checkpoint's {@code run.json}
     * @param dir the model folder it was read from
     * @return the settings it holds, {@code out} being {@code dir}
     * @throws GendictException INVALID_INPUT naming the folder when a key is missing or malformed
     */
    public static RunSettings fromJson(JsonObject o, Path dir) {
        try {
            return new RunSettings(text(o, "data"), text(o, "synthetic"), text(o, "prior"), text(o, "method"),
                    text(o, "oracle"), text(o, "update"), o.get("batchSize").getAsInt(), o.get("batches").getAsLong(),
                    o.get("seed").getAsLong(), o.get("checkpointEvery").getAsInt(), dir.toString());
        } catch (RuntimeException e) {
            throw new GendictException(ErrorKind.INVALID_INPUT, dir + ": malformed " + Checkpoints.RUN + ": " + e.getMessage());
        }
    }

    private static String text(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }

    /** @return the run's parameters as recorded in {@code model.json} */
    public Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("data", data != null ? data : "synthetic:" + synthetic);
        p.put("batchSize", Integer.toString(batchSize));
        p.put(batches > 0 ? "batches" : "epochs", Long.toString(Math.abs(batches)));
        p.put("checkpointEvery", Integer.toString(checkpointEvery));
        return p;
    }
}
