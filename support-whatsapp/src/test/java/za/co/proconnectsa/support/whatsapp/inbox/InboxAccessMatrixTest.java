package za.co.proconnectsa.support.whatsapp.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.SupportDesk;
import za.co.proconnectsa.support.access.AccessDeniedException;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.attachment.AttachmentKind;
import za.co.proconnectsa.support.attachment.AttachmentNotFoundException;
import za.co.proconnectsa.support.attachment.AttachmentRecord;
import za.co.proconnectsa.support.attachment.InMemoryAttachmentStore;
import za.co.proconnectsa.support.conversation.ConversationNotFoundException;
import za.co.proconnectsa.support.conversation.ConversationQuery;
import za.co.proconnectsa.support.store.InMemoryTicketStore;
import za.co.proconnectsa.support.testing.AccessProbe;
import za.co.proconnectsa.support.testing.SettableClock;
import za.co.proconnectsa.support.ticket.Category;
import za.co.proconnectsa.support.ticket.NewTicket;
import za.co.proconnectsa.support.ticket.Ticket;
import za.co.proconnectsa.support.ticket.TicketNotFoundException;
import za.co.proconnectsa.support.whatsapp.webhook.InboundMessage;

/**
 * The WhatsApp inbox's operations (conversations and attachments) in the access matrix the desk's own services pass
 * ({@code AccessMatrixContract}), each cell judged with the same {@link AccessProbe}: every caller, on the owner's
 * conversation, ticket or file and on one that does not exist, numbers written in several ways; refused calls send
 * nothing, and someone else's answers as a missing one.
 * The operations are found by reflection: a new public operation taking an actor without a row fails.
 */
class InboxAccessMatrixTest {

    @RegisterExtension
    static final WireMockExtension GRAPH = InboxFixture.graph();

    private static final Actor THANDI = Actor.requester("provider-17", "Thandi Nkosi");
    private static final Actor PIETER = Actor.requester("provider-18", "Pieter van Wyk");
    private static final Actor NOBODY = Actor.requester("never-seen-42", "Unknown");
    private static final Actor SIPHO = Actor.agent("agent-1", "Sipho (Support)");
    private static final Actor LERATO = Actor.admin("admin-1", "Lerato (Lead)");
    private static final String MISSING_TICKET = "PCS-099999";
    private static final String MISSING_CONVERSATION = "WA-099999";
    private static final List<String> VARIANTS = List.of("%s", " %s ", "%s\u200B", "\uFEFF%s", "\u202E%s");

    private final SettableClock clock = SettableClock.startingAt("2026-03-02T08:00:00Z");
    private final Map<String, Row> rows = new LinkedHashMap<>();
    private InMemoryTicketStore store;
    private InMemoryAttachmentStore files;
    private SupportDesk desk;
    private WhatsAppInbox inbox;
    private int messages;

    private enum Kind { CONVERSATION, TICKET, FILE, OTHER }

    private enum Caller { OWNER, OTHER_PROVIDER, UNKNOWN, AGENT, ADMIN, ANONYMOUS }

    private static final Set<Caller> SUPPORT = EnumSet.of(Caller.AGENT, Caller.ADMIN);
    private static final Set<Caller> OWNER_AND_SUPPORT = EnumSet.of(Caller.OWNER, Caller.AGENT, Caller.ADMIN);

    /** What a call targets: the owner's conversation, ticket and file. */
    private record Target(String conversation, String ticket, UUID file) {
    }

    @FunctionalInterface
    private interface Call {
        Object call(WhatsAppInbox inbox, Actor actor, String id);
    }

    private record Row(Kind kind, Set<Caller> allowed, Call call) {
    }

