package za.co.proconnectsa.support.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Fingerprints of request text, so that the same request typed twice is recognised. */
public final class Fingerprints {

    private Fingerprints() {
    }

    /**
     * @param subject a ticket's subject
     * @param body    its body
     * @return the hex SHA-256 of the normalised subject and body
     */
    public static String of(String subject, String body) {
        return sha256Hex(TextNormaliser.normalise(subject) + "\n" + TextNormaliser.normalise(body));
    }

    /**
     * @param text any text
     * @return the hex SHA-256 of its UTF-8 bytes
     */
    public static String sha256Hex(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
