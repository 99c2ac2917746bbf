package za.co.proconnectsa.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.access.Role;
import za.co.proconnectsa.support.conversation.ConversationQuery;
import za.co.proconnectsa.support.privacy.ConsentChoice;
import za.co.proconnectsa.support.privacy.ConsentEntry;
import za.co.proconnectsa.support.privacy.DataSubject;
import za.co.proconnectsa.support.routing.SupportRequest;
import za.co.proconnectsa.support.store.InMemoryTicketStore;
import za.co.proconnectsa.support.ticket.Category;
import za.co.proconnectsa.support.ticket.NewTicket;
import za.co.proconnectsa.support.ticket.Ticket;

/** toString of public records: what a person debugging needs, no fingerprint, internal id, text or full number. */
class RecordToStringTest {

    private static final String PHONE = "+27679518124";
    private static final String SECRET_TEXT = "my ID number is 8001015009087";

    @Test
    @DisplayName("a ticket shows number, status, category, priority, channel, masked requester and version only")
    void ticket() {
        SupportDesk desk = SupportDesk.builder().store(InMemoryTicketStore.create()).build();
        Actor customer = Actor.requester(PHONE, "Thandi");
        String number = desk.tickets().submit(customer, NewTicket.builder().subject("Refund " + SECRET_TEXT)
                .body(SECRET_TEXT).category(Category.BILLING).build()).ticketNumber().text();
        Ticket ticket = desk.tickets().get(Actor.agent("agent-1", "Sipho"), number).ticket();

        assertThat(ticket.toString())
                .isEqualTo("Ticket[PCS-000001, NEW, BILLING, NORMAL, origin=WEB, requester=+27 67 *** **24, "
                        + "assignee=null, version=1]")
                .doesNotContain(ticket.fingerprint()).doesNotContain(ticket.id().value().toString())
                .doesNotContain(PHONE).doesNotContain("8001015009087");
        assertThat(desk.tickets().myTicket(customer, number).ticket().toString())
                .isEqualTo("RequesterTicket[PCS-000001, NEW, BILLING, NORMAL, origin=WEB]");
    }

    @Test
    @DisplayName("a submission, a routing request, a consent line, a data subject and a query hide texts and numbers")
    void others() {
        NewTicket submission = NewTicket.builder().subject(SECRET_TEXT).body(SECRET_TEXT).onBehalfOf(PHONE)
                .idempotencyKey("form-token-7f3a9c").tag("refund").build();
        assertThat(submission.toString()).contains("subjectLength=29", "bodyLength=29", "onBehalfOf=+27 67 *** **24",
                "idempotencyKey=set", "tags=[refund]").doesNotContain("8001015009087", PHONE, "form-token-7f3a9c");

        SupportRequest request = SupportRequest.builder().requester(PHONE, Role.REQUESTER).text(SECRET_TEXT).build();
        assertThat(request.toString()).contains("requester=+27 67 *** **24", "textLength=29")
                .doesNotContain("8001015009087", PHONE);

        ConsentEntry consent = new ConsentEntry(PHONE, ConsentChoice.OPT_IN, "web-form",
                Actor.agent("agent-1", "Sipho"), Instant.parse("2026-03-03T08:00:00Z"));
        assertThat(consent.toString()).contains("+27 67 *** **24", "OPT_IN", "agent-1").doesNotContain(PHONE);

        DataSubject subject = DataSubject.builder("prov-17").phone("+27 67 951 8124").email("thandi@example.co.za")
                .build();
        assertThat(subject.toString()).doesNotContain("951", "thandi@example.co.za").contains("phones=1", "emails=1");

        ConversationQuery query = ConversationQuery.builder().contact(PHONE).build();
        assertThat(query.toString()).contains("+27 67 *** **24").doesNotContain(PHONE);
    }
}
