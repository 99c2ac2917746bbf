package za.co.proconnectsa.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import za.co.proconnectsa.support.access.AccessDeniedException;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.store.InMemoryTicketStore;
import za.co.proconnectsa.support.ticket.AuditAction;
import za.co.proconnectsa.support.ticket.AuditEvent;
import za.co.proconnectsa.support.ticket.Category;
import za.co.proconnectsa.support.ticket.Message;
import za.co.proconnectsa.support.ticket.NewTicket;
import za.co.proconnectsa.support.ticket.Page;
import za.co.proconnectsa.support.ticket.Reply;
import za.co.proconnectsa.support.ticket.RequesterAuditEvent;
import za.co.proconnectsa.support.ticket.RequesterMessage;
import za.co.proconnectsa.support.ticket.RequesterTicket;
import za.co.proconnectsa.support.ticket.RequesterTicketDetails;
import za.co.proconnectsa.support.ticket.Ticket;
import za.co.proconnectsa.support.ticket.TicketDetails;
import za.co.proconnectsa.support.ticket.TicketId;
import za.co.proconnectsa.support.ticket.TicketNotFoundException;
import za.co.proconnectsa.support.ticket.TicketQuery;
import za.co.proconnectsa.support.ticket.TicketService;
import za.co.proconnectsa.support.ticket.TicketStatus;
import za.co.proconnectsa.support.ticket.Visibility;

/** Requesters never receive support's internal fields, and the desk offers no way around its access policy. */
class RequesterViewTest {

    private static final String NOTE = "Card fraud suspected, check with finance before refunding";

    private final Actor thandi = Actor.requester("prov-17", "Thandi Nkosi");
    private final Actor pieter = Actor.requester("prov-99", "Pieter van Wyk");
    private final Actor sipho = Actor.agent("agent-1", "Sipho (Support)");

    private InMemoryTicketStore store;
    private SupportDesk desk;
    private TicketService tickets;
    private String number;

    @BeforeEach
    void setUp() {
        store = InMemoryTicketStore.create();
        desk = SupportDesk.builder().store(store).clock(new TestClock("2026-03-02T08:15:30Z")).build();
        tickets = desk.tickets();
        number = tickets.submit(thandi, NewTicket.builder().subject("Invoice INV-2291 charged twice")
                .body("I was billed twice for March.").category(Category.BILLING).tag("invoice").build())
                .ticketNumber().text();
        tickets.assign(sipho, number, "agent-1");
        tickets.reply(sipho, number, Reply.internalNote(NOTE));
        tickets.reply(sipho, number, Reply.publicReply("Sorry! Which card was charged?"));
    }

    @Nested
    @DisplayName("the requester's types")
    class Types {

        @Test
        @DisplayName("carry no internal field: no assignee, fingerprint, version, internal id, visibility or actor id")
        void noInternalComponents() {
            List<String> reached = new ArrayList<>();
            walk(RequesterTicketDetails.class, new HashSet<>(), reached);

            assertThat(reached).as("record components a requester receives")
                    .contains("RequesterTicket.number", "RequesterTicket.status", "RequesterMessage.body",
                            "RequesterAuditEvent.action")
                    .noneMatch(c -> c.toLowerCase().contains("assignee"))
                    .noneMatch(c -> c.toLowerCase().contains("fingerprint"))
                    .noneMatch(c -> c.endsWith(".version"))
                    .noneMatch(c -> c.endsWith(".requesterId"))
                    .noneMatch(c -> c.endsWith(".visibility"));
        }

        @Test
        @DisplayName("reach none of support's types: Ticket, TicketId, Actor, Message, AuditEvent, Visibility")
        void noSupportTypes() {
            Set<Class<?>> types = new HashSet<>();
            walk(RequesterTicketDetails.class, types, new ArrayList<>());

            assertThat(types).doesNotContain(Ticket.class, TicketId.class, Actor.class, Message.class,
                    AuditEvent.class, Visibility.class, TicketDetails.class);
        }

