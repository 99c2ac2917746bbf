package za.co.proconnectsa.support.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import za.co.proconnectsa.support.access.Role;
import za.co.proconnectsa.support.analytics.AnalyticsQuery;
import za.co.proconnectsa.support.conversation.Conversation;
import za.co.proconnectsa.support.conversation.ConversationMessage;
import za.co.proconnectsa.support.conversation.ConversationStatus;
import za.co.proconnectsa.support.sla.SlaTargetType;
import za.co.proconnectsa.support.spi.AnalyticsStore;
import za.co.proconnectsa.support.ticket.AuditAction;
import za.co.proconnectsa.support.ticket.AuditEvent;
import za.co.proconnectsa.support.ticket.Message;
import za.co.proconnectsa.support.ticket.Ticket;
import za.co.proconnectsa.support.ticket.TicketId;
import za.co.proconnectsa.support.ticket.TicketStatus;
import za.co.proconnectsa.support.ticket.Visibility;
import za.co.proconnectsa.support.internal.Checks;

/**
 * The in-memory store's analytics: the same aggregates as the JDBC store's SQL, computed over a snapshot of the
 * store's maps taken under its read lock.
 */
public final class InMemoryAnalytics implements AnalyticsStore {

    private static final Set<TicketStatus> ACTIVE = EnumSet.of(TicketStatus.NEW, TicketStatus.OPEN,
            TicketStatus.PENDING, TicketStatus.ON_HOLD);
    private static final Set<String> DONE = Set.of(TicketStatus.RESOLVED.name(), TicketStatus.CLOSED.name());

    private final Collection<Ticket> tickets;
    private final Function<TicketId, List<Message>> messages;
    private final Function<TicketId, List<AuditEvent>> audit;
    private final List<Conversation> conversations;
    private final Function<UUID, List<ConversationMessage>> conversationMessages;

    /**
     * @param tickets              every ticket
     * @param messages             a ticket's messages, oldest first
     * @param audit                a ticket's audit trail, oldest first
     * @param conversations        every conversation
     * @param conversationMessages a conversation's messages, oldest first
     */
    public InMemoryAnalytics(Collection<Ticket> tickets, Function<TicketId, List<Message>> messages,
            Function<TicketId, List<AuditEvent>> audit, List<Conversation> conversations,
            Function<UUID, List<ConversationMessage>> conversationMessages) {
        this.tickets = tickets;
        this.messages = messages;
        this.audit = audit;
        this.conversations = conversations;
        this.conversationMessages = conversationMessages;
    }

    private static boolean filtered(AnalyticsQuery q, Ticket t) {
        return (q.channels().isEmpty() || q.channels().contains(t.origin()))
                && (q.categories().isEmpty() || q.categories().contains(t.category()))
                && (q.priorities().isEmpty() || q.priorities().contains(t.priority()))
                && (q.agentId() == null || q.agentId().equals(t.assigneeId()));
    }

    private static boolean inPeriod(AnalyticsQuery q, Instant at) {
        return !at.isBefore(q.from()) && at.isBefore(q.to());
    }

    private List<Ticket> period(AnalyticsQuery q) {
        Checks.notNull(q, "query");
        return tickets.stream().filter(t -> inPeriod(q, t.createdAt()) && filtered(q, t)).toList();
    }

    private List<Conversation> periodConversations(AnalyticsQuery q) {
        if (!q.includesConversations()) {
            return List.of();
        }
        return conversations.stream().filter(c -> inPeriod(q, c.createdAt())).toList();
    }

    @Override
    public List<TicketCount> ticketCounts(AnalyticsQuery query) {
        Map<List<Object>, Long> counts = new HashMap<>();
        for (Ticket t : period(query)) {
            counts.merge(List.of(t.origin(), t.category(), t.priority()), 1L, Long::sum);
        }
        List<TicketCount> out = new ArrayList<>();
        counts.forEach((k, n) -> out.add(new TicketCount((za.co.proconnectsa.support.ticket.OriginChannel) k.get(0),
                (za.co.proconnectsa.support.ticket.Category) k.get(1),
                (za.co.proconnectsa.support.ticket.Priority) k.get(2), n)));
        return out;
    }

