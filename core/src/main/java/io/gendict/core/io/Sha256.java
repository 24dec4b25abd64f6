package io.gendict.core.io;

import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 digests of files and byte arrays (32 bytes), e.g. to identify a model or an input file.
 *
 * @since 0.1
 */
public final class Sha256 {
    private Sha256() {
    }

    /**
     * @param file a file
     * @return the SHA-256 of its bytes
     * @throws GendictException IO when it cannot be read
     */
    public static byte[] of(Path file) {
        MessageDigest md = digest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new GendictException(ErrorKind.IO, file + ": cannot read: " + e, e);
        }
        return md.digest();
    }

    /**
     * @param file a file
     * @return the SHA-256 of its bytes as 64 lower-case hex digits
     * @throws GendictException IO when it cannot be read
     */
    public static String hex(Path file) {
        return HexFormat.of().formatHex(of(file));
    }

    /**
     * @param bytes any bytes. Not modified.
     * @return their SHA-256
     */
    public static byte[] of(byte[] bytes) {
        return digest().digest(bytes);
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
