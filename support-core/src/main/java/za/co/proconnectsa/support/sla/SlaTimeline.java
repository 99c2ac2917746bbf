package za.co.proconnectsa.support.sla;

import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.access.Role;
import za.co.proconnectsa.support.ticket.AuditAction;
import za.co.proconnectsa.support.ticket.AuditEvent;
import za.co.proconnectsa.support.ticket.Message;
import za.co.proconnectsa.support.ticket.Ticket;
import za.co.proconnectsa.support.ticket.TicketStatus;
import za.co.proconnectsa.support.ticket.Visibility;
import za.co.proconnectsa.support.internal.Checks;

/**
 * What happened to a ticket (or a WhatsApp conversation), as far as the SLA clocks care: when it
 * was created, who wrote when, and how its status changed. Immutable and thread-safe; build with
 * {@link #createdAt(Instant)}, adding moments in any order: {@link Builder#build()} sorts them by
 * time, keeping the order they were added in for moments at the same instant.
 *
 * <pre>{@code
 * SlaTimeline timeline = SlaTimeline.createdAt(ticket.createdAt())
 *         .agentReply(firstReplyAt)
 *         .statusChanged(TicketStatus.OPEN, TicketStatus.PENDING, askedForDetailsAt)
 *         .requesterMessage(requesterAnsweredAt)
 *         .build();
 * }</pre>
 *
 * <p>Only {@link Kind#AGENT_REPLY}, a public reply by support staff, answers a response target.
 * Internal notes and automated replies (an auto-acknowledgement, an out-of-hours notice) are kept so
 * a mapping can pass everything it has, and are ignored by the clocks.
 */
public final class SlaTimeline {

    /** What a {@link Moment} records. */
    public enum Kind {
        /** The ticket was submitted; {@link Moment#to()} is its first status. Always the first moment. */
        CREATED,
        /** The requester wrote a public message (a reply, or the message that reopened the ticket). */
        REQUESTER_MESSAGE,
        /** Support staff (an agent or admin) wrote a public reply. The only kind that answers. */
        AGENT_REPLY,
        /** Support staff wrote an internal note. Never answers. */
        INTERNAL_NOTE,
        /** The library or the host's automation replied. Never answers. */
        AUTOMATED_REPLY,
        /** The status changed from {@link Moment#from()} to {@link Moment#to()}. */
        STATUS_CHANGED
    }

    /**
     * One thing that happened.
     *
     * @param kind what happened
     * @param at   when
     * @param from for {@link Kind#STATUS_CHANGED}: the status before; null otherwise
     * @param to   for {@link Kind#STATUS_CHANGED}: the status after; for {@link Kind#CREATED}: the
     *             first status; null otherwise
     */
    public record Moment(Kind kind, Instant at, TicketStatus from, TicketStatus to) {
        /**
         * Checks that the statuses fit the kind.
         *
         * @param kind what happened
         * @param at when
         * @param from for {@link Kind#STATUS_CHANGED}: the status before; null otherwise
         * @param to for {@link Kind#STATUS_CHANGED}: the status after; for {@link Kind#CREATED}: the first status; null otherwise
         * @throws InvalidInputException when a component is missing or a status is given where none belongs
         */
        public Moment {
            Checks.notNull(kind, "kind");
            Checks.notNull(at, "at");
            boolean change = kind == Kind.STATUS_CHANGED;
            if (change != (from != null)) {
                throw InvalidInputException.of("from", change ? "must not be null for a status change"
                        : "must be null for " + kind);
            }
            if ((change || kind == Kind.CREATED) != (to != null)) {
                throw InvalidInputException.of("to", to == null ? "must not be null for " + kind : "must be null for " + kind);
            }
            if (change && from == to) {
                throw InvalidInputException.of("to", "must differ from from (" + from + ")");
            }
        }
    }

    private final List<Moment> moments;

    private SlaTimeline(List<Moment> moments) {
        this.moments = List.copyOf(moments);
    }

    /**
     * Starts a timeline for a ticket created with status {@link TicketStatus#NEW}.
     *
     * @param at when the ticket was created (for a conversation: the contact's first message)
     * @return the builder
     * @throws InvalidInputException if {@code at} is null
     */
    public static Builder createdAt(Instant at) {
        return createdAt(at, TicketStatus.NEW);
    }

