package za.co.proconnectsa.support.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import za.co.proconnectsa.support.ConcurrentUpdateException;
import za.co.proconnectsa.support.SupportException;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.access.AccessDeniedException;
import za.co.proconnectsa.support.access.AccessPolicy;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.access.Permission;
import za.co.proconnectsa.support.event.TicketEvent;
import za.co.proconnectsa.support.spi.IdempotencyKey;
import za.co.proconnectsa.support.spi.InsertResult;
import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.sla.SlaClock;
import za.co.proconnectsa.support.sla.SlaTargetStatus;
import za.co.proconnectsa.support.sla.SlaTargetType;
import za.co.proconnectsa.support.ticket.AuditAction;
import za.co.proconnectsa.support.ticket.AuditEvent;
import za.co.proconnectsa.support.ticket.ChangeCursor;
import za.co.proconnectsa.support.ticket.Category;
import za.co.proconnectsa.support.ticket.InvalidTransitionException;
import za.co.proconnectsa.support.ticket.Message;
import za.co.proconnectsa.support.ticket.NewTicket;
import za.co.proconnectsa.support.ticket.Page;
import za.co.proconnectsa.support.ticket.Reply;
import za.co.proconnectsa.support.ticket.RequesterTicket;
import za.co.proconnectsa.support.ticket.RequesterTicketDetails;
import za.co.proconnectsa.support.ticket.SubmissionReceipt;
import za.co.proconnectsa.support.ticket.Ticket;
import za.co.proconnectsa.support.ticket.TicketChanges;
import za.co.proconnectsa.support.ticket.TicketDetails;
import za.co.proconnectsa.support.ticket.TicketId;
import za.co.proconnectsa.support.ticket.TicketNotFoundException;
import za.co.proconnectsa.support.ticket.TicketNumberFormat;
import za.co.proconnectsa.support.ticket.TicketQuery;
import za.co.proconnectsa.support.ticket.TicketService;
import za.co.proconnectsa.support.ticket.TicketStatus;
import za.co.proconnectsa.support.ticket.Visibility;
import za.co.proconnectsa.support.internal.Checks;
import za.co.proconnectsa.support.internal.Text;

