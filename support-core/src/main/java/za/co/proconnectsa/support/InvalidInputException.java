package za.co.proconnectsa.support;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Input was refused. Every problem found is listed in {@link #fieldErrors()}, so a form can show
 * them all at once; nothing was stored.
 */
public class InvalidInputException extends SupportException {

    private static final long serialVersionUID = 1L;

    /** One refused field: its name (a property path such as {@code attachments[0].name}) and why. */
    public record FieldError(String field, String message) {
        /**
         * Creates a field error.
         *
         * @param field   the property path of the refused field
         * @param message why it was refused, in words a user can read
         */
        public FieldError {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(message, "message");
        }

        @Override
        public String toString() {
            return field + ": " + message;
        }
    }

    /** The field errors, as {@link #fieldErrors()} returns it. */
    private final List<FieldError> fieldErrors;

    /**
     * Creates an exception for a list of field errors.
     *
     * @param fieldErrors at least one field error
     */
    public InvalidInputException(List<FieldError> fieldErrors) {
        super(describe(fieldErrors));
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    /**
     * Creates an exception for one field.
     *
     * @param field   the property path of the refused field
     * @param message why it was refused
     * @return the exception, to be thrown by the caller
     */
    public static InvalidInputException of(String field, String message) {
        return new InvalidInputException(List.of(new FieldError(field, message)));
    }

    /**
     * Returns every refused field, in a stable order (sorted by field name).
     *
     * @return the field errors, never empty
     */
    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    private static String describe(List<FieldError> errors) {
        if (errors == null || errors.isEmpty()) {
            throw new IllegalArgumentException("an InvalidInputException needs at least one field error");
        }
        return "Invalid input: " + errors.stream().map(FieldError::toString).collect(Collectors.joining("; "));
    }
}
