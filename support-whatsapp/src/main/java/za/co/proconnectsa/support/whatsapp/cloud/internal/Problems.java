package za.co.proconnectsa.support.whatsapp.cloud.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.InvalidInputException.FieldError;

/** Collects every refused field of one input, then throws them together as one {@link InvalidInputException}. */
public final class Problems {

    private final List<FieldError> errors = new ArrayList<>();

    /**
     * @param text a text
     * @return its length in Unicode characters (code points), as WhatsApp counts them
     */
    public static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    /**
     * Checks a required text: not null, not blank, at most {@code max} characters.
     *
     * @param field the field's name
     * @param value its value
     * @param max   the most characters allowed
     * @return whether the value passed
     */
    public boolean requireText(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            add(field, "must not be blank");
            return false;
        }
        int length = length(value);
        if (length > max) {
            add(field, "must be at most " + max + " characters, was " + length);
            return false;
        }
        return true;
    }

    /**
     * Checks an optional text: null passes; otherwise as {@link #requireText}.
     *
     * @param field the field's name
     * @param value its value, or null
     * @param max   the most characters allowed
     * @return whether the value passed
     */
    public boolean optionalText(String field, String value, int max) {
        return value == null || requireText(field, value, max);
    }

    /**
     * @param ok      the condition that must hold
     * @param field   the field's name
     * @param message why it is refused when the condition fails
     * @return {@code ok}
     */
    public boolean check(boolean ok, String field, String message) {
        if (!ok) {
            add(field, message);
        }
        return ok;
    }

    /**
     * @param field   the field's name
     * @param message why it is refused
     */
    public void add(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    /** @throws InvalidInputException listing every problem, sorted by field, when there is any */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            List<FieldError> sorted = new ArrayList<>(errors);
            sorted.sort(Comparator.comparing(FieldError::field));
            throw new InvalidInputException(sorted);
        }
    }
}
