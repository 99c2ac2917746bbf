package za.co.proconnectsa.support.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import za.co.proconnectsa.support.SupportDesk;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.store.InMemoryTicketStore;
import za.co.proconnectsa.support.ticket.NewTicket;

class DataSubjectExportJsonTest {

    private static final Actor ADMIN = Actor.admin("admin-1", "Naledi");

    @Test
    @DisplayName("the export is valid JSON whose texts read back exactly: quotes, backslashes, line breaks, tabs, emoji, U+2028")
    void exactText() throws Exception {
        SupportDesk desk = SupportDesk.builder().store(InMemoryTicketStore.create()).build();
        String body = "She said \"hi\" \\ then\nleft\ttoo \u2028 🙂 عربى é";
        desk.tickets().submit(Actor.requester("provider-17", "Thandi \"T\" Nkosi"),
                NewTicket.builder().subject("Quotes \"and\" slashes \\").body(body).build());

        String json = desk.dataSubjects().export(ADMIN, DataSubject.builder("provider-17").build(), "test").json();

        JsonNode root = new ObjectMapper().readTree(json);
        assertThat(root.path("tickets").get(0).path("body").asText()).isEqualTo(body);
        assertThat(root.path("tickets").get(0).path("subject").asText()).isEqualTo("Quotes \"and\" slashes \\");
        assertThat(root.path("tickets").get(0).path("audit").get(0).path("actor").path("name").asText())
                .isEqualTo("Thandi \"T\" Nkosi");
        assertThat(root.path("subject").path("requesterIds").get(0).asText()).isEqualTo("provider-17");
        assertThat(root.path("conversations").isArray()).isTrue();
        assertThat(root.path("tickets").get(0).path("firstRespondedAt").isNull()).isTrue();
    }

    @Test
    @DisplayName("a subject needs a requester id; phone numbers and e-mail addresses are checked")
    void validation() {
        assertThatThrownBy(() -> DataSubject.builder("provider 17")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> DataSubject.builder("p").email("not-an-address").build())
                .isInstanceOf(InvalidInputException.class);
        assertThat(DataSubject.builder("p").phone("+27 (82) 123-4567").build().phones()).containsExactly("27821234567");
        assertThatThrownBy(() -> RetentionPolicy.builder().doneJobs(java.time.Duration.ofDays(2), "k").build())
                .isInstanceOf(InvalidInputException.class);
    }
}
