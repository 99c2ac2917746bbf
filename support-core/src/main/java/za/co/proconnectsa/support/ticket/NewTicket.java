package za.co.proconnectsa.support.ticket;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A ticket as a requester (or an agent on their behalf) submits it. Built with {@link #builder()};
 * it is checked when submitted, so that every problem is reported at once in one
 * {@link za.co.proconnectsa.support.InvalidInputException}.
 *
 * <p>Subject and body are free text, the requester id and the idempotency key identifiers, as
 * {@link za.co.proconnectsa.support.internal.Text} defines them: text may hold any Unicode (emoji, right-to-left
 * marks, combining marks) but no control characters other than tab, line feed and carriage return, and no lone
 * surrogates; an identifier is printable ASCII without spaces, compared exactly. Every store keeps what is
 * accepted exactly as given; the subject is stored without its leading and trailing white space.
 *
 * @param subject        a one-line summary, 1 to 200 characters
 * @param body           the description, 1 to {@value #MAX_BODY_LENGTH} characters
 * @param category       what it is about; must be known to the desk
 * @param priority       how urgent it is
 * @param origin         the channel it came in on
 * @param requesterId    for agents submitting on someone's behalf: that person's id (an identifier); {@code null}
 *                       means the submitter
 * @param tags           free labels, at most 20, each 1 to 50 characters of letters, digits, '-' or '_'
 * @param attachments    files attached, at most 10
 * @param idempotencyKey a key that makes a retried submission return the first receipt (an identifier), or
 *                       {@code null}
 */
public record NewTicket(
        @NotBlank @Size(max = 200) String subject,
        @NotBlank @Size(max = MAX_BODY_LENGTH) String body,
        @NotNull Category category,
        @NotNull Priority priority,
        @NotNull OriginChannel origin,
        @Size(min = 1, max = 200) String requesterId,
        @NotNull @Size(max = 20) Set<@NotNull @Pattern(regexp = "[\\p{L}\\p{N}_-]{1,50}") String> tags,
        @NotNull @Size(max = 10) List<@NotNull @Valid Attachment> attachments,
        @Size(min = 1, max = 200) String idempotencyKey) {

    /** The longest description accepted, in characters. */
    public static final int MAX_BODY_LENGTH = 10_000;

    /** Copies the collections (null stays null, for the validator to report). */
    public NewTicket {
        tags = tags == null ? null : Set.copyOf(tags);
        attachments = attachments == null ? null : List.copyOf(attachments);
    }

    /** @return a builder with priority NORMAL, category GENERAL and origin WEB */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link NewTicket}; nothing is checked until it is submitted. */
    public static final class Builder {
        private String subject;
        private String body;
        private Category category = Category.GENERAL;
        private Priority priority = Priority.NORMAL;
        private OriginChannel origin = OriginChannel.WEB;
        private String requesterId;
        private final Set<String> tags = new LinkedHashSet<>();
        private final List<Attachment> attachments = new ArrayList<>();
        private String idempotencyKey;

        private Builder() {
        }

        /** @param subject a one-line summary @return this builder */
        public Builder subject(String subject) {
            this.subject = subject;
            return this;
        }

        /** @param body the description @return this builder */
        public Builder body(String body) {
            this.body = body;
            return this;
        }

        /** @param category what it is about @return this builder */
        public Builder category(Category category) {
            this.category = category;
            return this;
        }

        /** @param priority how urgent it is @return this builder */
        public Builder priority(Priority priority) {
            this.priority = priority;
            return this;
        }

        /** @param origin the channel it came in on @return this builder */
        public Builder origin(OriginChannel origin) {
            this.origin = origin;
            return this;
        }

        /** @param requesterId for agents: the person the ticket is for @return this builder */
        public Builder onBehalfOf(String requesterId) {
            this.requesterId = requesterId;
            return this;
        }

        /** @param tag a free label @return this builder */
        public Builder tag(String tag) {
            this.tags.add(tag);
            return this;
        }

        /** @param attachment an attached file @return this builder */
        public Builder attachment(Attachment attachment) {
            this.attachments.add(attachment);
            return this;
        }

        /** @param idempotencyKey a key unique per intended submission, e.g. a form token @return this builder */
        public Builder idempotencyKey(String idempotencyKey) {
            this.idempotencyKey = idempotencyKey;
            return this;
        }

        /** @return the new ticket, not yet checked */
        public NewTicket build() {
            return new NewTicket(subject, body, category, priority, origin, requesterId,
                    new LinkedHashSet<>(tags), attachments, idempotencyKey);
        }
    }
}
