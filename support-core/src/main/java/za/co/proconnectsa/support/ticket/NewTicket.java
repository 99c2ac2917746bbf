package za.co.proconnectsa.support.ticket;

import za.co.proconnectsa.support.internal.PhoneMasking;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A ticket as a requester (or an agent on their behalf) submits it. Built with {@link #builder()};
 * it is checked when submitted, so that every problem is reported at once in one
 * {@link za.co.proconnectsa.support.InvalidInputException}.
 *
 * <p>Subject and body are free text, the requester id and the idempotency key identifiers, as
 * {@link za.co.proconnectsa.support.TextRules} defines them: text may hold any Unicode (emoji, right-to-left
 * marks, combining marks) but no control characters other than tab, line feed and carriage return, and no lone
 * surrogates; an identifier is printable ASCII without spaces, compared exactly. Every store keeps what is
 * accepted exactly as given; the subject is stored without its leading and trailing white space.
 *
 * <p>The desk checks a submission itself (no Bean Validation provider is needed) and refuses it with messages in
 * plain words from its {@code SupportMessages} bundle, e.g. {@code subject: is too long: at most 200 characters,
 * this one has 214}.
 *
 * @param subject        a one-line summary, 1 to {@value #MAX_SUBJECT_LENGTH} characters, not blank
 * @param body           the description, 1 to {@value #MAX_BODY_LENGTH} characters, not blank
 * @param category       what it is about, one of the desk's categories; {@code null} when the requester did not
 *                       choose, and then the desk files it under its default category
 *                       ({@link za.co.proconnectsa.support.SupportDesk.Builder#defaultCategory},
 *                       {@link Category#GENERAL} unless the host sets another)
 * @param priority       how urgent it is
 * @param origin         the channel it came in on
 * @param requesterId    for agents submitting on someone's behalf: that person's id (an identifier); {@code null}
 *                       means the submitter
 * @param tags           free labels, at most {@value #MAX_TAGS}, each 1 to {@value #MAX_TAG_LENGTH} letters, digits,
 *                       '-' or '_'
 * @param attachments    files attached, at most {@value #MAX_ATTACHMENTS}
 * @param idempotencyKey a key that makes a retried submission return the first receipt (an identifier), or
 *                       {@code null}
 */
public record NewTicket(
        String subject,
        String body,
        Category category,
        Priority priority,
        OriginChannel origin,
        String requesterId,
        Set<String> tags,
        List<Attachment> attachments,
        String idempotencyKey) {

    /** The longest subject accepted, in characters. */
    public static final int MAX_SUBJECT_LENGTH = 200;

    /** The longest description (and reply) accepted, in characters. */
    public static final int MAX_BODY_LENGTH = 10_000;

    /** The most tags on one ticket. */
    public static final int MAX_TAGS = 20;

    /** The longest tag, in characters. */
    public static final int MAX_TAG_LENGTH = 50;

    /** The most attachments on one ticket or reply. */
    public static final int MAX_ATTACHMENTS = 10;

    /**
     * Copies the collections, unmodifiable (null stays null, and so do null entries, for the desk to report).
     *
     * @param subject a one-line summary, 1 to {@value #MAX_SUBJECT_LENGTH} characters, not blank
     * @param body the description, 1 to {@value #MAX_BODY_LENGTH} characters, not blank
     * @param category what it is about, one of the desk's categories; {@code null} when the requester did not choose, and then the desk files it under its default category ({@link za.co.proconnectsa.support.SupportDesk.Builder#defaultCategory}, {@link Category#GENERAL} unless the host sets another)
     * @param priority how urgent it is
     * @param origin the channel it came in on
     * @param requesterId for agents submitting on someone's behalf: that person's id (an identifier); {@code null} means the submitter
     * @param tags free labels, at most {@value #MAX_TAGS}, each 1 to {@value #MAX_TAG_LENGTH} letters, digits, '-' or '_'
     * @param attachments files attached, at most {@value #MAX_ATTACHMENTS}
     * @param idempotencyKey a key that makes a retried submission return the first receipt (an identifier), or {@code null}
     */
    public NewTicket {
        tags = tags == null ? null : Collections.unmodifiableSet(new LinkedHashSet<>(tags));
        attachments = attachments == null ? null : Collections.unmodifiableList(new ArrayList<>(attachments));
    }

    /**
     * @return a builder with priority NORMAL, origin WEB and no category (the desk's default category unless one
     *         is set)
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link NewTicket}; nothing is checked until it is submitted. */
    public static final class Builder {
        private String subject;
        private String body;
        private Category category;
        private Priority priority = Priority.NORMAL;
        private OriginChannel origin = OriginChannel.WEB;
        private String requesterId;
        private final Set<String> tags = new LinkedHashSet<>();
        private final List<Attachment> attachments = new ArrayList<>();
        private String idempotencyKey;

        private Builder() {
        }

        /**
         * @param subject a one-line summary
         * @return this builder
         */
        public Builder subject(String subject) {
            this.subject = subject;
            return this;
        }

        /**
         * @param body the description
         * @return this builder
         */
        public Builder body(String body) {
            this.body = body;
            return this;
        }

        /**
         * @param category what it is about; {@code null} (the default) for the desk's default category
         * @return this builder
         */
        public Builder category(Category category) {
            this.category = category;
            return this;
        }

        /**
         * @param priority how urgent it is
         * @return this builder
         */
        public Builder priority(Priority priority) {
            this.priority = priority;
            return this;
        }

        /**
         * @param origin the channel it came in on
         * @return this builder
         */
        public Builder origin(OriginChannel origin) {
            this.origin = origin;
            return this;
        }

        /**
         * @param requesterId for agents: the person the ticket is for
         * @return this builder
         */
        public Builder onBehalfOf(String requesterId) {
            this.requesterId = requesterId;
            return this;
        }

        /**
         * @param tag a free label
         * @return this builder
         */
        public Builder tag(String tag) {
            this.tags.add(tag);
            return this;
        }

        /**
         * @param attachment an attached file
         * @return this builder
         */
        public Builder attachment(Attachment attachment) {
            this.attachments.add(attachment);
            return this;
        }

        /**
         * @param idempotencyKey a key unique per intended submission, e.g. a form token
         * @return this builder
         */
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

    /** What was chosen and how much was written; no subject or body (they may hold personal details). */
    @Override
    public String toString() {
        return "NewTicket[category=" + category + ", priority=" + priority + ", origin=" + origin
                + ", subjectLength=" + (subject == null ? 0 : subject.length())
                + ", bodyLength=" + (body == null ? 0 : body.length())
                + ", tags=" + tags + ", attachments=" + (attachments == null ? 0 : attachments.size())
                + ", onBehalfOf=" + PhoneMasking.maskIfPhone(requesterId)
                + ", idempotencyKey=" + (idempotencyKey == null ? "none" : "set") + "]";
    }
}
