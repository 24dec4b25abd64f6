package io.gendict.core.experiment.rd;

import java.util.Arrays;

/**
 * Sums the sizes of one file per image whose header (leading and trailing bytes around the image
 * data) is the same in every file: the amortised size counts that header once, since a reader that
 * knows it needs only the rest of each file. When the headers differ, every file counts in full.
 */
final class SharedHeader {
    private byte[] header;
    private boolean shared = true;
    private long rest;
    private long files;

    /**
     * @param file   one image's file
     * @param prefix how many leading bytes form its header
     * @param suffix how many trailing bytes do too
     */
    void add(byte[] file, int prefix, int suffix) {
        byte[] header = Arrays.copyOf(file, prefix + suffix);
        System.arraycopy(file, file.length - suffix, header, prefix, suffix);
        if (this.header == null) {
            this.header = header;
        } else if (!Arrays.equals(this.header, header)) {
            shared = false;
        }
        rest += file.length - header.length;
        files += file.length;
    }

    /** @return the shared header's length, 0 when the headers differ */
    long headerBytes() {
        return shared && header != null ? header.length : 0;
    }

    /** @return per-image parts plus one copy of the shared header */
    long bytes() {
        return shared ? rest + headerBytes() : files;
    }

    /** @return every file in full */
    long fileBytes() {
        return files;
    }
}
