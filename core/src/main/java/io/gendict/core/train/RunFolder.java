package io.gendict.core.train;

import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import io.gendict.core.model.Checkpoints;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The checks on the model folder a learning run writes into. */
final class RunFolder {
    private RunFolder() {
    }

    /**
     * Refuses an --out folder holding anything but leftovers of interrupted writes (hidden .tmp
     * entries), unless {@code force}, which then removes its checkpoints so no old run can be resumed.
     *
     * @param out   the model folder
     * @param force learn into a folder that already holds files
     */
    static void requireNew(Path out, boolean force) {
        if (!Files.isDirectory(out)) {
            return;
        }
        List<String> held;
        try (Stream<Path> entries = Files.list(out)) {
            held = entries.map(p -> p.getFileName().toString())
                    .filter(name -> !(name.startsWith(".") && name.endsWith(".tmp"))).sorted().toList();
        } catch (IOException e) {
            throw new GendictException(ErrorKind.IO, "--out " + out + ": cannot list: " + e, e);
        }
        if (held.isEmpty()) {
            return;
        }
        if (!force) {
            throw new GendictException(ErrorKind.INVALID_PARAMETER, "--out " + out + ": the folder already holds "
                    + String.join(", ", held.subList(0, Math.min(3, held.size()))) + (held.size() > 3 ? ", …" : "")
                    + "; choose a new or empty folder, or pass --force to learn into it (its checkpoints are removed)");
        }
        Checkpoints.removeAll(out);
    }

    /**
     * @param dir the folder {@code --resume} named
     * @return the error that it does not exist
     */
    static GendictException missing(Path dir) {
        return new GendictException(ErrorKind.IO, "--resume " + dir + ": model folder does not exist");
    }
}
