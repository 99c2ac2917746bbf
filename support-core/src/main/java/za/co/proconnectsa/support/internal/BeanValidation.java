package za.co.proconnectsa.support.internal;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import za.co.proconnectsa.support.InvalidInputException;

/**
 * Runs the host's Jakarta Bean Validation validator, when the host passed one, after the desk's own checks, and
 * turns violations into {@link InvalidInputException.FieldError}s. Loaded only then, so jakarta.validation need not
 * be on the class path of a desk without one.
 */
public final class BeanValidation {

    private final Validator validator;

    private BeanValidation(Validator validator) {
        this.validator = validator;
    }

    /**
     * @param validator the host's validator
     * @return the adapter
     */
    public static BeanValidation using(Validator validator) {
        return new BeanValidation(validator);
    }

    /**
     * @param value the object to check, not null
     * @return every field error, sorted by field; empty when valid
     */
    public List<InvalidInputException.FieldError> errors(Object value) {
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<Object> v : validator.validate(value)) {
            errors.add(new InvalidInputException.FieldError(v.getPropertyPath().toString(), v.getMessage()));
        }
        errors.sort(Comparator.comparing(InvalidInputException.FieldError::field)
                .thenComparing(InvalidInputException.FieldError::message));
        return errors;
    }
}
