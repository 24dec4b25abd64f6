package io.gendict.core.model;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import io.gendict.core.io.AtomicFiles;
import io.gendict.core.io.FormatException;
import io.gendict.core.io.StrictJson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/** The files of a model folder as {@link ModelStore} and {@link Checkpoints} read and write them: bytes, strict JSON and checksum lists. */
final class ModelFiles {
    private ModelFiles() {
    }

    /** @return file name to SHA-256 hex of a {@code checksums.sha256} text ({@code sha256sum} format), sorted by name */
    static Map<String, String> parseChecksums(Path file, String text) {
        Map<String, String> sums = new TreeMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split(" {2}", 2);
            if (parts.length != 2 || !parts[0].matches("[0-9a-f]{64}") || parts[1].contains("/") || parts[1].contains("\\")) {
                throw new FormatException(file.toString(), "malformed line '" + line + "'");
            }
            sums.put(parts[1], parts[0]);
        }
        return sums;
    }

    /** Writes pretty-printed strict JSON ({@link StrictJson}: NaN and ±∞ as null, named in {@code nonFinite}) atomically. */
    static void writeJson(Path file, JsonObject json) {
        byte[] bytes = StrictJson.toJson(json).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    /** Reads a JSON object, naming the file when it is missing or malformed. */
    static JsonObject readJson(Path file) {
        String text = new String(readBytes(file, "missing"), StandardCharsets.UTF_8);
        try {
            return JsonParser.parseString(text).getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            throw new FormatException(file.toString(), "not a JSON object: " + e.getMessage(), e);
        }
    }

    /** @return the file's bytes; INVALID_INPUT naming the file, followed by {@code ifMissing}, when it is missing */
    static byte[] readBytes(Path file, String ifMissing) {
        if (!Files.isRegularFile(file)) {
            throw new GendictException(ErrorKind.INVALID_INPUT, file + ": " + ifMissing);
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new GendictException(ErrorKind.IO, file + ": cannot read: " + e, e);
        }
    }
}
