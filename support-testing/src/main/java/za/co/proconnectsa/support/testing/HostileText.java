package za.co.proconnectsa.support.testing;

import java.util.List;

/**
 * Strings that find the edges of text handling, for tests of anything that stores or compares text: text every
 * store must keep exactly, text and ids the library must refuse, and ids that differ only in ways a database
 * might ignore. The rules they test are those of {@link za.co.proconnectsa.support.TextRules}.
 */
public final class HostileText {

    /** Free text every store keeps exactly: emoji, ZWJ sequences, combining marks, RTL overrides, line breaks. */
    public static final List<String> KEPT_TEXT = List.of(
            "Hallo, is julle oop? 🙂",
            "family 👨\u200D👩\u200D👧\u200D👦 and a flag 🇿🇦 and a wave 👋🏽",
            "combining e\u0301 and a\u0308\u0323 and Zalgo z\u0351\u0346\u035B",
            "invoice \u202Egpj.exe\u202C with a right-to-left override and \u200F mark",
            "مرحبا، لدي مشكلة في الفاتورة",
            "日本語のテキストと한국어",
            "line one\nline two\r\n\ttabbed\rcarriage",
            "trailing spaces and a tab \t ",
            "  leading spaces",
            "𝒜𝓁𝓁 astral letters 𐍈 and the replacement character \uFFFD",
            "no-break\u00A0space, line\u2028separator, zero\u200Bwidth, BOM\uFEFF",
            "quotes ' \" ` and backslash \\ and percent % underscore _ and SQL '); DROP TABLE x; --",
            "UPPER lower MiXeD",
            "\uD83D\uDE00");

    /** Free text every entry point refuses: NUL, other C0 and C1 controls, DEL and lone surrogates. */
    public static final List<String> REFUSED_TEXT = List.of(
            "NUL \u0000 inside",
            "\u0000",
            "bell \u0007",
            "escape \u001B[31m red",
            "vertical tab \u000B and form feed \u000C",
            "delete \u007F",
            "next line \u0085 (C1)",
            "C1 \u009B",
            "lone high \uD83D",
            "lone low \uDE00 surrogate",
            "reversed pair \uDE00\uD83D",
            "\uDBFF");

    /** Real identifiers that every entry point accepts. */
    public static final List<String> KEPT_IDS = List.of(
            "wamid.HBgLMjc2Nzk1MTgxMjQVAgASGBQzQTdBQjVFNzE2RjBBMUQ0MEE2RgA=",
            "+27679518124",
            "27679518124",
            "3f2504e0-4f89-11d3-9a0c-0305e82c3301",
            "provider-17@example.co.za",
            "US.13491208655302741918",
            "a".repeat(200),
            "!#$%&'()*+,-./:;<=>?@[\\]^_`{|}~");

    /** Identifiers every entry point refuses: blank, spaced, too long, non-ASCII, controls, lone surrogates. */
    public static final List<String> REFUSED_IDS = List.of(
            "",
            " ",
            "provider-17 ",
            " provider-17",
            "provider 17",
            "provider-17\t",
            "provider-17\u0000",
            "provider-17\uD800",
            "provider-17\uDC00",
            "zoë",
            "provider\u202E71",
            "provider-17\u00A0",
            "😀",
            "a".repeat(201));

    private HostileText() {
    }

    /**
     * @param id a lower-case identifier with letters
     * @return ids a case-insensitive or pad-space comparison would take for it, each a different id: upper case,
     *         title case and the id with a dot appended
     */
    public static List<String> lookAlikes(String id) {
        return List.of(id, id.toUpperCase(java.util.Locale.ROOT),
                Character.toUpperCase(id.charAt(0)) + id.substring(1), id + ".");
    }

    /**
     * A random text that mixes the hard corners of Unicode: ASCII, C0 and C1 controls, lone and paired
     * surrogates, emoji with ZWJ and skin tones, combining marks, bidirectional controls, CJK, noncharacters and
     * white space. Most such texts break a rule; some do not.
     *
     * @param random the source, seeded for a repeatable test
     * @param pieces how many pieces to join
     * @return the text
     */
    public static String randomText(java.util.Random random, int pieces) {
        String[] corners = {"a", "Z", "7", " ", "\t", "\n", "\r", "'", "%", "_", "\\", "\u0000", "\u0001", "\u001F",
            "\u007F", "\u0085", "\u009F", "\u00A0", "\u00E9", "e\u0301", "\u0308", "\u200B", "\u200D", "\u200E",
            "\u200F", "\u202A", "\u202E", "\u2066", "\u2028", "\uFEFF", "\uFFFD", "\uFFFE", "\uFFFF", "\uD83D",
            "\uDE00", "\uD83D\uDE00", "\uD83D\uDC4B\uD83C\uDFFD", "👨\u200D👩\u200D👧", "🇿🇦", "日本", "مرحبا",
            "\uDB7F\uDFFF", "\uDBFF\uDFFF", "𝒜"};
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pieces; i++) {
            out.append(corners[random.nextInt(corners.length)]);
        }
        return out.toString();
    }

    /**
     * @param text any text
     * @return its UTF-16 code units as {@code U+XXXX}, for a failure message that shows what was invisible
     */
    public static String codes(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            out.append(i == 0 ? "" : " ").append(String.format("U+%04X", (int) text.charAt(i)));
        }
        return out.toString();
    }

    /** @return a string of ten million characters, far beyond every limit */
    public static String tenMegabytes() {
        return "x".repeat(10_000_000);
    }
}
