package za.co.proconnectsa.support.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import za.co.proconnectsa.support.InvalidInputException.FieldError;
import za.co.proconnectsa.support.ticket.NewTicket;
import za.co.proconnectsa.support.ticket.Reply;
import za.co.proconnectsa.support.internal.Text;

/**
 * The {@link Text} rules over a submission or a reply, reported as field errors beside the bean validator's. Only
 * the characters are checked here: null, blank and length are the bean validator's to report, once.
 */
public final class TextFields {

    private TextFields() {
    }

    /**
     * @param ticket a submission
     * @return a field error for each text that holds a refused character or id that is not an identifier
     */
    public static List<FieldError> errors(NewTicket ticket) {
        List<FieldError> errors = new ArrayList<>();
        text(errors, "subject", ticket.subject());
        text(errors, "body", ticket.body());
        identifier(errors, "requesterId", ticket.requesterId());
        identifier(errors, "idempotencyKey", ticket.idempotencyKey());
        return errors;
    }

    /**
     * @param reply a reply or note
     * @return a field error when its body holds a refused character
     */
    public static List<FieldError> errors(Reply reply) {
        List<FieldError> errors = new ArrayList<>();
        text(errors, "body", reply.body());
        return errors;
    }

    private static void text(List<FieldError> errors, String field, String value) {
        if (value != null) {
            Text.characterProblem(value).ifPresent(p -> errors.add(new FieldError(field, p)));
        }
    }

    private static void identifier(List<FieldError> errors, String field, String value) {
        // empty and too long are the bean validator's @Size to report
        if (value != null && !value.isEmpty() && value.length() <= Text.MAX_IDENTIFIER_LENGTH) {
            Optional<String> problem = Text.identifierProblem(value);
            problem.ifPresent(p -> errors.add(new FieldError(field, p)));
        }
    }
}
