package za.co.proconnectsa.support.whatsapp.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Optional;
import za.co.proconnectsa.support.SupportException;
import za.co.proconnectsa.support.InvalidInputException;

/**
 * The verification request Meta sends when a webhook URL is configured: a GET with {@value #MODE}{@code =subscribe},
 * {@value #VERIFY_TOKEN} and {@value #CHALLENGE}. Answer 200 with the challenge as the plain-text body when
 * {@link #verify} returns one, and 403 otherwise.
 *
 * <p>The token comparison takes the same time whatever the token (both sides are hashed, then compared with
 * {@link MessageDigest#isEqual}). The challenge is echoed only when it consists of 1 to {@value #MAX_CHALLENGE_LENGTH}
 * letters, digits, {@code -}, {@code _}, {@code .} or {@code ~} (Meta sends digits), so a forged request cannot
 * make the endpoint reflect markup. Immutable and thread-safe; {@code toString()} never shows the token.
 */
public final class WebhookHandshake {

    /** The query parameter naming the mode; Meta sends {@code subscribe}. */
    public static final String MODE = "hub.mode";
    /** The query parameter carrying the verify token configured in the App Dashboard. */
    public static final String VERIFY_TOKEN = "hub.verify_token";
    /** The query parameter carrying the value to echo. */
    public static final String CHALLENGE = "hub.challenge";
    /** The longest challenge echoed. */
    public static final int MAX_CHALLENGE_LENGTH = 256;

    private final byte[] tokenDigest;

    private WebhookHandshake(byte[] tokenDigest) {
        this.tokenDigest = tokenDigest;
    }

    /**
     * @param verifyToken the verify token entered in the App Dashboard's webhook settings
     * @return a handshake that accepts that token
     * @throws InvalidInputException when the token is null or blank
     */
    public static WebhookHandshake create(String verifyToken) {
        if (verifyToken == null || verifyToken.isBlank()) {
            throw InvalidInputException.of("verifyToken", "must not be blank");
        }
        return new WebhookHandshake(digest(verifyToken));
    }

    /**
     * Checks a verification request given its query parameters.
     *
     * @param queryParams the request's query parameters (first value of each); null counts as empty
     * @return the challenge to echo when the request is a valid subscription for this token; empty otherwise
     */
    public Optional<String> verify(Map<String, String> queryParams) {
        if (queryParams == null) {
            return Optional.empty();
        }
        return verify(queryParams.get(MODE), queryParams.get(VERIFY_TOKEN), queryParams.get(CHALLENGE));
    }

    /**
     * Checks a verification request.
     *
     * @param mode      the {@value #MODE} parameter; must be {@code subscribe}
     * @param token     the {@value #VERIFY_TOKEN} parameter; must equal the configured token
     * @param challenge the {@value #CHALLENGE} parameter
     * @return the challenge to echo when all three are right; empty otherwise (any of them may be null)
     */
    public Optional<String> verify(String mode, String token, String challenge) {
        boolean tokenMatches = token != null && MessageDigest.isEqual(tokenDigest, digest(token));
        if (!tokenMatches || !"subscribe".equals(mode) || !isSafeChallenge(challenge)) {
            return Optional.empty();
        }
        return Optional.of(challenge);
    }

    private static boolean isSafeChallenge(String challenge) {
        if (challenge == null || challenge.isEmpty() || challenge.length() > MAX_CHALLENGE_LENGTH) {
            return false;
        }
        for (int i = 0; i < challenge.length(); i++) {
            char c = challenge.charAt(i);
            boolean ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                    || c == '-' || c == '_' || c == '.' || c == '~';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new SupportException("SHA-256 is not available in this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "WebhookHandshake[verify token hidden]";
    }
}