    @Override
    public SortedMap<Long, Long> requestsByQuarterHour(AnalyticsQuery query) {
        SortedMap<Long, Long> out = new TreeMap<>();
        period(query).forEach(t -> out.merge(Math.floorDiv(t.createdAt().getEpochSecond(), 900), 1L, Long::sum));
        periodConversations(query).stream().filter(c -> c.ticketId() == null)
                .forEach(c -> out.merge(Math.floorDiv(c.createdAt().getEpochSecond(), 900), 1L, Long::sum));
        return out;
    }

    @Override
    public ConversationCounts conversationCounts(AnalyticsQuery query) {
        List<Conversation> started = periodConversations(query);
        long closed = started.stream().filter(c -> c.status() == ConversationStatus.CLOSED && c.ticketId() == null)
                .count();
        long escalated = started.stream().filter(c -> c.ticketId() != null).count();
        return new ConversationCounts(started.size(), closed, escalated);
    }

    @Override
    public SpanStats spanStats(AnalyticsQuery query, Span span) {
        List<Long> micros = new ArrayList<>();
        forEachSpan(query, span, (from, to) -> micros.add(Percentiles.between(from, to)));
        long[] values = micros.stream().mapToLong(Long::longValue).toArray();
        return Percentiles.stats(values, values.length);
    }

    @Override
    public void forEachSpan(AnalyticsQuery query, Span span, BiConsumer<Instant, Instant> each) {
        Checks.notNull(span, "span");
        for (Ticket t : period(query)) {
            switch (span) {
                case FIRST_RESPONSE -> {
                    if (t.firstRespondedAt() != null) {
                        each.accept(t.createdAt(), t.firstRespondedAt());
                    }
                }
                case RESOLUTION -> {
                    Instant resolved = firstResolution(t);
                    if (resolved != null) {
                        each.accept(t.createdAt(), resolved);
                    }
                }
                case NEXT_RESPONSE -> nextResponses(t, each);
            }
        }
    }

    /** Replies after the first: each answers the requester messages since the reply before it. */
    private void nextResponses(Ticket t, BiConsumer<Instant, Instant> each) {
        int replies = 0;
        Instant waitingSince = null;
        for (Message m : messages.apply(t.id())) {
            if (m.visibility() != Visibility.PUBLIC) {
                continue;
            }
            if (m.author().role() == Role.REQUESTER) {
                if (replies >= 1 && waitingSince == null) {
                    waitingSince = m.createdAt();
                }
            } else {
                replies++;
                if (waitingSince != null) {
                    each.accept(waitingSince, m.createdAt());
                    waitingSince = null;
                }
            }
        }
    }

    private Instant firstResolution(Ticket t) {
        return audit.apply(t.id()).stream()
                .filter(e -> e.action() == AuditAction.STATUS_CHANGED && DONE.contains(e.after()))
                .map(AuditEvent::at).min(Instant::compareTo).orElse(null);
    }

    @Override
    public List<SlaCounts> slaCounts(AnalyticsQuery query) {
        Map<SlaTargetType, long[]> counts = new EnumMap<>(SlaTargetType.class);
        for (Ticket t : period(query)) {
            Set<SlaTargetType> fulfilled = EnumSet.noneOf(SlaTargetType.class);
            Set<SlaTargetType> breached = EnumSet.noneOf(SlaTargetType.class);
            for (AuditEvent e : audit.apply(t.id())) {
                if (e.action() == AuditAction.SLA_FULFILLED || e.action() == AuditAction.SLA_BREACHED) {
                    SlaTargetType target = SlaTargetType.valueOf(e.after());
                    (e.action() == AuditAction.SLA_FULFILLED ? fulfilled : breached).add(target);
                }
            }
            breached.forEach(target -> counts.computeIfAbsent(target, k -> new long[2])[1]++);
            fulfilled.stream().filter(target -> !breached.contains(target))
                    .forEach(target -> counts.computeIfAbsent(target, k -> new long[2])[0]++);
        }
        List<SlaCounts> out = new ArrayList<>();
        counts.forEach((target, c) -> out.add(new SlaCounts(target, c[0], c[1])));
        return out;
    }

    @Override
    public ResolutionCounts resolutionCounts(AnalyticsQuery query) {
        long resolved = 0;
        long reopened = 0;
        for (Ticket t : period(query)) {
            List<AuditEvent> changes = audit.apply(t.id()).stream()
                    .filter(e -> e.action() == AuditAction.STATUS_CHANGED).toList();
            if (changes.stream().anyMatch(e -> DONE.contains(e.after()))) {
                resolved++;
            }
            if (changes.stream().anyMatch(e -> DONE.contains(e.before()) && !DONE.contains(e.after()))) {
                reopened++;
            }
        }
        return new ResolutionCounts(resolved, reopened);
    }