/** The {@link TicketService} behind {@link za.co.proconnectsa.support.SupportDesk}. */
public final class DefaultTicketService implements TicketService {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultTicketService.class);

    private final TicketStore store;
    private final Clock clock;
    private final AccessPolicy policy;
    private final BeanValidation validation;
    private final TicketChecks checks;
    private final TicketNumberFormat numberFormat;
    private final Set<Category> categories;
    private final Category defaultCategory;
    private final Duration duplicateWindow;
    private final SupportTexts texts;
    private final TicketEvents events;
    private final AssigneeWriter assignees;
    private final AssignmentEngine assignment;
    private final Retries retries;
    private final SlaTracker sla;
    private final Notifier notifier;

    /**
     * @param store           where tickets live
     * @param clock           the time source
     * @param policy          who may do what
     * @param validation      the host's bean validator, run after the desk's own checks, or {@code null} for none
     * @param numberFormat    how numbers look
     * @param categories      the categories the desk accepts
     * @param defaultCategory the category of a submission that names none
     * @param duplicateWindow how far back duplicate submissions are looked for; zero turns it off
     * @param texts           texts shown to people
     * @param events          notifies listeners after each stored change
     * @param assignees       writes assignee changes
     * @param assignment      automatic assignment, told of new tickets and of freed room
     * @param retries         how a commuting change is retried after a conflict
     * @param sla             the SLA clocks each change is tracked on, or {@code null} when the desk has no SLA
     * @param notifier        writes the requester's notifications in each change's unit
     */
    public DefaultTicketService(TicketStore store, Clock clock, AccessPolicy policy, BeanValidation validation,
            TicketNumberFormat numberFormat, Set<Category> categories, Category defaultCategory, Duration duplicateWindow,
            SupportTexts texts, TicketEvents events, AssigneeWriter assignees, AssignmentEngine assignment,
            Retries retries, SlaTracker sla, Notifier notifier) {
        this.store = store;
        this.clock = clock;
        this.policy = policy;
        this.validation = validation;
        this.checks = new TicketChecks(texts);
        this.numberFormat = numberFormat;
        this.categories = Set.copyOf(categories);
        this.defaultCategory = defaultCategory;
        this.duplicateWindow = duplicateWindow;
        this.texts = texts;
        this.events = events;
        this.assignees = assignees;
        this.assignment = assignment;
        this.retries = retries;
        this.sla = sla;
        this.notifier = notifier;
    }

    /** A requester who chose no category gets the desk's default one, which the host set or left at GENERAL. */
    private NewTicket withDefaultCategory(NewTicket submitted) {
        return submitted.category() != null ? submitted : new NewTicket(submitted.subject(), submitted.body(),
                defaultCategory, submitted.priority(), submitted.origin(), submitted.requesterId(), submitted.tags(),
                submitted.attachments(), submitted.idempotencyKey());
    }

    @Override
    public List<InvalidInputException.FieldError> problems(NewTicket submitted) {
        if (submitted == null) {
            return List.of(new InvalidInputException.FieldError("ticket", "must not be null"));
        }
        NewTicket ticket = withDefaultCategory(submitted);
        List<InvalidInputException.FieldError> errors = new ArrayList<>(checks.errors(ticket));
        if (validation != null) {
            errors.addAll(validation.errors(ticket));
        }
        if (!categories.contains(ticket.category())) {
            errors.add(new InvalidInputException.FieldError("category", texts.format("validation.category",
                    String.join(", ", categories.stream().map(Category::code).sorted().toList()))));
        }
        return List.copyOf(errors);
    }

    @Override
    public SubmissionReceipt submit(Actor actor, NewTicket submitted) {
        requireActor(actor);
        if (submitted == null) {
            throw InvalidInputException.of("ticket", "must not be null");
        }
        NewTicket ticket = withDefaultCategory(submitted);
        List<InvalidInputException.FieldError> errors = problems(ticket);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        policy.check(actor, Permission.SUBMIT, null);
        String requesterId = actor.id();
        if (ticket.requesterId() != null && !ticket.requesterId().equals(actor.id())) {
            policy.check(actor, Permission.SUBMIT_ON_BEHALF, null);
            requesterId = ticket.requesterId();
        }
        String fingerprint = Fingerprints.of(ticket.subject(), ticket.body());
        IdempotencyKey key = ticket.idempotencyKey() == null ? null : new IdempotencyKey(requesterId, ticket.idempotencyKey());
        String requester = requesterId;
        // one unit: the key check, the duplicate check and the write see one state and commit together
        return retrying("submission", "a submission", () -> store.inTransaction(() -> submitOnce(actor, ticket, requester, fingerprint, key)));
    }

    private SubmissionReceipt submitOnce(Actor actor, NewTicket ticket, String requesterId, String fingerprint,
            IdempotencyKey key) {
        if (key != null) {
            var earlier = store.findByIdempotencyKey(key);
            if (earlier.isPresent()) {
                return replayed(earlier.get(), fingerprint);
            }
        }
        // the number first: the store holds it until this unit commits, so a twin submitted at the same moment waits
        // here and then finds this ticket as its duplicate instead of becoming a second ticket (a linked submission
        // leaves a gap in the numbers, which stores allow)
        long sequence = store.nextSequence();
        Instant now = now();
        if (!duplicateWindow.isZero()) {
            var duplicate = store.findActiveDuplicate(requesterId, fingerprint, now.minus(duplicateWindow));
            if (duplicate.isPresent()) {
                if (key != null) {
                    // the key stands for the linked ticket from now on; a twin that raced us took it first
                    var owner = store.recordIdempotencyKey(key, duplicate.get().id());
                    if (owner.isPresent()) {
                        return replayed(owner.get(), fingerprint);
                    }
                }
                return linkDuplicate(actor, duplicate.get(), ticket, now);
            }
        }
        Ticket created = new Ticket(TicketId.random(), numberFormat.format(sequence), ticket.subject().strip(),
                ticket.body(), ticket.category(), ticket.priority(), TicketStatus.NEW, ticket.origin(), requesterId,
                null, ticket.tags(), ticket.attachments(), fingerprint, now, now, null, 1);
        AuditEvent audit = new AuditEvent(created.id(), actor, AuditAction.CREATED, null,
                TicketStatus.NEW.name(), Visibility.PUBLIC, now);
        InsertResult result = store.insert(created, List.of(audit), key);
        if (result instanceof InsertResult.KeyAlreadyUsed used) {
            return replayed(used.ticket(), fingerprint);
        }
        LOG.debug("Ticket {} submitted in category {} over {}", created.number(), created.category(), created.origin());
        publishAfterCommit(new TicketEvent(TicketEvent.Type.SUBMITTED, result.ticket(), actor, now, null));
        notifier.submitted(result.ticket(), now);
        String confirmation = texts.format("receipt.created", created.number().text());
        Instant firstResponseDue = null;
        if (sla != null) {
            firstResponseDue = sla.track(result.ticket(), now).target(SlaTargetType.FIRST_RESPONSE)
                    .flatMap(SlaTargetStatus::due).orElse(null);
            if (firstResponseDue != null) {
                confirmation = confirmation + " " + texts.format("receipt.replyBy",
                        SlaClock.describe(firstResponseDue, sla.terms().clockFor(created).termsAt(now).hours().zone()));
            }
        }
        assignment.submitted(result.ticket());
        return new SubmissionReceipt(created.id(), created.number(), created.status(), SubmissionReceipt.Outcome.CREATED,
                now, confirmation, firstResponseDue);
    }

    private SubmissionReceipt replayed(Ticket earlier, String fingerprint) {
        if (!earlier.fingerprint().equals(fingerprint)) {
            throw InvalidInputException.of("idempotencyKey",
                    "was already used for a different submission (" + earlier.number() + ")");
        }
        return new SubmissionReceipt(earlier.id(), earlier.number(), earlier.status(),
                SubmissionReceipt.Outcome.REPLAYED, earlier.createdAt(),
                texts.format("receipt.replayed", earlier.number().text()));
    }

    /** Runs inside the submission's unit: a lost version race fails the unit, and the submission is tried again. */
    private SubmissionReceipt linkDuplicate(Actor actor, Ticket existing, NewTicket ticket, Instant now) {
        Ticket current = load(existing.id());
        AuditEvent audit = new AuditEvent(current.id(), actor, AuditAction.DUPLICATE_LINKED, null,
                ticket.origin().name(), Visibility.PUBLIC, now);
        Ticket stored = store.update(current.touchedAt(now), List.of(), List.of(audit));
        LOG.debug("Repeated submission linked to ticket {}", stored.number());
        publishAfterCommit(new TicketEvent(TicketEvent.Type.DUPLICATE_LINKED, stored, actor, now, null));
        return new SubmissionReceipt(stored.id(), stored.number(), stored.status(),
                SubmissionReceipt.Outcome.LINKED_TO_EXISTING, now, texts.format("receipt.linked", stored.number().text()));
    }

    @Override
    public Message reply(Actor actor, String ticketNumber, Reply reply) {
        requireActor(actor);
        if (reply == null) {
            throw InvalidInputException.of("reply", "must not be null");
        }
        List<InvalidInputException.FieldError> errors = new ArrayList<>(checks.errors(reply));
        if (validation != null) {
            errors.addAll(validation.errors(reply));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Ticket first = visibleTicket(actor, ticketNumber);
        boolean note = reply.visibility() == Visibility.INTERNAL;
        policy.check(actor, note ? Permission.ADD_INTERNAL_NOTE : Permission.REPLY, first);
        UUID messageId = UUID.randomUUID();
        return retrying(note ? "note" : "reply", first.number().text(), () -> store.inTransaction(() -> {
            Ticket current = load(first.id());
            // the time is read after the ticket, so a retried reply is never older than the one it lost to
            Instant now = now();
            if (current.status() == TicketStatus.CLOSED) {
                throw new InvalidTransitionException(current.number().text(), TicketStatus.CLOSED, TicketStatus.OPEN,
                        "a closed ticket takes no replies; submit a new ticket instead");
            }
            Message message = new Message(messageId, current.id(), actor, reply.body(), reply.visibility(),
                    reply.attachments(), now);
            TicketStatus next = statusAfterReply(actor, current.status(), note);
            Ticket changed = current.touchedAt(now).withStatus(next, now);
            if (!note && actor.role().isSupport()) {
                changed = changed.withFirstResponse(now);
            }
            List<AuditEvent> audit = new ArrayList<>();
            audit.add(new AuditEvent(current.id(), actor, note ? AuditAction.NOTE_ADDED : AuditAction.REPLIED, null,
                    messageId.toString(), reply.visibility(), now));
            if (next != current.status()) {
                audit.add(new AuditEvent(current.id(), actor, AuditAction.STATUS_CHANGED, current.status().name(),
                        next.name(), Visibility.PUBLIC, now));
            }
            Ticket stored = store.update(changed, List.of(message), audit);
            track(stored, now);
            publishAfterCommit(new TicketEvent(note ? TicketEvent.Type.NOTE_ADDED : TicketEvent.Type.REPLIED, stored,
                    actor, now, message));
            if (!note && actor.role().isSupport()) {
                notifier.replied(stored, message, now);
            }
            return message;
        }));
    }

    private static TicketStatus statusAfterReply(Actor actor, TicketStatus status, boolean note) {
        if (note) {
            return status;
        }
        if (actor.role().isSupport()) {
            return status == TicketStatus.NEW ? TicketStatus.OPEN : status;
        }
        // a requester answering, or coming back to a resolved ticket, puts it back in support's court
        return status == TicketStatus.PENDING || status == TicketStatus.RESOLVED ? TicketStatus.OPEN : status;
    }

    @Override
    public Ticket changeStatus(Actor actor, String ticketNumber, TicketStatus status) {
        requireSupport(actor);
        return changeStatus(actor, ticketNumber, status, null);
    }

    @Override
    public Ticket changeStatus(Actor actor, String ticketNumber, TicketStatus status, long expectedVersion) {
        requireSupport(actor);
        return changeStatus(actor, ticketNumber, status, Long.valueOf(expectedVersion));
    }

    private Ticket changeStatus(Actor actor, String ticketNumber, TicketStatus status, Long expectedVersion) {
        requireActor(actor);
        if (status == null) {
            throw InvalidInputException.of("status", "must not be null");
        }
        Ticket first = visibleTicket(actor, ticketNumber);
        boolean resolving = status == TicketStatus.RESOLVED || status == TicketStatus.CLOSED;
        policy.check(actor, resolving ? Permission.RESOLVE : Permission.CHANGE_STATUS, first);
        return retrying("status", first.number().text(), () -> store.inTransaction(() -> {
            Ticket current = expectedVersion == null ? load(first.id()) : first;
            if (expectedVersion != null && current.version() != expectedVersion) {
                throw new ConcurrentUpdateException(current.number().text(), expectedVersion, current.version());
            }
            if (current.status() == status) {
                return current;
            }
            if (!current.status().canTransitionTo(status)) {
                throw new InvalidTransitionException(current.number().text(), current.status(), status,
                        "allowed from " + current.status() + " are " + current.status().allowedTransitions());
            }
            // read after the ticket: a retried change is never older than the change it lost to
            Instant now = now();
            AuditEvent audit = new AuditEvent(current.id(), actor, AuditAction.STATUS_CHANGED, current.status().name(),
                    status.name(), Visibility.PUBLIC, now);
            Ticket stored = store.update(current.withStatus(status, now), List.of(), List.of(audit));
            track(stored, now);
            publishAfterCommit(new TicketEvent(TicketEvent.Type.STATUS_CHANGED, stored, actor, now, null));
            if (status == TicketStatus.RESOLVED) {
                notifier.resolved(stored, !actor.role().isSupport(), now);
            }
            if (current.assigneeId() != null && current.status().isActive() && !status.isActive()) {
                assignment.roomFreed();   // the assignee has room for one more
            }
            return stored;
        }), expectedVersion == null);
    }

    @Override
    public Ticket assign(Actor actor, String ticketNumber, String agentId) {
        requireActor(actor);
        Text.identifier(agentId, "agentId");
        return setAssignee(actor, ticketNumber, agentId);
    }

    @Override
    public Ticket unassign(Actor actor, String ticketNumber) {
        requireActor(actor);
        return setAssignee(actor, ticketNumber, null);
    }

    private Ticket setAssignee(Actor actor, String ticketNumber, String agentId) {
        Ticket first = visibleTicket(actor, ticketNumber);
        policy.check(actor, Permission.ASSIGN, first);
        return retrying("assignment", first.number().text(), () -> store.inTransaction(() -> {
            Ticket current = load(first.id());
            if (Objects.equals(current.assigneeId(), agentId)) {
                return current;
            }
            return assignees.write(actor, current, agentId, now());
        }));
    }

    @Override
    public RequesterTicket resolveMyTicket(Actor actor, String ticketNumber) {
        return RequesterTicket.of(changeStatus(actor, ownTicket(actor, ticketNumber).number().text(),
                TicketStatus.RESOLVED, (Long) null));
    }

    @Override
    public RequesterTicket closeMyTicket(Actor actor, String ticketNumber) {
        return RequesterTicket.of(changeStatus(actor, ownTicket(actor, ticketNumber).number().text(),
                TicketStatus.CLOSED, (Long) null));
    }

    @Override
    public TicketDetails get(Actor actor, String ticketNumber) {
        requireSupport(actor);
        Ticket ticket = visibleTicket(actor, ticketNumber);
        policy.check(actor, Permission.VIEW_TICKET, ticket);
        return details(ticket);
    }

    @Override
    public RequesterTicketDetails myTicket(Actor actor, String ticketNumber) {
        return RequesterTicketDetails.of(details(ownTicket(actor, ticketNumber)));
    }

    private TicketDetails details(Ticket ticket) {
        List<Message> messages = store.messages(ticket.id());
        List<AuditEvent> history = store.auditTrail(ticket.id());
        return new TicketDetails(ticket, messages, history);
    }

    @Override
    public Page<RequesterTicket> myTickets(Actor actor, TicketQuery query) {
        requireActor(actor);
        TicketQuery own = RequesterViews.ownQuery(requireQuery(query), actor);
        TicketQuery paged = query.cursor().map(own::after).orElse(own);
        Page<Ticket> page = store.query(paged);
        return RequesterViews.page(page);
    }

    @Override
    public Page<Ticket> queue(Actor actor, TicketQuery query) {
        requireActor(actor);
        requireQuery(query);
        policy.check(actor, Permission.VIEW_QUEUE, null);
        return store.query(query);
    }

    @Override
    public TicketChanges changesSince(Actor actor, ChangeCursor cursor, int limit) {
        requireActor(actor);
        Checks.notNull(cursor, "cursor");
        Checks.between(limit, 1, 1000, "limit");
        policy.check(actor, Permission.VIEW_QUEUE, null);
        return store.changesSince(cursor, limit);
    }

    @Override
    public ChangeCursor latestChange(Actor actor) {
        requireActor(actor);
        policy.check(actor, Permission.VIEW_QUEUE, null);
        return store.latestChange();
    }

    private static TicketQuery requireQuery(TicketQuery query) {
        if (query == null) {
            throw InvalidInputException.of("query", "must not be null");
        }
        return query;
    }

    private Ticket visibleTicket(Actor actor, String ticketNumber) {
        if (ticketNumber == null || ticketNumber.isBlank()) {
            throw InvalidInputException.of("ticketNumber", "must not be blank");
        }
        String number = Text.identifier(ticketNumber.strip(), "ticketNumber");
        Ticket ticket = store.findByNumber(number)
                .orElseThrow(() -> new TicketNotFoundException(number));
        if (!policy.permits(actor, Permission.VIEW_TICKET, ticket)) {
            // someone else's ticket looks exactly like a missing one
            throw new TicketNotFoundException(number);
        }
        return ticket;
    }

    /** A ticket the actor requested; any other looks missing, whoever asks. */
    private Ticket ownTicket(Actor actor, String ticketNumber) {
        requireActor(actor);
        Ticket ticket = visibleTicket(actor, ticketNumber);
        if (!ticket.isRequestedBy(actor)) {
            throw new TicketNotFoundException(ticket.number().text());
        }
        return ticket;
    }

    private void requireSupport(Actor actor) {
        requireSupport(policy, actor);
    }

    /** Refuses requesters the operations that hand out full tickets (here and in {@link DefaultSlaService}). */
    static void requireSupport(AccessPolicy policy, Actor actor) {
        requireActor(actor);
        if (!policy.permits(actor, Permission.VIEW_INTERNAL, null)) {
            throw new AccessDeniedException(actor.role(), Permission.VIEW_INTERNAL, "full tickets are for the support "
                    + "team; requesters use myTickets, myTicket, resolveMyTicket and closeMyTicket");
        }
    }

    private Ticket load(TicketId id) {
        return store.findById(id)
                .orElseThrow(() -> new TicketNotFoundException(id.toString()));
    }

    private <T> T retrying(String operation, String what, Supplier<T> attempt) {
        return retrying(operation, what, attempt, true);
    }

    private <T> T retrying(String operation, String what, Supplier<T> attempt, boolean retry) {
        return retry ? retries.onConflict(operation, what, attempt) : attempt.get();
    }

    private void publishAfterCommit(TicketEvent event) {
        events.publishAfterCommit(event);
    }

    /** Reads the ticket's SLA clocks after a change, in its unit: announces what came and saves the schedule. */
    private void track(Ticket stored, Instant now) {
        if (sla != null) {
            sla.track(stored, now);
        }
    }

    private Instant now() {
        // stores keep microseconds, so the service never hands them finer instants
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static void requireActor(Actor actor) {
        if (actor == null) {
            throw InvalidInputException.of("actor", "must not be null");
        }
    }
}