    @BeforeEach
    void setUp() {
        GRAPH.resetAll();
        InboxFixture.graphAccepts(GRAPH);
        store = InMemoryTicketStore.create();
        files = InMemoryAttachmentStore.create();
        desk = SupportDesk.builder().store(store).clock(clock).build();
        inbox = WhatsAppInbox.builder().desk(desk).store(store).client(InboxFixture.client(GRAPH, clock))
                .attachments(files).manualEscalationOnly().build();
        Instant from = clock.instant().minus(Duration.ofDays(1));
        Instant to = clock.instant().plus(Duration.ofDays(1));
        conversation("WhatsAppInbox.markRead(Actor,String)", SUPPORT, (i, a, n) -> i.markRead(a, n));
        conversation("WhatsAppInbox.showTyping(Actor,String)", SUPPORT, (i, a, n) -> i.showTyping(a, n));
        conversation("WhatsAppInbox.sendTemplate(Actor,String,String,String,String)", SUPPORT,
                (i, a, n) -> i.sendTemplate(a, n, "payout_update", "en", "job 4471"));
        conversation("WhatsAppInbox.escalate(Actor,String,Category)", SUPPORT,
                (i, a, n) -> i.escalate(a, n, Category.BILLING));
        conversation("WhatsAppInbox.conversation(Actor,String)", SUPPORT, (i, a, n) -> i.conversation(a, n));
        conversation("WhatsAppInbox.slaStatus(Actor,String)", SUPPORT, (i, a, n) -> i.slaStatus(a, n));
        conversation("WhatsAppInbox.reply(Actor,String,String)", SUPPORT, (i, a, n) -> i.reply(a, n, "Checking"));
        conversation("WhatsAppInbox.replyWithTemplate(Actor,String,String,Map)", SUPPORT,
                (i, a, n) -> i.replyWithTemplate(a, n, "no-such-template", Map.of()));
        conversation("WhatsAppInbox.close(Actor,String)", SUPPORT, (i, a, n) -> i.close(a, n));
        conversation("WhatsAppInbox.replyWithMedia(Actor,String,MediaReply)", SUPPORT, (i, a, n) -> i.replyWithMedia(
                a, n, MediaReply.link(AttachmentKind.DOCUMENT, URI.create("https://example.co.za/invoice.pdf"),
                        "invoice.pdf", "Your invoice")));
        conversation("WhatsAppInbox.attachments(Actor,String)", SUPPORT, (i, a, n) -> i.attachments(a, n));
        // a requester may answer on their own ticket (stored as their reply, never sent on WhatsApp)
        ticket("WhatsAppInbox.replyOnTicket(Actor,String,String)", OWNER_AND_SUPPORT,
                (i, a, n) -> i.replyOnTicket(a, n, "Done"));
        ticket("WhatsAppInbox.ticketAttachments(Actor,String)", OWNER_AND_SUPPORT,
                (i, a, n) -> i.ticketAttachments(a, n));
        rows.put("WhatsAppInbox.attachmentContent(Actor,UUID)", new Row(Kind.FILE, OWNER_AND_SUPPORT,
                (i, a, id) -> i.attachmentContent(a, UUID.fromString(id))));
        other("WhatsAppInbox.conversations(Actor,ConversationQuery)", SUPPORT,
                (i, a, n) -> i.conversations(a, ConversationQuery.builder().build()));
        other("WhatsAppInbox.contactIdentity(Actor,String)", SUPPORT,
                (i, a, n) -> i.contactIdentity(a, InboxFixture.THANDI));
        other("WhatsAppInbox.delivery(Actor,String)", SUPPORT, (i, a, n) -> i.delivery(a, "no-such-message"));
        other("WhatsAppInbox.pricing(Actor,String)", SUPPORT, (i, a, n) -> i.pricing(a, "no-such-message"));
        other("WhatsAppInbox.pricedMessages(Actor,Instant,Instant)", SUPPORT, (i, a, n) -> i.pricedMessages(a, from, to));
    }

    @Test
    @DisplayName("every public operation of the inbox that takes an actor has a row")
    void everyOperationHasARow() {
        Set<String> found = new TreeSet<>();
        for (Method method : WhatsAppInbox.class.getMethods()) {
            if (!Modifier.isStatic(method.getModifiers()) && Arrays.asList(method.getParameterTypes()).contains(Actor.class)) {
                found.add("WhatsAppInbox." + method.getName() + Arrays.stream(method.getParameterTypes())
                        .map(Class::getSimpleName).collect(Collectors.joining(",", "(", ")")));
            }
        }
        assertThat(found).as("operations without a row").isSubsetOf(rows.keySet());
        assertThat(rows.keySet()).as("rows for operations that no longer exist").isSubsetOf(found);
    }

    @Test
    @DisplayName("each caller is allowed or refused as the table says; someone else's answers as a missing one; a "
            + "refusal sends nothing")
    void matrix() {
        List<String> problems = new ArrayList<>();
        int cells = 0;
        for (Map.Entry<String, Row> entry : rows.entrySet()) {
            Row row = entry.getValue();
            for (Caller caller : Caller.values()) {
                List<String> variants = row.kind == Kind.OTHER || row.kind == Kind.FILE ? List.of("%s") : VARIANTS;
                for (String variant : variants) {
                    cells++;
                    Target target = target();
                    int sendsBefore = GRAPH.getAllServeEvents().size();
                    String own = String.format(variant, id(row.kind, target));
                    String missing = String.format(variant, missingId(row.kind));
                    AccessProbe onOwn = run(row, caller, own);
                    AccessProbe onMissing = row.kind == Kind.OTHER ? null : run(row, caller, missing);
                    String cell = entry.getKey() + " by " + caller + " on '" + variant + "'";
                    boolean same = own.strip().equals(id(row.kind, target));
                    boolean allowed = same && caller != Caller.ANONYMOUS && row.allowed.contains(caller);
                    if (caller == Caller.ANONYMOUS) {
                        if (!(onOwn.error() instanceof InvalidInputException)) {
                            problems.add(cell + ": a null actor gave " + onOwn);
                        }
                    } else if (allowed) {
                        if (onOwn.error() instanceof AccessDeniedException || isNotFound(onOwn.error())) {
                            problems.add(cell + ": refused, expected allowed: " + onOwn);
                        }
                    } else if (onOwn.error() == null) {
                        problems.add(cell + ": allowed, expected a refusal");
                    }
                    if (!onOwn.typed()) {
                        problems.add(cell + ": untyped failure " + onOwn);
                    }
                    if (onMissing != null && !allowed) {
                        String a = onOwn.fingerprint(own, id(row.kind, target));
                        String b = onMissing.fingerprint(missing, missingId(row.kind));
                        if (!a.equals(b)) {
                            problems.add(cell + ": distinguishable from a missing one: " + a + " versus " + b);
                        }
                    }
                    if (!allowed && GRAPH.getAllServeEvents().size() != sendsBefore) {
                        problems.add(cell + ": a refused call reached the Graph API");
                    }
                }
            }
        }
        assertThat(problems).as("%d cells", cells).isEmpty();
        assertThat(cells).isGreaterThan(300);
    }