        @Test
        @DisplayName("the requester methods of TicketService return only requester types")
        void requesterMethods() {
            List<Method> mine = Arrays.stream(TicketService.class.getMethods())
                    .filter(m -> m.getName().toLowerCase(Locale.ROOT).contains("my")).toList();

            assertThat(mine).extracting(Method::getName)
                    .containsExactlyInAnyOrder("myTickets", "myTicket", "resolveMyTicket", "closeMyTicket");
            for (Method m : mine) {
                Set<Class<?>> types = new HashSet<>();
                collect(m.getGenericReturnType(), types, new ArrayList<>(), m.getName());
                assertThat(types).as(m.getName()).doesNotContain(Ticket.class, TicketDetails.class, Message.class,
                        AuditEvent.class, Actor.class, TicketId.class);
            }
        }

        @Test
        @DisplayName("an internal note or internal event has no requester form")
        void internalEntriesRefused() {
            Message note = new Message(UUID.randomUUID(), TicketId.random(), sipho, NOTE, Visibility.INTERNAL,
                    List.of(), Instant.now());
            AuditEvent assigned = new AuditEvent(TicketId.random(), sipho, AuditAction.ASSIGNED, null, "agent-1",
                    Visibility.INTERNAL, Instant.now());

            assertThatThrownBy(() -> RequesterMessage.of(note)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("internal");
            assertThatThrownBy(() -> RequesterAuditEvent.of(assigned)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("internal");
        }
    }

    @Nested
    @DisplayName("a requester reading a ticket with an assignee and an internal note")
    class Reading {

        @Test
        @DisplayName("sees neither in myTicket, nor any other internal value")
        void myTicket() {
            Ticket stored = store.findByNumber(number).orElseThrow();
            assertThat(stored.assigneeId()).isEqualTo("agent-1");

            RequesterTicketDetails details = tickets.myTicket(thandi, number);

            assertThat(details.ticket().number().text()).isEqualTo(number);
            assertThat(details.ticket().tags()).containsExactly("invoice");
            assertThat(details.ticket().firstResponse()).isPresent();
            assertThat(details.messages()).singleElement().satisfies(m -> {
                assertThat(m.body()).isEqualTo("Sorry! Which card was charged?");
                assertThat(m.authorName()).isEqualTo("Sipho (Support)");
                assertThat(m.fromSupport()).isTrue();
            });
            assertThat(details.history()).extracting(RequesterAuditEvent::action)
                    .containsExactly(AuditAction.CREATED, AuditAction.REPLIED, AuditAction.STATUS_CHANGED);
            // every value the requester receives, rendered: nothing internal in any of it
            assertThat(details.toString()).doesNotContain(NOTE).doesNotContain("agent-1")
                    .doesNotContain(stored.fingerprint()).doesNotContain(stored.id().toString());
        }

        @Test
        @DisplayName("sees no internal value in myTickets, and cannot filter by assignee to find out")
        void myTickets() {
            Ticket stored = store.findByNumber(number).orElseThrow();

            Page<RequesterTicket> page = tickets.myTickets(thandi, TicketQuery.all());

            assertThat(page.items()).extracting(t -> t.number().text()).containsExactly(number);
            assertThat(page.toString()).doesNotContain("agent-1").doesNotContain(stored.fingerprint());
            assertThatThrownBy(() -> tickets.myTickets(thandi, TicketQuery.builder().assignee("agent-1").build()))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("assignee");
            assertThatThrownBy(() -> tickets.myTickets(thandi, TicketQuery.builder().unassigned().build()))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("assignee");
        }

        @Test
        @DisplayName("resolves and closes through requester calls that answer with the requester's view")
        void resolveAndClose() {
            RequesterTicket resolved = tickets.resolveMyTicket(thandi, number);
            assertThat(resolved.status()).isEqualTo(TicketStatus.RESOLVED);
            assertThat(resolved.toString()).doesNotContain("agent-1");

            assertThat(tickets.closeMyTicket(thandi, number).status()).isEqualTo(TicketStatus.CLOSED);
            assertThatThrownBy(() -> tickets.resolveMyTicket(pieter, number))
                    .isInstanceOf(TicketNotFoundException.class);
        }

        @Test
        @DisplayName("is refused every call that hands out a full Ticket, before anything is read or written")
        void supportCallsRefused() {
            long version = store.findByNumber(number).orElseThrow().version();

            assertThatThrownBy(() -> tickets.get(thandi, number)).isInstanceOf(AccessDeniedException.class)
                    .hasMessageContaining("myTicket");
            assertThatThrownBy(() -> tickets.changeStatus(thandi, number, TicketStatus.RESOLVED))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> tickets.changeStatus(thandi, number, TicketStatus.RESOLVED, version))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> tickets.queue(thandi, TicketQuery.all()))
                    .isInstanceOf(AccessDeniedException.class);
            assertThat(store.findByNumber(number).orElseThrow().version()).isEqualTo(version);
        }

