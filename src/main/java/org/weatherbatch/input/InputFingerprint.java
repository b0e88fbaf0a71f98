package org.weatherbatch.input;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What an input file held when its run started: a restart reads the file by position, so
 * it must read the same bytes.
 *
 * @param size the file's length in bytes
 * @param sha256 the SHA-256 of its content, in hex
 */
public record InputFingerprint(long size, String sha256) {

    public static InputFingerprint of(Path file) {
        try (DigestInputStream content = new DigestInputStream(Files.newInputStream(file), sha256Digest())) {
            long size = content.transferTo(OutputStream.nullOutputStream());
            return new InputFingerprint(size, HexFormat.of().formatHex(content.getMessageDigest().digest()));
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file.toAbsolutePath(), e);
        }
    }

    /** How the file differs from this, for an operator; empty when it does not. */
    public String changeTo(InputFingerprint now) {
        if (size != now.size) {
            return "it was %,d bytes and is now %,d".formatted(size, now.size);
        }
        return sha256.equals(now.sha256) ? "" : "it has the same size (%,d bytes) but other content".formatted(size);
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
