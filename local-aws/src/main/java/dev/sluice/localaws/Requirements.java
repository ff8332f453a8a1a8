package dev.sluice.localaws;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A fully pinned pip requirements file. Every transitive package is pinned so that all
 * machines run the very moto whose behaviour this module's tests verified.
 */
public record Requirements(String text) {

    private static final String MOTO_RESOURCE = "/dev/sluice/localaws/requirements.txt";

    /** The moto server requirements shipped in this jar (module root {@code requirements.txt}). */
    public static Requirements moto() {
        try (InputStream in = Requirements.class.getResourceAsStream(MOTO_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Resource " + MOTO_RESOURCE + " missing from the classpath");
            }
            return new Requirements(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Identifies an installation: the venv is rebuilt only when this changes. */
    public String sha256() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is mandatory in every JRE", e);
        }
    }
}
