package za.co.proconnectsa.support.whatsapp;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A strict RFC 3986 percent-decoder for tests, written independently of the code under test: unlike
 * {@link java.net.URLDecoder} it does not turn '+' into a space, and it refuses raw characters that an encoded
 * query value must not contain, malformed escapes and bytes that are not UTF-8.
 */
final class PercentDecoder {

    private PercentDecoder() {
    }

    /** @return the query parameters of the URI's raw query, decoded, in order */
    static Map<String, String> queryParameters(URI uri) {
        Map<String, String> params = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null) {
            return params;
        }
        for (String pair : raw.split("&", -1)) {
            int eq = pair.indexOf('=');
            if (eq < 0) {
                throw new AssertionError("parameter without '=': " + pair);
            }
            String previous = params.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
            if (previous != null) {
                throw new AssertionError("repeated parameter in " + raw);
            }
        }
        return params;
    }

    /** Decodes a percent-encoded value; only unreserved characters may appear raw. */
    static String decode(String encoded) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                if (i + 2 >= encoded.length()) {
                    throw new AssertionError("truncated escape at " + i + " in " + encoded);
                }
                int hi = hex(encoded.charAt(i + 1));
                int lo = hex(encoded.charAt(i + 2));
                bytes.write(hi << 4 | lo);
                i += 2;
            } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                bytes.write(c);
            } else {
                throw new AssertionError("raw '" + c + "' at " + i + " in " + encoded);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new AssertionError("not UTF-8: " + encoded, e);
        }
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        throw new AssertionError("not an upper-case hex digit: " + c);
    }
}
