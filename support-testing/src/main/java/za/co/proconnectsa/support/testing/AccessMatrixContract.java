package za.co.proconnectsa.support.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.SupportDesk;
import za.co.proconnectsa.support.access.AccessDeniedException;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.analytics.AnalyticsQuery;
import za.co.proconnectsa.support.assignment.Agent;
import za.co.proconnectsa.support.assignment.Presence;
import za.co.proconnectsa.support.privacy.ConsentChoice;
import za.co.proconnectsa.support.privacy.Correction;
import za.co.proconnectsa.support.privacy.DataSubject;
import za.co.proconnectsa.support.privacy.RetentionPolicy;
import za.co.proconnectsa.support.sla.SlaPolicies;
import za.co.proconnectsa.support.sla.SlaPolicy;
import za.co.proconnectsa.support.sla.SlaTarget;
import za.co.proconnectsa.support.sla.SlaTargetType;
import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.ticket.ChangeCursor;
import za.co.proconnectsa.support.ticket.NewTicket;
import za.co.proconnectsa.support.ticket.Reply;
import za.co.proconnectsa.support.ticket.Ticket;
import za.co.proconnectsa.support.ticket.TicketNotFoundException;
import za.co.proconnectsa.support.ticket.TicketQuery;
import za.co.proconnectsa.support.ticket.TicketStatus;

/**
 * Every operation of the desk that acts for someone, for every kind of caller, on their own ticket, on someone
 * else's and on a number that does not exist, with the number written in the ways a caller might bend it: the
 * expected allow or refusal, nothing changed by a refusal, nothing of another requester's or of an internal note in
 * what a requester gets back, and someone else's ticket answered exactly as a missing one.
 *
 * <p>The operations are found by reflection on the desk's services: a new public operation without a row here fails
 * {@link #everyOperationHasARow()}.
 *
 * <pre>{@code
 * class MyAccessMatrixTest extends AccessMatrixContract {
 *     protected TicketStore createStore() { return MyStore.createEmpty(); }
 * }
 * }</pre>
 */
public abstract class AccessMatrixContract {

    /** Who calls. */
    protected enum Caller {
        /** The requester whose ticket is the target. */
        OWNER,
        /** Another provider with a ticket of their own. */
        OTHER_PROVIDER,
        /** A requester id the desk has never seen. */
        UNKNOWN,
        /** A support agent. */
        AGENT,
        /** A support lead. */
        ADMIN,
        /** Nobody: a {@code null} actor. */
        ANONYMOUS
    }

    private static final Actor THANDI = Actor.requester("provider-17", "Thandi Nkosi");
    private static final Actor PIETER = Actor.requester("provider-18", "Pieter van Wyk");
    private static final Actor NOBODY = Actor.requester("never-seen-42", "Unknown");
    private static final Actor SIPHO = Actor.agent("agent-1", "Sipho (Support)");
    private static final Actor LERATO = Actor.admin("admin-1", "Lerato (Lead)");
    private static final String MISSING = "PCS-099999";
    private static final String INTERNAL_MARK = "internal-note-only-for-support";
    private static final String THANDI_MARK = "thandi-private-subject";
    private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");

    private static final Set<Caller> EVERYONE = EnumSet.of(Caller.OWNER, Caller.OTHER_PROVIDER, Caller.UNKNOWN,
            Caller.AGENT, Caller.ADMIN);
    private static final Set<Caller> SUPPORT = EnumSet.of(Caller.AGENT, Caller.ADMIN);
    private static final Set<Caller> OWNER_AND_SUPPORT = EnumSet.of(Caller.OWNER, Caller.AGENT, Caller.ADMIN);
    private static final Set<Caller> ADMIN_ONLY = EnumSet.of(Caller.ADMIN);

    /**
     * Operations that take no actor, with why that is safe; anything else public on a service must have a row.
     */
    private static final Map<String, String> WITHOUT_ACTOR = Map.of(
            "TicketService.problems(NewTicket)", "checks a draft against the desk's rules; reads nothing stored",
            "SlaService.terms()", "the desk's configured SLA terms, no ticket data",
            "SlaService.watcher()", "host wiring: builds the breach watcher",
            "DataSubjectService.mayMarketTo(String)", "a yes/no the host asks before marketing; reveals no record",
            "NotificationService.worker(List)", "host wiring: builds the delivery worker",
            "DataSubjectService.fileDeletionWorker()", "host wiring: builds the worker that deletes erased files",
            "SatisfactionService.answerWithLink(String,int,String)",
            "the signed survey link is the credential (SatisfactionContract checks forged links)",
            "SatisfactionService.surveyForLink(String)",
            "the signed survey link is the credential; reads only that link's survey",
            "AssignmentService.strategy()", "host wiring: the configured strategy",
            "AssignmentService.assignsOnSubmit()", "host wiring: a configuration flag");

