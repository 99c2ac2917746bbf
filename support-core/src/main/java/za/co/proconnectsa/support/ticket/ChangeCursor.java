package za.co.proconnectsa.support.ticket;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import za.co.proconnectsa.support.InvalidInputException;

/**
 * An opaque position in the stream of ticket changes, for a dashboard that polls what changed since it last looked
 * ({@link TicketService#changesSince}). Hosts keep its {@link #token()} (in the page, a URL or a session) and read it
 * back with {@link #parse(String)}. Positions follow commit order: a change that commits later always comes after
 * a cursor handed out earlier, so polling never skips one.
 *
 * @param token the opaque text form
 */
public record ChangeCursor(String token) {

    private static final String VERSION = "c1:";

    /** @param token the opaque text form; checked */
    public ChangeCursor {
        decode(token);
    }

    /** @return the cursor before every change ever made */
    public static ChangeCursor start() {
        return after(0);
    }

    /**
     * Reads a token that came back from a client.
     *
     * @param token the text form
     * @return the cursor
     * @throws InvalidInputException when the token was not made by this library
     */
    public static ChangeCursor parse(String token) {
        return new ChangeCursor(token);
    }

    /**
     * For stores and the library: the cursor after the change at this position.
     *
     * @param position a change position, 0 for the start
     * @return the cursor
     */
    public static ChangeCursor after(long position) {
        String raw = VERSION + position;
        return new ChangeCursor(Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8)));
    }

    /** @return the position of the last change seen, 0 at the start */
    public long position() {
        return decode(token);
    }

    private static long decode(String token) {
        if (token == null || token.isEmpty() || token.length() > 64) {
            throw InvalidInputException.of("cursor", "is not a valid change cursor");
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (!raw.startsWith(VERSION)) {
                throw InvalidInputException.of("cursor", "is not a valid change cursor");
            }
            long position = Long.parseLong(raw.substring(VERSION.length()));
            if (position < 0) {
                throw InvalidInputException.of("cursor", "is not a valid change cursor");
            }
            return position;
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("cursor", "is not a valid change cursor");
        }
    }

    @Override
    public String toString() {
        return token;
    }
}