    @Test
    @DisplayName("a requester reads their own file on their own ticket; another provider's request looks like a "
            + "missing file")
    void files() {
        Target target = target();
        assertThat(inbox.attachmentContent(THANDI, target.file)).asString(StandardCharsets.UTF_8)
                .isEqualTo("%PDF-1.4 invoice");
        for (Actor reader : List.of(THANDI, SIPHO)) {
            assertThat(inbox.ticketAttachments(reader, target.ticket)).extracting(AttachmentRecord::id)
                    .containsExactly(target.file);
        }
        assertThat(inbox.attachmentContent(LERATO, target.file)).hasSize(16);
        AccessProbe other = run(rows.get("WhatsAppInbox.attachmentContent(Actor,UUID)"), Caller.OTHER_PROVIDER,
                target.file.toString());
        assertThat(other.error()).isInstanceOf(AttachmentNotFoundException.class);
    }

    /** A fresh open conversation (each from its own phone), and Thandi's ticket with a file she sent on it. */
    private Target target() {
        messages++;
        String phone = String.format("2767951%04d", messages);
        inbox.ingest(new InboundMessage("wamid.matrix-" + messages, "0",
                new InboundMessage.Sender(phone, null, null, "Thandi Nkosi", null), clock.instant(),
                InboundMessage.Type.TEXT, "My payout for job " + messages + " is late", null, null, null, null, null));
        String conversation = inbox.conversations(SIPHO, ConversationQuery.builder().build()).items().stream()
                .filter(c -> c.contact().equals(phone))
                .findFirst().orElseThrow().number().text();
        Ticket ticket = store.findByNumber(desk.tickets().submit(THANDI, NewTicket.builder()
                .subject("Payout " + messages).body("Late payout").build()).ticketNumber().text()).orElseThrow();
        byte[] content = "%PDF-1.4 invoice".getBytes(StandardCharsets.UTF_8);
        UUID file = UUID.randomUUID();
        files.save(new AttachmentRecord(file, AttachmentKind.DOCUMENT, "application/pdf", content.length,
                sha256(content), "invoice.pdf", "My invoice", clock.instant(), null, ticket.id(), THANDI.id(),
                "wamid.file-" + messages), content);
        return new Target(conversation, ticket.number().text(), file);
    }

    private static String id(Kind kind, Target target) {
        return switch (kind) {
            case CONVERSATION -> target.conversation;
            case TICKET -> target.ticket;
            case FILE -> target.file.toString();
            case OTHER -> "";
        };
    }

    private static String missingId(Kind kind) {
        return switch (kind) {
            case CONVERSATION -> MISSING_CONVERSATION;
            case TICKET -> MISSING_TICKET;
            case FILE -> UUID.randomUUID().toString();
            case OTHER -> "";
        };
    }

    private static boolean isNotFound(RuntimeException e) {
        return e instanceof TicketNotFoundException || e instanceof ConversationNotFoundException
                || e instanceof AttachmentNotFoundException;
    }

    private AccessProbe run(Row row, Caller caller, String id) {
        Actor actor = switch (caller) {
            case OWNER -> THANDI;
            case OTHER_PROVIDER -> PIETER;
            case UNKNOWN -> NOBODY;
            case AGENT -> SIPHO;
            case ADMIN -> LERATO;
            case ANONYMOUS -> null;
        };
        return AccessProbe.attempt(() -> row.call.call(inbox, actor, id));
    }

    private void conversation(String name, Set<Caller> allowed, Call call) {
        rows.put(name, new Row(Kind.CONVERSATION, allowed, call));
    }

    private void ticket(String name, Set<Caller> allowed, Call call) {
        rows.put(name, new Row(Kind.TICKET, allowed, call));
    }

    private void other(String name, Set<Caller> allowed, Call call) {
        rows.put(name, new Row(Kind.OTHER, allowed, call));
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
