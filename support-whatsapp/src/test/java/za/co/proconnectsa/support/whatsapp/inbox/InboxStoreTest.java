package za.co.proconnectsa.support.whatsapp.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import za.co.proconnectsa.support.SupportDesk;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.store.InMemoryTicketStore;
import za.co.proconnectsa.support.whatsapp.cloud.RetryPolicy;
import za.co.proconnectsa.support.whatsapp.cloud.WhatsAppCloudClient;

/** The inbox takes the desk's store from the host, since the desk does not hand it out, and only that store. */
class InboxStoreTest {

    private final InMemoryTicketStore store = InMemoryTicketStore.create();
    private final SupportDesk desk = SupportDesk.builder().store(store).build();
    private final WhatsAppCloudClient client = WhatsAppCloudClient.builder()
            .baseUrl(URI.create("http://127.0.0.1:9")).phoneNumberId("106540352242922")
            .accessToken("EAAG-store-test-token").retryPolicy(RetryPolicy.noRetries()).build();

    @Test
    @DisplayName("built with the desk's own store, the inbox starts")
    void desksStore() {
        assertThat(WhatsAppInbox.builder().desk(desk).store(store).client(client).build()).isNotNull();
    }

    @Test
    @DisplayName("without a store, or with another store than the desk's, the inbox is refused at build time")
    void otherStore() {
        assertThatThrownBy(() -> WhatsAppInbox.builder().desk(desk).client(client).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("store");
        assertThatThrownBy(() -> WhatsAppInbox.builder().desk(desk).store(InMemoryTicketStore.create()).client(client)
                .build()).isInstanceOf(InvalidInputException.class).hasMessageContaining("the store the desk was built with");
    }
}
