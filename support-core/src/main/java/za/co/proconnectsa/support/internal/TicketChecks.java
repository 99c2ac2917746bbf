package za.co.proconnectsa.support.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import za.co.proconnectsa.support.InvalidInputException.FieldError;
import za.co.proconnectsa.support.ticket.NewTicket;
import za.co.proconnectsa.support.ticket.Reply;

/**
 * The desk's own checks of a submission and a reply, written by hand so that no Bean Validation provider is needed,
 * with messages in plain words from the {@code SupportMessages} bundle, in the desk's locale. Every problem is
 * reported at once, sorted by field.
 */
public final class TicketChecks {

    private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}_-]{1," + NewTicket.MAX_TAG_LENGTH + "}");

    private final SupportTexts texts;

    /** @param texts the desk's texts, for the messages */
    public TicketChecks(SupportTexts texts) {
        this.texts = texts;
    }

    /**
     * @param ticket a submission, not null
     * @return every problem, sorted by field; empty when it may be stored
     */
    public List<FieldError> errors(NewTicket ticket) {
        List<FieldError> errors = new ArrayList<>();
        requiredText(errors, "subject", ticket.subject(), NewTicket.MAX_SUBJECT_LENGTH);
        requiredText(errors, "body", ticket.body(), NewTicket.MAX_BODY_LENGTH);
        required(errors, "priority", ticket.priority());
        required(errors, "origin", ticket.origin());
        identifier(errors, "requesterId", ticket.requesterId());
        identifier(errors, "idempotencyKey", ticket.idempotencyKey());
        if (required(errors, "tags", ticket.tags())) {
            count(errors, "tags", ticket.tags().size(), NewTicket.MAX_TAGS);
            ticket.tags().stream().sorted(Comparator.nullsFirst(Comparator.naturalOrder())).forEach(tag -> {
                if (tag == null || !TAG.matcher(tag).matches()) {
                    errors.add(new FieldError("tags", texts.format("validation.tag", NewTicket.MAX_TAG_LENGTH,
                            tag == null ? "" : Text.truncate(tag, 60))));
                }
            });
        }
        attachments(errors, ticket.attachments());
        return sorted(errors);
    }

    /**
     * @param reply a reply or note, not null
     * @return every problem, sorted by field; empty when it may be stored
     */
    public List<FieldError> errors(Reply reply) {
        List<FieldError> errors = new ArrayList<>();
        requiredText(errors, "body", reply.body(), NewTicket.MAX_BODY_LENGTH);
        required(errors, "visibility", reply.visibility());
        attachments(errors, reply.attachments());
        return sorted(errors);
    }

    private void attachments(List<FieldError> errors, List<?> attachments) {
        if (required(errors, "attachments", attachments)) {
            count(errors, "attachments", attachments.size(), NewTicket.MAX_ATTACHMENTS);
            if (attachments.contains(null)) {
                errors.add(new FieldError("attachments", texts.format("validation.emptyEntry")));
            }
        }
    }

    private boolean required(List<FieldError> errors, String field, Object value) {
        if (value == null) {
            errors.add(new FieldError(field, texts.format("validation.required")));
            return false;
        }
        return true;
    }

    private void requiredText(List<FieldError> errors, String field, String value, int maxLength) {
        if (!required(errors, field, value)) {
            return;
        }
        if (value.isBlank()) {
            errors.add(new FieldError(field, texts.format("validation.blank")));
        } else if (value.length() > maxLength) {
            errors.add(new FieldError(field, texts.format("validation.tooLong", maxLength, value.length())));
        }
        Text.characterProblem(value).ifPresent(problem ->
                errors.add(new FieldError(field, texts.format("validation.characters", problem))));
    }

    private void identifier(List<FieldError> errors, String field, String value) {
        if (value != null) {
            Text.identifierProblem(value).ifPresent(problem ->
                    errors.add(new FieldError(field, texts.format("validation.identifier", Text.MAX_IDENTIFIER_LENGTH,
                            problem))));
        }
    }

    private void count(List<FieldError> errors, String field, int size, int max) {
        if (size > max) {
            errors.add(new FieldError(field, texts.format("validation.tooMany", max, size)));
        }
    }

    private static List<FieldError> sorted(List<FieldError> errors) {
        errors.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::message));
        return errors;
    }
}