    @Override
    public SatisfactionCounts satisfactionCounts(AnalyticsQuery query) {
        long answers = 0;
        long sum = 0;
        long happy = 0;
        for (Ticket t : period(query)) {
            for (AuditEvent e : audit.apply(t.id())) {
                if (e.action() == AuditAction.SATISFACTION_RATED) {
                    int score = Integer.parseInt(e.after());
                    answers++;
                    sum += score;
                    happy += score >= 4 ? 1 : 0;
                }
            }
        }
        return new SatisfactionCounts(answers, sum, happy);
    }

    @Override
    public List<Long> backlog(AnalyticsQuery query, List<Instant> createdAfter) {
        Checks.notNull(query, "query");
        long[] bands = new long[createdAfter.size() + 1];
        for (Ticket t : tickets) {
            if (!ACTIVE.contains(t.status()) || !t.createdAt().isBefore(query.to()) || !filtered(query, t)) {
                continue;
            }
            int band = 0;
            while (band < createdAfter.size() && !t.createdAt().isAfter(createdAfter.get(band))) {
                band++;
            }
            bands[band]++;
        }
        return java.util.Arrays.stream(bands).boxed().toList();
    }

    @Override
    public List<AgentCounts> agentCounts(AnalyticsQuery query) {
        Map<String, long[]> figures = new HashMap<>();
        for (Ticket t : period(query)) {
            if (t.assigneeId() == null) {
                continue;
            }
            long[] f = figures.computeIfAbsent(t.assigneeId(), k -> new long[6]);
            f[0]++;
            Instant resolved = firstResolution(t);
            if (resolved != null) {
                f[1]++;
                f[5] += Percentiles.between(t.createdAt(), resolved);
            }
            if (t.firstRespondedAt() != null) {
                f[3]++;
                f[4] += Percentiles.between(t.createdAt(), t.firstRespondedAt());
            }
        }
        for (Ticket t : tickets) {
            if (t.assigneeId() != null && ACTIVE.contains(t.status()) && filtered(query, t)) {
                figures.computeIfAbsent(t.assigneeId(), k -> new long[6])[2]++;
            }
        }
        List<AgentCounts> out = new ArrayList<>();
        new TreeSet<>(figures.keySet()).forEach(agent -> {
            long[] f = figures.get(agent);
            out.add(new AgentCounts(agent, f[0], f[1], f[2], f[3], f[4], f[5]));
        });
        return out;
    }

    @Override
    public List<AgentSpanStats> agentSpanStats(AnalyticsQuery query, Span span) {
        if (span == Span.NEXT_RESPONSE) {
            throw new IllegalArgumentException("per-agent spans are first response and resolution");
        }
        Map<String, List<Long>> byAgent = new TreeMap<>();
        for (Ticket t : period(query)) {
            Instant end = span == Span.FIRST_RESPONSE ? t.firstRespondedAt() : firstResolution(t);
            if (t.assigneeId() != null && end != null) {
                byAgent.computeIfAbsent(t.assigneeId(), k -> new ArrayList<>()).add(Percentiles.between(t.createdAt(), end));
            }
        }
        List<AgentSpanStats> out = new ArrayList<>();
        byAgent.forEach((agent, micros) -> {
            long[] values = micros.stream().mapToLong(Long::longValue).toArray();
            SpanStats stats = Percentiles.stats(values, values.length);
            out.add(new AgentSpanStats(agent, stats.count(), stats.p50(), stats.p90()));
        });
        return out;
    }

    @Override
    public void forEachRequestText(AnalyticsQuery query, Consumer<List<String>> request) {
        for (Ticket t : period(query)) {
            request.accept(List.of(t.subject(), t.body()));
        }
        Set<UUID> seen = new HashSet<>();
        for (Conversation c : periodConversations(query)) {
            if (c.ticketId() == null && seen.add(c.id())) {
                conversationMessages.apply(c.id()).stream()
                        .filter(m -> m.author() == ConversationMessage.Author.CUSTOMER)
                        .findFirst()
                        .ifPresent(m -> request.accept(List.of(m.body())));
            }
        }
    }
}
