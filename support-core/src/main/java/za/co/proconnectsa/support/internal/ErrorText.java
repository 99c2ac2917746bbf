package za.co.proconnectsa.support.internal;

import java.util.regex.Pattern;

/**
 * The text of an exception as it may be stored for an operator (a dead letter's reason): type and message, with
 * what looks like a secret or a personal number blanked out, cut to a length. A safeguard, not a licence: a
 * listener should still keep secrets out of its exception messages.
 */
public final class ErrorText {

    private static final Pattern NAMED_SECRET = Pattern.compile(
            "(?i)\\b(password|passwd|pwd|secret|token|access[_-]?token|api[_-]?key|apikey|authorization|signature"
                    + "|client[_-]?secret)(\\s*[=:]\\s*|\"\\s*:\\s*\")([^\\s,;&\"']+)");
    private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer|basic)\\s+[A-Za-z0-9._~+/=-]+");
    private static final Pattern URL_USER_INFO = Pattern.compile("(?i)(://)[^/@\\s]+@");
    private static final Pattern LONG_NUMBER = Pattern.compile("\\+?\\d[\\d -]{5,}\\d");

    private ErrorText() {
    }

    /**
     * @param error     an exception or error
     * @param maxLength the longest text to return, at least 20
     * @return {@code "java.lang.IllegalStateException: mail server down"}, with secrets blanked, at most
     *         {@code maxLength} characters
     */
    public static String describe(Throwable error, int maxLength) {
        if (error == null) {
            return "unknown error";
        }
        String message = error.getMessage();
        String text = error.getClass().getName() + (message == null ? "" : ": " + redact(message));
        return text.length() <= maxLength ? text : text.substring(0, Math.max(0, maxLength - 3)) + "...";
    }

    /**
     * @param text any text
     * @return the text with values of secret-named keys, bearer and basic credentials, user:password in URLs and
     *         runs of seven or more digits (phone, card and account numbers) replaced by {@code ***}
     */
    public static String redact(String text) {
        String out = BEARER.matcher(text).replaceAll("$1 ***");
        out = NAMED_SECRET.matcher(out).replaceAll("$1$2***");
        out = URL_USER_INFO.matcher(out).replaceAll("$1***@");
        return LONG_NUMBER.matcher(out).replaceAll(m -> m.group().replaceAll("\\D", "").length() >= 7 ? "***" : m.group());
    }
}