    /**
     * Starts a timeline for a ticket created with a given status.
     *
     * @param at     when the ticket was created
     * @param status its first status
     * @return the builder
     * @throws InvalidInputException if an argument is null
     */
    public static Builder createdAt(Instant at, TicketStatus status) {
        return new Builder(new Moment(Kind.CREATED, at, null, Checks.notNull(status, "status")));
    }

    /**
     * A stored ticket's timeline from its messages and audit trail, as the desk's SLA clocks read it: created NEW,
     * then every message ({@link Builder#message(Message)}) and every status change the trail records
     * ({@link AuditAction#STATUS_CHANGED}), each list in the order the store keeps it.
     *
     * @param ticket     the ticket
     * @param messages   its messages, oldest first
     * @param auditTrail its audit events, oldest first; events other than status changes are skipped
     * @return the timeline
     * @throws InvalidInputException when an argument is null or a moment does not fit (before the creation, a
     *                               status change that does not follow the status then)
     */
    public static SlaTimeline ofTicket(Ticket ticket, List<Message> messages, List<AuditEvent> auditTrail) {
        Checks.notNull(ticket, "ticket");
        Builder timeline = createdAt(ticket.createdAt(), TicketStatus.NEW);
        for (Message m : Checks.notNull(messages, "messages")) {
            timeline.message(m);
        }
        for (AuditEvent e : Checks.notNull(auditTrail, "auditTrail")) {
            if (e.action() == AuditAction.STATUS_CHANGED && e.before() != null && e.after() != null) {
                timeline.statusChanged(TicketStatus.valueOf(e.before()), TicketStatus.valueOf(e.after()), e.at());
            }
        }
        return timeline.build();
    }

    /** @return when the ticket was created */
    public Instant createdAt() {
        return moments.get(0).at();
    }

    /** @return every moment in time order, {@link Kind#CREATED} first */
    public List<Moment> moments() {
        return moments;
    }

    /**
     * The status at an instant: the one set by the last change at or before it.
     *
     * @param at the instant
     * @return the status then (the first status for an instant before creation)
     * @throws InvalidInputException if {@code at} is null
     */
    public TicketStatus statusAt(Instant at) {
        Checks.notNull(at, "at");
        TicketStatus status = moments.get(0).to();
        for (Moment m : moments) {
            if (m.at().isAfter(at)) {
                break;
            }
            if (m.kind() == Kind.STATUS_CHANGED) {
                status = m.to();
            }
        }
        return status;
    }

    @Override
    public String toString() {
        return "SlaTimeline" + moments;
    }

    /**
     * Collects the moments of a {@link SlaTimeline}. Not thread-safe. Every method refuses bad input
     * at once with a {@link InvalidInputException} naming the argument; {@link #build()} checks that the
     * status changes follow each other.
     */
    public static final class Builder {
        private final Moment created;
        private final List<Moment> added = new ArrayList<>();
        /** Indexes into {@link #added} of status changes whose {@code from} is whatever the status is then. */
        private final BitSet fromCurrent = new BitSet();

        private Builder(Moment created) {
            this.created = created;
        }

        /**
         * The requester wrote a public message.
         *
         * @param at when
         * @return this builder
         */
        public Builder requesterMessage(Instant at) {
            return add(Kind.REQUESTER_MESSAGE, at);
        }

        /**
         * Support staff wrote a public reply: the only moment that answers a response target.
         *
         * @param at when
         * @return this builder
         */
        public Builder agentReply(Instant at) {
            return add(Kind.AGENT_REPLY, at);
        }

        /**
         * Support staff wrote an internal note; the clocks ignore it.
         *
         * @param at when
         * @return this builder
         */
        public Builder internalNote(Instant at) {
            return add(Kind.INTERNAL_NOTE, at);
        }

        /**
         * Automation replied (an acknowledgement, an out-of-hours notice); the clocks ignore it.
         *
         * @param at when
         * @return this builder
         */
        public Builder automatedReply(Instant at) {
            return add(Kind.AUTOMATED_REPLY, at);
        }