    /** The clock of the desk. */
    protected final SettableClock clock = SettableClock.startingAt(START.toString());
    private final AtomicInteger submissions = new AtomicInteger();
    private final Map<String, Row> rows = new LinkedHashMap<>();
    private final List<String> storeCalls = new java.util.concurrent.CopyOnWriteArrayList<>();
    private TicketStore store;
    private SupportDesk desk;
    /** The last cell's ticket when that cell left it as it was, so read-only cells share one. */
    private Ticket unchanged;

    /** @return a new, empty store with every capability the desk's services need (SLA, analytics, jobs, ...) */
    protected abstract TicketStore createStore();

    /** Builds the desk, the roster and the matrix. */
    @BeforeEach
    protected final void createDesk() {
        store = recording(Objects.requireNonNull(createStore(), "createStore() returned null"));
        desk = SupportDesk.builder().store(store).clock(clock).slaPolicies(SlaPolicies.of(SlaPolicy.builder("standard")
                .target(SlaTarget.businessTime(SlaTargetType.FIRST_RESPONSE, Duration.ofHours(4))).build())).build();
        desk.assignment().saveAgent(LERATO, Agent.builder(SIPHO.id(), SIPHO.displayName()).build());
        desk.tickets().submit(PIETER, NewTicket.builder().subject("Pieter's own payout question")
                .body("Where is my payout?").build());
        defineRows();
    }

    @Test
    @DisplayName("every public operation of every desk service (SupportDesk's *Service getters) has a row in the "
            + "matrix, or a reason it needs no actor")
    void everyOperationHasARow() {
        Set<String> found = new TreeSet<>();
        for (Method service : SupportDesk.class.getMethods()) {
            if (service.getParameterCount() == 0 && service.getReturnType().isInterface()
                    && service.getReturnType().getSimpleName().endsWith("Service")) {
                for (Method operation : service.getReturnType().getMethods()) {
                    if (!Modifier.isStatic(operation.getModifiers()) && !operation.isDefault()
                            || operation.isDefault() && takesActor(operation)) {
                        found.add(signature(service.getReturnType(), operation));
                    }
                }
            }
        }
        for (Method operation : SupportDesk.class.getMethods()) {
            if (takesActor(operation)) {
                found.add(signature(SupportDesk.class, operation));
            }
        }
        Set<String> missing = new TreeSet<>(found);
        missing.removeAll(rows.keySet());
        missing.removeAll(WITHOUT_ACTOR.keySet());
        assertThat(missing).as("operations without a row in the access matrix").isEmpty();
        Set<String> stale = new TreeSet<>(rows.keySet());
        stale.removeAll(found);
        assertThat(stale).as("rows for operations that no longer exist").isEmpty();
        assertThat(found).as("the services were found").hasSizeGreaterThan(30);
    }

    @Test
    @DisplayName("each caller is allowed or refused as the table says, on their own ticket, someone else's and a "
            + "missing number, whatever way the number is written; a refusal changes nothing and leaks nothing")
    void matrix() {
        List<String> problems = new ArrayList<>();
        int cells = 0;
        for (Row row : rows.values()) {
            for (Caller caller : Caller.values()) {
                if (row.ticketScoped) {
                    for (Variant variant : Variant.values()) {
                        cells++;
                        checkTicketCell(row, caller, variant, problems);
                    }
                } else {
                    cells++;
                    checkCell(row, caller, problems);
                }
            }
        }
        assertThat(problems).as("%d cells checked", cells).isEmpty();
        assertThat(cells).isGreaterThan(500);
    }

    private void checkCell(Row row, Caller caller, List<String> problems) {
        String cell = row.name + " by " + caller;
        Ticket target = targetTicket();
        State before = state(target);
        AccessProbe outcome = run(row, caller, null);
        if (caller == Caller.ANONYMOUS) {
            expectRefusedAsInvalid(cell, outcome, problems);
        } else if (row.allowed.contains(caller)) {
            expectAllowed(cell, outcome, problems);
            expectNoLeak(cell, caller, outcome, target, problems);
        } else {
            expectDenied(cell, outcome, problems);
        }
        State after = state(target);
        if (!row.allowed.contains(caller) && !after.equals(before)) {
            problems.add(cell + ": a refused call changed the ticket");
        }
        unchanged = after.equals(before) ? target : null;
    }

