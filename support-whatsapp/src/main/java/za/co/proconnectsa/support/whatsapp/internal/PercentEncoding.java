package za.co.proconnectsa.support.whatsapp.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import za.co.proconnectsa.support.InvalidInputException;

/**
 * RFC 3986 percent-encoding of a query value as UTF-8. Only the unreserved characters
 * {@code A-Z a-z 0-9 - . _ ~} stay as they are; everything else, space included, becomes {@code %XX} with
 * upper-case hex. A space is therefore {@code %20}, never '+', and {@code + & # % = ?} and line breaks
 * cannot end or split the value.
 */
public final class PercentEncoding {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PercentEncoding() {
    }

    /**
     * @param text  the text to encode
     * @param field the field name for the error
     * @return the encoded text, pure ASCII
     * @throws InvalidInputException when the text is not valid Unicode (a lone surrogate cannot be sent as UTF-8)
     */
    public static String encode(String text, String field) {
        ByteBuffer bytes;
        try {
            bytes = StandardCharsets.UTF_8.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).encode(CharBuffer.wrap(text));
        } catch (CharacterCodingException e) {
            throw InvalidInputException.of(field, "is not valid Unicode text (it has a lone surrogate character)");
        }
        StringBuilder out = new StringBuilder(bytes.remaining() * 3);
        while (bytes.hasRemaining()) {
            int c = bytes.get() & 0xff;
            if (isUnreserved(c)) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return out.toString();
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }
}
