package za.co.proconnectsa.support;

import za.co.proconnectsa.support.internal.Text;

/**
 * The two rules every string that enters the library follows, so that each store (in memory, H2, PostgreSQL,
 * MariaDB) keeps it exactly as given, or the library refuses it with an {@link InvalidInputException} naming the
 * field and the reason.
 *
 * <ul>
 *   <li><b>Identifiers</b> (actor, requester, assignee and agent ids, idempotency keys, ticket and conversation
 *       numbers, WhatsApp message and contact ids): 1 to {@value #MAX_IDENTIFIER_LENGTH} characters, each a
 *       printable ASCII character other than the space ({@code '!'} U+0021 to {@code '~'} U+007E). Identifiers are
 *       compared exactly, case and all: {@code "abc"} and {@code "ABC"} are two ids on every store. This takes
 *       WhatsApp ids ({@code wamid.HBgL…ZgA=}), phone numbers ({@code +27679518124}), UUIDs and e-mail
 *       addresses ({@code provider-17@example.co.za}); a host whose ids hold other characters encodes them
 *       (for example as hex or URL-safe Base64) before handing them over.</li>
 *   <li><b>Free text</b> (subjects, bodies, replies, notes, names, attachment names and references, search
 *       text): any Unicode text, including emoji, ZWJ sequences, combining marks and right-to-left marks and
 *       overrides, except NUL, the other C0 control characters other than tab, line feed and carriage return,
 *       DEL and the C1 control characters (U+007F to U+009F), and a UTF-16 surrogate that is not half of a
 *       pair. PostgreSQL cannot store NUL and every database driver turns a lone surrogate into {@code '?'},
 *       so such text could not be read back as it was written. Each field also has a length limit in UTF-16
 *       code units ({@link String#length()}), stated in its Javadoc.</li>
 * </ul>
 *
 * <p>A host checks input with these methods before handing it over, for example to show a form error early:
 * <pre>{@code
 * if (!TextRules.isIdentifier(userId)) {
 *     userId = Base64.getUrlEncoder().withoutPadding().encodeToString(userId.getBytes(UTF_8));
 * }
 * String subject = TextRules.truncate(title, 200);   // never splits an emoji
 * }</pre>
 */
public final class TextRules {

    /** The longest identifier, in characters. */
    public static final int MAX_IDENTIFIER_LENGTH = Text.MAX_IDENTIFIER_LENGTH;

    private TextRules() {
    }

    /**
     * Tells whether a string follows the identifier rule.
     *
     * @param value a candidate identifier, or null (which is not one)
     * @return whether it is 1 to {@value #MAX_IDENTIFIER_LENGTH} printable ASCII characters without spaces
     */
    public static boolean isIdentifier(String value) {
        return Text.isIdentifier(value);
    }

    /**
     * Tells whether a string holds only characters every store keeps (it says nothing about length or blankness,
     * which each field states).
     *
     * @param value a candidate free text, or null (which is not one)
     * @return whether every store reads it back exactly
     */
    public static boolean isText(String value) {
        return Text.isText(value);
    }

    /**
     * Shortens a text to at most {@code maxLength} UTF-16 code units without splitting a surrogate pair (an emoji
     * at the cut is left out whole).
     *
     * @param value     the text, or null
     * @param maxLength the longest result; below 1 gives the empty string
     * @return the text, or its longest prefix that fits; null for null
     */
    public static String truncate(String value, int maxLength) {
        return Text.truncate(value, maxLength);
    }
}