    private void checkTicketCell(Row row, Caller caller, Variant variant, List<String> problems) {
        Ticket target = targetTicket();
        String number = target.number().text();
        String cell = row.name + " by " + caller + " on " + variant + " of the owner's ticket";
        State before = state(target);
        storeCalls.clear();
        AccessProbe onTarget = run(row, caller, variant.apply(number));
        List<String> callsOnTarget = List.copyOf(storeCalls);
        storeCalls.clear();
        AccessProbe onMissing = run(row, caller, variant.apply(MISSING));
        List<String> callsOnMissing = List.copyOf(storeCalls);
        boolean sameTicket = variant.apply(number).strip().equals(number);
        if (caller == Caller.ANONYMOUS) {
            expectRefusedAsInvalid(cell, onTarget, problems);
        } else if (sameTicket && row.allowed.contains(caller)) {
            expectAllowed(cell, onTarget, problems);
            expectNoLeak(cell, caller, onTarget, target, problems);
            if (onMissing.error() == null || !(onMissing.error() instanceof TicketNotFoundException
                    || onMissing.error() instanceof AccessDeniedException)) {
                problems.add(cell + ": a missing number gave " + onMissing);
            }
        } else {
            if (onTarget.error() == null) {
                problems.add(cell + ": allowed, expected a refusal; returned " + onTarget.result());
            }
            expectTyped(cell, onTarget, problems);
        }
        boolean hidden = !sameTicket || caller == Caller.OTHER_PROVIDER || caller == Caller.UNKNOWN
                || caller == Caller.ANONYMOUS;
        if (hidden) {
            String a = onTarget.fingerprint(variant.apply(number), number);
            String b = onMissing.fingerprint(variant.apply(MISSING), MISSING);
            if (!a.equals(b)) {
                problems.add(cell + ": distinguishable from a missing number: " + a + " versus " + b);
            }
            // the same work in the store, so the answer takes no measurably different time either
            if (!callsOnTarget.equals(callsOnMissing)) {
                problems.add(cell + ": other store calls than for a missing number: " + callsOnTarget + " versus "
                        + callsOnMissing);
            }
        }
        boolean mayChange = sameTicket && row.allowed.contains(caller);
        State after = state(target);
        if (!mayChange && !after.equals(before)) {
            problems.add(cell + ": a refused call changed the ticket: " + before + " -> " + after);
        }
        unchanged = after.equals(before) ? target : null;
    }

    private Ticket targetTicket() {
        return unchanged != null ? unchanged : freshTicket();
    }

    private static void expectAllowed(String cell, AccessProbe outcome, List<String> problems) {
        if (outcome.error() instanceof AccessDeniedException || outcome.error() instanceof TicketNotFoundException) {
            problems.add(cell + ": refused, expected allowed: " + outcome);
        } else {
            expectTyped(cell, outcome, problems);
        }
    }

    private static void expectDenied(String cell, AccessProbe outcome, List<String> problems) {
        if (!(outcome.error() instanceof AccessDeniedException)) {
            problems.add(cell + ": expected AccessDeniedException, got " + outcome);
        }
    }

    private static void expectRefusedAsInvalid(String cell, AccessProbe outcome, List<String> problems) {
        if (!(outcome.error() instanceof InvalidInputException)) {
            problems.add(cell + ": a null actor should be refused as invalid input, got " + outcome);
        }
    }

    /** Any failure is one of the library's typed exceptions, never an NPE or a driver's error. */
    private static void expectTyped(String cell, AccessProbe outcome, List<String> problems) {
        if (!outcome.typed()) {
            problems.add(cell + ": untyped failure " + outcome);
        }
    }

    /** A requester's answer holds nothing of another requester's ticket and no internal note. */
    private void expectNoLeak(String cell, Caller caller, AccessProbe outcome, Ticket target, List<String> problems) {
        if (outcome.error() != null || caller == Caller.AGENT || caller == Caller.ADMIN) {
            return;
        }
        String text = deepText(outcome.result());
        if (text.contains(INTERNAL_MARK)) {
            problems.add(cell + ": an internal note reached a requester");
        }
        if (caller != Caller.OWNER && (text.contains(THANDI_MARK) || text.contains(target.number().text()))) {
            problems.add(cell + ": another requester's ticket leaked: " + text);
        }
    }

