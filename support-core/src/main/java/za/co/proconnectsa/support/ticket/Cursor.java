package za.co.proconnectsa.support.ticket;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import za.co.proconnectsa.support.InvalidInputException;

/**
 * An opaque position in a list of tickets, handed out with a {@link Page} and passed back to get the
 * next page. Hosts put its {@link #token()} in a URL and read it back with {@link #parse(String)}.
 *
 * @param token the opaque text form
 */
public record Cursor(String token) {

    private static final String VERSION = "t1:";

    /** @param token the opaque text form; checked */
    public Cursor {
        decode(token);
    }

    /**
     * Reads a token that came back from a client.
     *
     * @param token the text form
     * @return the cursor
     * @throws InvalidInputException when the token was not made by this library
     */
    public static Cursor parse(String token) {
        return new Cursor(token);
    }

    /**
     * For stores and the library: the cursor after the ticket with this sequence value.
     *
     * @param sequence the last ticket's {@link TicketNumber#sequence()}
     * @return the cursor
     */
    public static Cursor after(long sequence) {
        String raw = VERSION + sequence;
        return new Cursor(Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8)));
    }

    /** @return the sequence value of the last ticket of the previous page */
    public long sequence() {
        return decode(token);
    }

    private static long decode(String token) {
        if (token == null || token.isEmpty() || token.length() > 64) {
            throw InvalidInputException.of("cursor", "is not a valid page cursor");
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (!raw.startsWith(VERSION)) {
                throw InvalidInputException.of("cursor", "is not a valid page cursor");
            }
            long sequence = Long.parseLong(raw.substring(VERSION.length()));
            if (sequence < 0) {
                throw InvalidInputException.of("cursor", "is not a valid page cursor");
            }
            return sequence;
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("cursor", "is not a valid page cursor");
        }
    }

    @Override
    public String toString() {
        return token;
    }
}
