package za.co.proconnectsa.support.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/** Normalises request text so that the same request typed twice has the same fingerprint. */
public final class Fingerprints {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private Fingerprints() {
    }

    /**
     * Lower case, accents removed, every run of punctuation and white space collapsed to one space.
     *
     * @param text any text
     * @return the normalised text
     */
    public static String normalise(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        String unaccented = MARKS.matcher(decomposed).replaceAll("");
        return NON_WORD.matcher(unaccented.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    /**
     * @param subject a ticket's subject
     * @param body    its body
     * @return the hex SHA-256 of the normalised subject and body
     */
    public static String of(String subject, String body) {
        String canonical = normalise(subject) + "\n" + normalise(body);
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
