package za.co.proconnectsa.support.internal;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.NoProviderFoundException;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import za.co.proconnectsa.support.SupportException;
import za.co.proconnectsa.support.InvalidInputException;

/** Runs Jakarta Bean Validation and turns violations into {@link InvalidInputException.FieldError}s. */
public final class BeanValidation {

    private final Validator validator;

    private BeanValidation(Validator validator) {
        this.validator = validator;
    }

    /**
     * @param validator the host's validator, or {@code null} to use the default provider
     * @return the adapter
     * @throws SupportException when no validator was given and no provider is on the class path
     */
    public static BeanValidation using(Validator validator) {
        if (validator != null) {
            return new BeanValidation(validator);
        }
        try {
            return new BeanValidation(Validation.buildDefaultValidatorFactory().getValidator());
        } catch (NoProviderFoundException e) {
            throw new SupportException("No Jakarta Bean Validation provider on the class path: add "
                    + "org.hibernate.validator:hibernate-validator and org.glassfish.expressly:expressly, "
                    + "or pass a Validator to SupportDesk.builder().validator(...)", e);
        } catch (jakarta.validation.ValidationException e) {
            throw new SupportException("The Jakarta Bean Validation provider could not start: " + e.getMessage(), e);
        }
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