    private Ticket freshTicket() {
        int n = submissions.incrementAndGet();
        String number = desk.tickets().submit(THANDI, NewTicket.builder().subject(THANDI_MARK + " " + n)
                .body("Invoice INV-" + n + " was charged twice").build()).ticketNumber().text();
        desk.tickets().reply(SIPHO, number, Reply.internalNote(INTERNAL_MARK + " " + n));
        return store.findByNumber(number).orElseThrow();
    }

    /** The store, recording the name of each call made on it into {@link #storeCalls}, with all its SPIs. */
    private TicketStore recording(TicketStore real) {
        Set<Class<?>> interfaces = new java.util.LinkedHashSet<>();
        for (Class<?> c = real.getClass(); c != null; c = c.getSuperclass()) {
            collectInterfaces(c, interfaces);
        }
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getDeclaringClass() != Object.class) {
                storeCalls.add(method.getName());
            }
            try {
                return method.invoke(real, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (TicketStore) Proxy.newProxyInstance(real.getClass().getClassLoader(),
                interfaces.toArray(Class<?>[]::new), handler);
    }

    private static void collectInterfaces(Class<?> type, Set<Class<?>> into) {
        for (Class<?> i : type.getInterfaces()) {
            if (java.lang.reflect.Modifier.isPublic(i.getModifiers()) && into.add(i)) {
                collectInterfaces(i, into);
            }
        }
    }

    private State state(Ticket ticket) {
        Ticket now = store.findByNumber(ticket.number().text()).orElseThrow();
        return new State(now.version(), now.status(), store.auditTrail(now.id()).size());
    }

    private AccessProbe run(Row row, Caller caller, String number) {
        return AccessProbe.attempt(() -> row.call.call(desk, actor(caller), number));
    }

    private static Actor actor(Caller caller) {
        return switch (caller) {
            case OWNER -> THANDI;
            case OTHER_PROVIDER -> PIETER;
            case UNKNOWN -> NOBODY;
            case AGENT -> SIPHO;
            case ADMIN -> LERATO;
            case ANONYMOUS -> null;
        };
    }

    private long versionOf(String number) {
        return store.findByNumber(number.strip()).map(Ticket::version).orElse(1L);
    }

    private void defineRows() {
        AnalyticsQuery period = AnalyticsQuery.of(START.minus(Duration.ofDays(1)), START.plus(Duration.ofDays(1)));
        DataSubject stranger = DataSubject.builder("former-provider-9").build();

        ticket("TicketService.reply(Actor,String,Reply)", OWNER_AND_SUPPORT,
                (d, a, n) -> d.tickets().reply(a, n, Reply.publicReply("Any news?")));
        ticket("TicketService.changeStatus(Actor,String,TicketStatus)", SUPPORT,
                (d, a, n) -> d.tickets().changeStatus(a, n, TicketStatus.PENDING));
        ticket("TicketService.changeStatus(Actor,String,TicketStatus,long)", SUPPORT,
                (d, a, n) -> d.tickets().changeStatus(a, n, TicketStatus.PENDING, versionOf(n)));
        ticket("TicketService.assign(Actor,String,String)", SUPPORT,
                (d, a, n) -> d.tickets().assign(a, n, SIPHO.id()));
        ticket("TicketService.unassign(Actor,String)", SUPPORT, (d, a, n) -> d.tickets().unassign(a, n));
        // the requester's own operations: support staff are requesters of no ticket here
        ticket("TicketService.resolveMyTicket(Actor,String)", EnumSet.of(Caller.OWNER),
                (d, a, n) -> d.tickets().resolveMyTicket(a, n));
        ticket("TicketService.closeMyTicket(Actor,String)", EnumSet.of(Caller.OWNER),
                (d, a, n) -> d.tickets().closeMyTicket(a, n));
        ticket("TicketService.myTicket(Actor,String)", EnumSet.of(Caller.OWNER),
                (d, a, n) -> d.tickets().myTicket(a, n));
        ticket("TicketService.get(Actor,String)", SUPPORT, (d, a, n) -> d.tickets().get(a, n));
        other("TicketService.submit(Actor,NewTicket)", EVERYONE, (d, a, n) -> d.tickets().submit(a,
                NewTicket.builder().subject("New question " + submissions.incrementAndGet()).body("Hello").build()));
        other("TicketService.myTickets(Actor,TicketQuery)", EVERYONE,
                (d, a, n) -> d.tickets().myTickets(a, TicketQuery.all()));
        other("TicketService.queue(Actor,TicketQuery)", SUPPORT, (d, a, n) -> d.tickets().queue(a, TicketQuery.all()));
        other("TicketService.changesSince(Actor,ChangeCursor,int)", SUPPORT,
                (d, a, n) -> d.tickets().changesSince(a, ChangeCursor.start(), 10));
        other("TicketService.latestChange(Actor)", SUPPORT, (d, a, n) -> d.tickets().latestChange(a));

        ticket("SlaService.status(Actor,String)", SUPPORT, (d, a, n) -> d.sla().status(a, n));
        other("SlaService.statuses(Actor,Collection)", SUPPORT, (d, a, n) -> d.sla().statuses(a,
                store.query(TicketQuery.all()).items().stream().map(Ticket::id).toList()));
        other("SlaService.dueWithin(Actor,Duration,int)", SUPPORT,
                (d, a, n) -> d.sla().dueWithin(a, Duration.ofDays(30), 10));
        other("SlaService.rescheduleOpenTickets(Actor)", SUPPORT, (d, a, n) -> d.sla().rescheduleOpenTickets(a));

        other("AnalyticsService.report(Actor,AnalyticsQuery)", SUPPORT, (d, a, n) -> d.analytics().report(a, period));
        other("AnalyticsService.csv(Actor,AnalyticsQuery)", SUPPORT, (d, a, n) -> d.analytics().csv(a, period));
        other("AnalyticsService.measuredFigures(Actor,AnalyticsQuery)", SUPPORT,
                (d, a, n) -> d.analytics().measuredFigures(a, period));
        other("AnalyticsService.advise(Actor,AnalyticsQuery)", SUPPORT, (d, a, n) -> d.analytics().advise(a, period));
        other("SupportDesk.advise(Actor,AnalyticsQuery)", SUPPORT, (d, a, n) -> d.advise(a, period));

        other("DataSubjectService.export(Actor,DataSubject,String)", ADMIN_ONLY,
                (d, a, n) -> d.dataSubjects().export(a, stranger, "access request"));
        other("DataSubjectService.erase(Actor,DataSubject,String)", ADMIN_ONLY,
                (d, a, n) -> d.dataSubjects().erase(a, stranger, "erasure request"));
        other("DataSubjectService.anonymise(Actor,DataSubject,String)", ADMIN_ONLY,
                (d, a, n) -> d.dataSubjects().anonymise(a, stranger, "anonymisation request"));
        other("DataSubjectService.correct(Actor,DataSubject,Correction,String)", ADMIN_ONLY,
                (d, a, n) -> d.dataSubjects().correct(a, stranger,
                        Correction.builder().name("Formr Provider", "Former Provider").build(), "correction"));
        other("DataSubjectService.purgeExpired(Actor,RetentionPolicy)", ADMIN_ONLY,
                (d, a, n) -> d.dataSubjects().purgeExpired(a, RetentionPolicy.builder()
                        .closedTickets(Duration.ofDays(3650)).build()));
        other("DataSubjectService.recordConsent(Actor,String,ConsentChoice,String)", SUPPORT,
                (d, a, n) -> d.dataSubjects().recordConsent(a, "27821234567", ConsentChoice.OPT_OUT, "phone call"));
        other("DataSubjectService.consentHistory(Actor,String)", ADMIN_ONLY,
                (d, a, n) -> d.dataSubjects().consentHistory(a, "27821234567"));
        other("DataSubjectService.requests(Actor,int)", ADMIN_ONLY, (d, a, n) -> d.dataSubjects().requests(a, 10));

        other("NotificationService.deliveries(Actor,long,int)", SUPPORT,
                (d, a, n) -> d.notifications().deliveries(a, 0, 10));
        other("NotificationService.delivery(Actor,String)", SUPPORT,
                (d, a, n) -> d.notifications().delivery(a, "no-such-key"));
        other("NotificationService.retry(Actor,long)", SUPPORT, (d, a, n) -> d.notifications().retry(a, 424242L));

        ticket("SatisfactionService.answer(Actor,String,int,String)", EnumSet.of(Caller.OWNER),
                (d, a, n) -> d.satisfaction().answer(a, n, 4, "Quick"));
        ticket("SatisfactionService.survey(Actor,String)", OWNER_AND_SUPPORT,
                (d, a, n) -> d.satisfaction().survey(a, n));

        other("AssignmentService.saveAgent(Actor,Agent)", ADMIN_ONLY,
                (d, a, n) -> d.assignment().saveAgent(a, Agent.builder("agent-2", "Naledi").build()));
        other("AssignmentService.setPresence(Actor,String,Presence)", SUPPORT,
                (d, a, n) -> d.assignment().setPresence(a, SIPHO.id(), Presence.AVAILABLE));
        other("AssignmentService.agent(Actor,String)", SUPPORT, (d, a, n) -> d.assignment().agent(a, SIPHO.id()));
        other("AssignmentService.agents(Actor)", SUPPORT, (d, a, n) -> d.assignment().agents(a));
        ticket("AssignmentService.assignNew(Actor,String)", SUPPORT, (d, a, n) -> d.assignment().assignNew(a, n));
        other("AssignmentService.drainBacklog(Actor)", SUPPORT, (d, a, n) -> d.assignment().drainBacklog(a));
    }

    private void ticket(String name, Set<Caller> allowed, Call call) {
        rows.put(name, new Row(name, true, allowed, call));
    }

    private void other(String name, Set<Caller> allowed, Call call) {
        rows.put(name, new Row(name, false, allowed, call));
    }

    private static boolean takesActor(Method method) {
        return Arrays.asList(method.getParameterTypes()).contains(Actor.class);
    }

    private static String signature(Class<?> owner, Method method) {
        return owner.getSimpleName() + "." + method.getName() + Arrays.stream(method.getParameterTypes())
                .map(Class::getSimpleName).collect(Collectors.joining(",", "(", ")"));
    }

    /** Every string reachable from a result: record components, collections, optionals, maps. */
    static String deepText(Object value) {
        StringBuilder out = new StringBuilder();
        walk(value, out, 0);
        return out.toString();
    }

    private static void walk(Object value, StringBuilder out, int depth) {
        if (value == null || depth > 12) {
            return;
        }
        if (value instanceof Optional<?> optional) {
            optional.ifPresent(v -> walk(v, out, depth + 1));
        } else if (value instanceof Collection<?> collection) {
            collection.forEach(v -> walk(v, out, depth + 1));
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                walk(k, out, depth + 1);
                walk(v, out, depth + 1);
            });
        } else if (value.getClass().isRecord()) {
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                try {
                    walk(component.getAccessor().invoke(value), out, depth + 1);
                } catch (ReflectiveOperationException e) {
                    fail("cannot read " + component, e);
                }
            }
        } else {
            out.append(value).append('\u0001');
        }
    }

    /** One operation: a ticket number (or null) in, whatever it returns out. */
    @FunctionalInterface
    protected interface Call {
        /**
         * @param desk   the desk
         * @param actor  the caller, or null
         * @param number the ticket number as written, or null for operations on no ticket
         * @return what the operation returned
         */
        Object call(SupportDesk desk, Actor actor, String number);
    }

    private record Row(String name, boolean ticketScoped, Set<Caller> allowed, Call call) {
    }

    private record State(long version, TicketStatus status, int auditEvents) {
    }

    /** Ways a caller may write a ticket number. */
    private enum Variant {
        EXACT {
            @Override
            String apply(String n) {
                return n;
            }
        },
        SURROUNDING_SPACES {
            @Override
            String apply(String n) {
                return "  " + n + " ";
            }
        },
        TAB_AND_NEWLINE {
            @Override
            String apply(String n) {
                return "\t" + n + "\n";
            }
        },
        LOWER_CASE {
            @Override
            String apply(String n) {
                return n.toLowerCase(java.util.Locale.ROOT);
            }
        },
        ZERO_WIDTH_SPACE {
            @Override
            String apply(String n) {
                return n + "\u200B";
            }
        },
        BYTE_ORDER_MARK {
            @Override
            String apply(String n) {
                return "\uFEFF" + n;
            }
        },
        RIGHT_TO_LEFT_OVERRIDE {
            @Override
            String apply(String n) {
                return "\u202E" + n;
            }
        },
        NO_BREAK_SPACE {
            @Override
            String apply(String n) {
                return n + "\u00A0";
            }
        },
        FULL_WIDTH_DIGITS {
            @Override
            String apply(String n) {
                StringBuilder out = new StringBuilder();
                n.chars().forEach(c -> out.append(c >= '0' && c <= '9' ? (char) ('\uFF10' + c - '0') : (char) c));
                return out.toString();
            }
        };

        abstract String apply(String number);
    }
}