        @Test
        @DisplayName("someone else's ticket is not found through the requester calls, for agents too")
        void foreign() {
            assertThatThrownBy(() -> tickets.myTicket(pieter, number)).isInstanceOf(TicketNotFoundException.class);
            assertThatThrownBy(() -> tickets.myTicket(sipho, number)).isInstanceOf(TicketNotFoundException.class);
            assertThatThrownBy(() -> tickets.closeMyTicket(sipho, number)).isInstanceOf(TicketNotFoundException.class);
        }

        @Test
        @DisplayName("support still reads everything, and can show what the requester sees")
        void supportSide() {
            TicketDetails full = tickets.get(sipho, number);
            assertThat(full.ticket().assignee()).contains("agent-1");
            assertThat(full.messages()).extracting(Message::body).contains(NOTE);

            assertThat(RequesterTicketDetails.of(full)).isEqualTo(tickets.myTicket(thandi, number));
        }
    }

    @Nested
    @DisplayName("the desk")
    class Facade {

        @Test
        @DisplayName("offers no way to the raw store: no public method or field of desk or service yields an SPI")
        void noRawStore() {
            for (Class<?> type : List.of(SupportDesk.class, TicketService.class, desk.tickets().getClass())) {
                for (Method m : type.getMethods()) {
                    assertThat(m.getReturnType().getPackageName()).as(type.getSimpleName() + "." + m.getName())
                            .isNotEqualTo("za.co.proconnectsa.support.spi");
                }
                assertThat(Arrays.stream(type.getFields()).map(f -> f.getType().getPackageName()))
                        .doesNotContain("za.co.proconnectsa.support.spi");
            }
            assertThat(Arrays.stream(SupportDesk.class.getMethods()).map(Method::getName)).doesNotContain("store");
        }

        @Test
        @DisplayName("tells whether it is backed by a store without handing its own out")
        void backedBy() {
            assertThat(desk.isBackedBy(store)).isTrue();
            assertThat(desk.isBackedBy(InMemoryTicketStore.create())).isFalse();
            assertThat(desk.isBackedBy(null)).isFalse();
        }
    }

    /** Collects every record component and type reachable from a record, through lists, sets and optionals. */
    private static void walk(Class<?> type, Set<Class<?>> types, List<String> components) {
        if (!types.add(type) || !type.isRecord()) {
            return;
        }
        for (RecordComponent c : type.getRecordComponents()) {
            components.add(type.getSimpleName() + "." + c.getName());
            collect(c.getGenericType(), types, components, c.getName());
        }
        for (Method m : type.getMethods()) {
            // accessors beyond the components (e.g. firstResponse()) must not open a way to support's types
            if (!Modifier.isStatic(m.getModifiers()) && m.getDeclaringClass() == type && m.getParameterCount() == 0) {
                collect(m.getGenericReturnType(), types, components, m.getName());
            }
        }
    }

    private static void collect(Type type, Set<Class<?>> types, List<String> components, String where) {
        if (type instanceof ParameterizedType p) {
            collect(p.getRawType(), types, components, where);
            for (Type arg : p.getActualTypeArguments()) {
                collect(arg, types, components, where);
            }
        } else if (type instanceof Class<?> c) {
            if (c.isRecord()) {
                walk(c, types, components);
            } else {
                types.add(c);
            }
        }
    }
}
