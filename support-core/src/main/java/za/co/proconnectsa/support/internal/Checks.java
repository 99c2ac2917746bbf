package za.co.proconnectsa.support.internal;

import za.co.proconnectsa.support.InvalidInputException;

/** Argument checks that fail with the API's own {@link InvalidInputException}, never a bare NullPointerException. */
public final class Checks {

    private Checks() {
    }

    /**
     * @param value a required argument
     * @param field its name, for the error
     * @param <T>   its type
     * @return the value
     * @throws InvalidInputException when it is null
     */
    public static <T> T notNull(T value, String field) {
        if (value == null) {
            throw InvalidInputException.of(field, "must not be null");
        }
        return value;
    }

    /**
     * @param value a required duration that may be zero
     * @param field its name, for the error
     * @return the value
     * @throws InvalidInputException when it is null or negative
     */
    public static java.time.Duration notNegative(java.time.Duration value, String field) {
        if (notNull(value, field).isNegative()) {
            throw InvalidInputException.of(field, "must not be negative, was " + value);
        }
        return value;
    }

    /**
     * @param value a required duration that must be more than zero
     * @param field its name, for the error
     * @return the value
     * @throws InvalidInputException when it is null, zero or negative
     */
    public static java.time.Duration positive(java.time.Duration value, String field) {
        if (notNull(value, field).isNegative() || value.isZero()) {
            throw InvalidInputException.of(field, "must be positive, was " + value);
        }
        return value;
    }

    /**
     * @param value a number
     * @param min   the smallest allowed
     * @param max   the largest allowed
     * @param field its name, for the error
     * @return the value
     * @throws InvalidInputException when it is outside {@code min..max}
     */
    public static int between(int value, int min, int max, String field) {
        if (value < min || value > max) {
            throw InvalidInputException.of(field, "must be " + min + " to " + max + ", was " + value);
        }
        return value;
    }
}
