package za.co.proconnectsa.support.testing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.ticket.Attachment;
import za.co.proconnectsa.support.ticket.AuditAction;
import za.co.proconnectsa.support.ticket.AuditEvent;
import za.co.proconnectsa.support.ticket.Category;
import za.co.proconnectsa.support.ticket.Message;
import za.co.proconnectsa.support.ticket.OriginChannel;
import za.co.proconnectsa.support.ticket.Priority;
import za.co.proconnectsa.support.ticket.Ticket;
import za.co.proconnectsa.support.ticket.TicketId;
import za.co.proconnectsa.support.ticket.TicketNumberFormat;
import za.co.proconnectsa.support.ticket.TicketStatus;
import za.co.proconnectsa.support.ticket.Visibility;

/**
 * Builds valid {@link Ticket}, {@link Message} and {@link AuditEvent} values for tests that talk to a
 * {@link TicketStore} directly. Ticket numbers come from the store's {@link TicketStore#nextSequence()}
 * in {@link TicketNumberFormat#DEFAULT}; every instant comes from the clock, truncated to microseconds
 * (the precision every store keeps). Nothing is written to the store.
 */
public final class TicketFixtures {

    private final TicketStore store;
    private final Clock clock;

    private TicketFixtures(TicketStore store, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param store the store that hands out ticket numbers
     * @param clock where instants come from
     * @return fixtures for that store
     */
    public static TicketFixtures forStore(TicketStore store, Clock clock) {
        return new TicketFixtures(store, clock);
    }

    /** @return the clock's current instant, truncated to microseconds */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * A NEW ticket at version 1, GENERAL, NORMAL, from the web, unassigned, without tags or attachments,
     * created now.
     *
     * @param requesterId the requester's id
     * @param subject     the subject
     * @param body        the body
     * @return the ticket, with a fresh number from the store
     */
    public Ticket newTicket(String requesterId, String subject, String body) {
        return ticket(requesterId, subject, body).build();
    }

    /**
     * Starts a ticket with the defaults of {@link #newTicket}; change what the test needs, then
     * {@link TicketBuilder#build()}.
     *
     * @param requesterId the requester's id
     * @param subject     the subject
     * @param body        the body
     * @return a builder
     */
    public TicketBuilder ticket(String requesterId, String subject, String body) {
        return new TicketBuilder(requesterId, subject, body);
    }

    /**
     * @param ticket      the ticket it belongs to
     * @param author      who wrote it
     * @param body        the text
     * @param visibility  who may read it
     * @param attachments files attached to it
     * @return a message with a random id, written now
     */
    public Message message(Ticket ticket, Actor author, String body, Visibility visibility, Attachment... attachments) {
        return new Message(UUID.randomUUID(), ticket.id(), author, body, visibility, List.of(attachments), now());
    }

    /**
     * @param ticket the ticket that changed
     * @param actor  who changed it
     * @param action what changed
     * @param before the value before, or {@code null}
     * @param after  the value after, or {@code null}
     * @return a public audit event, happening now
     */
    public AuditEvent audit(Ticket ticket, Actor actor, AuditAction action, String before, String after) {
        return audit(ticket, actor, action, before, after, Visibility.PUBLIC);
    }

    /**
     * @param ticket     the ticket that changed
     * @param actor      who changed it
     * @param action     what changed
     * @param before     the value before, or {@code null}
     * @param after      the value after, or {@code null}
     * @param visibility whether requesters see it
     * @return an audit event, happening now
     */
    public AuditEvent audit(Ticket ticket, Actor actor, AuditAction action, String before, String after,
            Visibility visibility) {
        return new AuditEvent(ticket.id(), actor, action, before, after, visibility, now());
    }

    /**
     * A stable fingerprint of a request's text: the hex SHA-256 of the lower-cased subject and body.
     * Equal text (ignoring case) gives an equal fingerprint.
     *
     * @param subject a subject
     * @param body    a body
     * @return 64 hex digits
     */
    public static String fingerprint(String subject, String body) {
        byte[] text = (subject + "\n" + body).toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** Builds one ticket; the number is taken from the store by {@link #build()}. */
    public final class TicketBuilder {
        private final String requesterId;
        private final String subject;
        private final String body;
        private Category category = Category.GENERAL;
        private Priority priority = Priority.NORMAL;
        private OriginChannel origin = OriginChannel.WEB;
        private TicketStatus status = TicketStatus.NEW;
        private String assigneeId;
        private Set<String> tags = Set.of();
        private List<Attachment> attachments = List.of();
        private Instant createdAt;
        private Instant updatedAt;
        private Instant firstRespondedAt;

        private TicketBuilder(String requesterId, String subject, String body) {
            this.requesterId = requesterId;
            this.subject = subject;
            this.body = body;
        }

        /**
         * @param value the category
         * @return this builder
         */
        public TicketBuilder category(Category value) {
            category = value;
            return this;
        }

        /**
         * @param value the priority
         * @return this builder
         */
        public TicketBuilder priority(Priority value) {
            priority = value;
            return this;
        }

        /**
         * @param value the origin channel
         * @return this builder
         */
        public TicketBuilder origin(OriginChannel value) {
            origin = value;
            return this;
        }

        /**
         * @param value the status
         * @return this builder
         */
        public TicketBuilder status(TicketStatus value) {
            status = value;
            return this;
        }

        /**
         * @param agentId the assigned agent, or {@code null}
         * @return this builder
         */
        public TicketBuilder assignee(String agentId) {
            assigneeId = agentId;
            return this;
        }

        /**
         * @param values the tags
         * @return this builder
         */
        public TicketBuilder tags(String... values) {
            tags = Set.of(values);
            return this;
        }

        /**
         * @param values the attachments
         * @return this builder
         */
        public TicketBuilder attachments(Attachment... values) {
            attachments = List.of(values);
            return this;
        }

        /**
         * @param at when it was submitted (truncated to microseconds); default now
         * @return this builder
         */
        public TicketBuilder createdAt(Instant at) {
            createdAt = at.truncatedTo(ChronoUnit.MICROS);
            return this;
        }

        /**
         * @param at when it last changed (truncated to microseconds); default its creation
         * @return this builder
         */
        public TicketBuilder updatedAt(Instant at) {
            updatedAt = at.truncatedTo(ChronoUnit.MICROS);
            return this;
        }

        /**
         * @param at when support first replied (truncated to microseconds), or {@code null}
         * @return this builder
         */
        public TicketBuilder firstRespondedAt(Instant at) {
            firstRespondedAt = at == null ? null : at.truncatedTo(ChronoUnit.MICROS);
            return this;
        }

        /** @return the ticket at version 1, numbered with the store's next sequence value */
        public Ticket build() {
            Instant created = createdAt != null ? createdAt : now();
            return new Ticket(TicketId.random(), TicketNumberFormat.DEFAULT.format(store.nextSequence()), subject, body,
                    category, priority, status, origin, requesterId, assigneeId, tags, attachments,
                    fingerprint(subject, body), created, updatedAt != null ? updatedAt : created, firstRespondedAt, 1);
        }
    }
}
