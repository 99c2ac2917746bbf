package za.co.proconnectsa.support.internal;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Lower case, accents removed, every run of characters other than letters and digits collapsed to one
 * space, no leading or trailing space. Used for duplicate fingerprints and routing keywords, so that
 * "Café ERROR-500!" and "cafe error 500" read the same.
 */
public final class TextNormaliser {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private TextNormaliser() {
    }

    /**
     * @param text any text, not null
     * @return the normalised text
     */
    public static String normalise(String text) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            if (text.charAt(i) >= 0x80) {
                return normaliseUnicode(text);
            }
        }
        // ASCII fast path: routing normalises every request, so skip Normalizer and regex here
        char[] out = new char[n];
        int len = 0;
        boolean space = true;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                out[len++] = (char) (c + 32);
                space = false;
            } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                out[len++] = c;
                space = false;
            } else if (!space) {
                out[len++] = ' ';
                space = true;
            }
        }
        if (len > 0 && out[len - 1] == ' ') {
            len--;
        }
        return new String(out, 0, len);
    }

    private static String normaliseUnicode(String text) {
        String unaccented = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
        StringBuilder out = new StringBuilder(unaccented.length());
        boolean space = true;
        for (int i = 0; i < unaccented.length(); ) {
            int cp = unaccented.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                out.appendCodePoint(Character.toLowerCase(cp));
                space = false;
            } else if (!space) {
                out.append(' ');
                space = true;
            }
        }
        int len = out.length();
        if (len > 0 && out.charAt(len - 1) == ' ') {
            out.setLength(len - 1);
        }
        return out.toString();
    }
}