        /**
         * A message of the ticket, by who wrote it: an internal note, a public reply by support staff
         * ({@link Role#isSupport()}), or the requester's message. Automated messages are not
         * {@link Message}s; add them with {@link #automatedReply(Instant)}.
         *
         * @param message the message
         * @return this builder
         */
        public Builder message(Message message) {
            Checks.notNull(message, "message");
            return message(message.author().role(), message.visibility(), message.createdAt());
        }

        /**
         * A message of the ticket known by its author's role, its visibility and its time, as a store reads it
         * without the message itself: an internal note, a public reply by support staff ({@link Role#isSupport()}),
         * or the requester's message.
         *
         * @param author     the role of who wrote it
         * @param visibility whether the requester sees it
         * @param at         when it was written
         * @return this builder
         * @throws InvalidInputException when an argument is null or {@code at} is before the creation
         */
        public Builder message(Role author, Visibility visibility, Instant at) {
            Checks.notNull(author, "author");
            if (Checks.notNull(visibility, "visibility") == Visibility.INTERNAL) {
                return internalNote(at);
            }
            return author.isSupport() ? agentReply(at) : requesterMessage(at);
        }

        /**
         * The status changed.
         *
         * @param from the status before; must be the status the timeline is in at {@code at}
         * @param to   the status after, different from {@code from}
         * @param at   when
         * @return this builder
         */
        public Builder statusChanged(TicketStatus from, TicketStatus to, Instant at) {
            checkNotBeforeCreation(at);
            added.add(new Moment(Kind.STATUS_CHANGED, at, Checks.notNull(from, "from"), Checks.notNull(to, "to")));
            return this;
        }

        /**
         * The ticket was resolved: a status change from whatever it is then to {@link TicketStatus#RESOLVED}.
         *
         * @param at when
         * @return this builder
         */
        public Builder resolved(Instant at) {
            checkNotBeforeCreation(at);
            // from is filled in by build(), once the moments are in order
            added.add(new Moment(Kind.STATUS_CHANGED, at, TicketStatus.NEW, TicketStatus.RESOLVED));
            fromCurrent.set(added.size() - 1);
            return this;
        }

        /**
         * The ticket was reopened: a status change from {@link TicketStatus#RESOLVED} to
         * {@link TicketStatus#OPEN}.
         *
         * @param at when
         * @return this builder
         */
        public Builder reopened(Instant at) {
            return statusChanged(TicketStatus.RESOLVED, TicketStatus.OPEN, at);
        }

        /**
         * Sorts the moments by time and checks the status changes.
         *
         * @return the timeline
         * @throws InvalidInputException if a status change's {@code from} is not the status the
         *                             timeline is in then, or a change leaves the status as it was
         */
        public SlaTimeline build() {
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < added.size(); i++) {
                order.add(i);
            }
            order.sort(Comparator.comparing((Integer i) -> added.get(i).at())); // stable: same instant keeps order
            List<Moment> sorted = new ArrayList<>(added.size() + 1);
            sorted.add(created);
            TicketStatus status = created.to();
            for (int i : order) {
                Moment m = added.get(i);
                if (m.kind() == Kind.STATUS_CHANGED) {
                    TicketStatus from = fromCurrent.get(i) ? status : m.from();
                    if (from != status) {
                        throw InvalidInputException.of("moments", "the change " + from + " -> " + m.to() + " at "
                                + m.at() + " does not follow the status then, " + status);
                    }
                    if (from == m.to()) {
                        throw InvalidInputException.of("moments", "the change to " + m.to() + " at " + m.at()
                                + " changes nothing: the ticket is " + status + " then");
                    }
                    m = new Moment(Kind.STATUS_CHANGED, m.at(), from, m.to());
                    status = m.to();
                }
                sorted.add(m);
            }
            return new SlaTimeline(sorted);
        }

        private Builder add(Kind kind, Instant at) {
            checkNotBeforeCreation(at);
            added.add(new Moment(kind, at, null, null));
            return this;
        }

        private void checkNotBeforeCreation(Instant at) {
            Checks.notNull(at, "at");
            if (at.isBefore(created.at())) {
                throw InvalidInputException.of("at", "must not be before the ticket was created (" + created.at()
                        + "), was " + at);
            }
        }
    }
}
