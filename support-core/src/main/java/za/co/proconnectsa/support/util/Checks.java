package za.co.proconnectsa.support.util;

import za.co.proconnectsa.support.ValidationException;

/** Argument checks that fail with the API's own {@link ValidationException}, never a bare NullPointerException. */
public final class Checks {

    private Checks() {
    }

    /**
     * @param value a required argument
     * @param field its name, for the error
     * @param <T>   its type
     * @return the value
     * @throws ValidationException when it is null
     */
    public static <T> T notNull(T value, String field) {
        if (value == null) {
            throw ValidationException.of(field, "must not be null");
        }
        return value;
    }

    /**
     * @param value a required duration that may be zero
     * @param field its name, for the error
     * @return the value
     * @throws ValidationException when it is null or negative
     */
    public static java.time.Duration notNegative(java.time.Duration value, String field) {
        if (notNull(value, field).isNegative()) {
            throw ValidationException.of(field, "must not be negative, was " + value);
        }
        return value;
    }
}
