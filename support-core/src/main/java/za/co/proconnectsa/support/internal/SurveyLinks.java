package za.co.proconnectsa.support.internal;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import za.co.proconnectsa.support.satisfaction.SurveySettings;

/** Signs and checks the survey links: the token is the ticket number, a dot and an HMAC-SHA256 of it. */
public final class SurveyLinks {

    private static final byte[] NOTHING = new byte[0];

    private final SurveySettings settings;

    /** @param settings the answer page and the key */
    public SurveyLinks(SurveySettings settings) {
        this.settings = settings;
    }

    /** @return the ticket's signed answer link */
    public URI link(String ticketNumber) {
        String page = settings.answerPage().toString();
        return URI.create(page + (settings.answerPage().getRawQuery() == null ? "?" : "&") + "t="
                + URLEncoder.encode(token(ticketNumber), StandardCharsets.UTF_8));
    }

    /** @return the token for a ticket */
    String token(String ticketNumber) {
        return ticketNumber + "." + Signatures.hmacSha256Hex(settings.linkSecret(), "csat." + ticketNumber, NOTHING);
    }

    /**
     * @param token a token as received
     * @return the ticket number it was signed for, or empty when this desk did not sign it
     */
    public Optional<String> verify(String token) {
        if (token == null || token.length() > 300) {
            return Optional.empty();
        }
        int dot = token.lastIndexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String number = token.substring(0, dot);
        boolean same = MessageDigest.isEqual(token(number).getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8));
        return same ? Optional.of(number) : Optional.empty();
    }
}
