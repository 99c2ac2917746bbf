package za.co.proconnectsa.support.internal;

import java.util.Optional;
import za.co.proconnectsa.support.InvalidInputException;

/**
 * The text rules of {@link za.co.proconnectsa.support.TextRules}, with the checks the library runs on every
 * field: each refusal is an {@link InvalidInputException} naming the field.
 */
public final class Text {

    /** The longest identifier, in characters. */
    public static final int MAX_IDENTIFIER_LENGTH = 200;

    private Text() {
    }

    /**
     * @param value a candidate identifier
     * @return why it is not an identifier, or empty when it is one
     */
    public static Optional<String> identifierProblem(String value) {
        if (value == null) {
            return Optional.of("must not be null");
        }
        if (value.isEmpty()) {
            return Optional.of("must not be empty");
        }
        if (value.length() > MAX_IDENTIFIER_LENGTH) {
            return Optional.of("must be at most " + MAX_IDENTIFIER_LENGTH + " characters, was " + value.length());
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '!' || c > '~') {
                return Optional.of("must be printable ASCII without spaces ('!' to '~'), but has "
                        + describe(c) + " at index " + i);
            }
        }
        return Optional.empty();
    }

    /**
     * @param value a candidate identifier
     * @return whether it follows the identifier rule
     */
    public static boolean isIdentifier(String value) {
        return identifierProblem(value).isEmpty();
    }

    /**
     * @param value a required identifier
     * @param field its name, for the error
     * @return the value, unchanged
     * @throws InvalidInputException when it does not follow the identifier rule
     */
    public static String identifier(String value, String field) {
        Optional<String> problem = identifierProblem(value);
        if (problem.isPresent()) {
            throw InvalidInputException.of(field, problem.get());
        }
        return value;
    }

    /**
     * A short code kept lower-case, such as a channel's pricing category.
     *
     * @param value     a required identifier
     * @param field     its name, for the error
     * @param maxLength the longest value allowed
     * @return the value in lower case
     * @throws InvalidInputException when it does not follow the identifier rule or is longer than {@code maxLength}
     */
    public static String lowerCaseCode(String value, String field, int maxLength) {
        if (identifier(value, field).length() > maxLength) {
            throw InvalidInputException.of(field, "must be at most " + maxLength + " characters");
        }
        return value.toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * @param value an identifier, or {@code null}
     * @param field its name, for the error
     * @return the value, unchanged
     * @throws InvalidInputException when it is not null and does not follow the identifier rule
     */
    public static String optionalIdentifier(String value, String field) {
        return value == null ? null : identifier(value, field);
    }

    /**
     * Checks only the characters, not blankness or length.
     *
     * @param value a candidate free text, not null
     * @return why it cannot be stored, or empty when it can
     */
    public static Optional<String> characterProblem(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return Optional.of("has a lone surrogate " + describe(c) + " at index " + i);
            }
            if (Character.isLowSurrogate(c)) {
                return Optional.of("has a lone surrogate " + describe(c) + " at index " + i);
            }
            if (isRefusedControl(c)) {
                return Optional.of("has the control character " + describe(c) + " at index " + i
                        + "; only tab, line feed and carriage return are allowed");
            }
        }
        return Optional.empty();
    }

    /**
     * @param value a candidate free text
     * @return whether it is not null and holds only characters every store keeps
     */
    public static boolean isText(String value) {
        return value != null && characterProblem(value).isEmpty();
    }

    /**
     * @param value     a required free text
     * @param field     its name, for the error
     * @param maxLength the longest accepted, in UTF-16 code units
     * @return the value, unchanged
     * @throws InvalidInputException when it is null, blank, too long or holds a refused character
     */
    public static String text(String value, String field, int maxLength) {
        if (value == null) {
            throw InvalidInputException.of(field, "must not be null");
        }
        if (value.isBlank()) {
            throw InvalidInputException.of(field, "must not be blank");
        }
        return characters(value, field, maxLength);
    }

    /**
     * @param value     a free text that may be null (absent) or blank
     * @param field     its name, for the error
     * @param maxLength the longest accepted, in UTF-16 code units
     * @return the value, unchanged
     * @throws InvalidInputException when it is too long or holds a refused character
     */
    public static String optionalText(String value, String field, int maxLength) {
        return value == null ? null : characters(value, field, maxLength);
    }

    /**
     * Shortens a text to at most {@code maxLength} UTF-16 code units without splitting a surrogate pair (an emoji
     * at the cut is left out whole).
     *
     * @param value     the text, or null
     * @param maxLength the longest result; below 1 gives the empty string
     * @return the text, or its longest prefix that fits
     */
    public static String truncate(String value, int maxLength) {
        if (value == null || value.length() <= maxLength) {
            return value;
        }
        if (maxLength < 1) {
            return "";
        }
        int end = maxLength;
        if (Character.isHighSurrogate(value.charAt(end - 1)) && Character.isLowSurrogate(value.charAt(end))) {
            end--;
        }
        return value.substring(0, end);
    }

    private static String characters(String value, String field, int maxLength) {
        if (value.length() > maxLength) {
            throw InvalidInputException.of(field, "must be at most " + maxLength + " characters, was " + value.length());
        }
        Optional<String> problem = characterProblem(value);
        if (problem.isPresent()) {
            throw InvalidInputException.of(field, problem.get());
        }
        return value;
    }

    private static boolean isRefusedControl(char c) {
        if (c < 0x20) {
            return c != '\t' && c != '\n' && c != '\r';
        }
        return c >= 0x7F && c <= 0x9F;
    }

    private static String describe(char c) {
        return String.format("U+%04X", (int) c);
    }
}
