package za.co.proconnectsa.support.benchmarks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** A 64-hex-digit fingerprint like the ticket service's (SHA-256 of the lower-cased text); computed once, in setup. */
final class Fingerprint {

    private Fingerprint() {
    }

    static String of(String subject, String body) {
        byte[] text = (subject + "\n" + body).toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
