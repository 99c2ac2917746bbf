package za.co.proconnectsa.support.examples.quickstart;

// routing-imports:begin
import java.net.URI;
import za.co.proconnectsa.support.SupportDesk;
import za.co.proconnectsa.support.access.Role;
import za.co.proconnectsa.support.page.SupportPage;
import za.co.proconnectsa.support.routing.Channel;
import za.co.proconnectsa.support.routing.RoutingDecision;
import za.co.proconnectsa.support.routing.RoutingPolicy;
import za.co.proconnectsa.support.routing.SupportRequest;
import za.co.proconnectsa.support.whatsapp.WhatsAppLinks;
import za.co.proconnectsa.support.store.InMemoryTicketStore;
// routing-imports:end

/**
 * Routing requests between WhatsApp and tickets, and the support page model. The README's
 * "Routing a request" section is this code.
 */
public final class RoutingExample {

    private RoutingExample() {
    }

    /**
     * Runs the example.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        run();
    }

    static RoutingDecision run() {
        // routing:begin
        SupportDesk desk = SupportDesk.builder()
                .store(InMemoryTicketStore.create())
                .whatsApp(WhatsAppLinks.of("+27 67 951 8124"))     // Mon-Fri 8am-6pm SAST by default
                .routingPolicy(RoutingPolicy.standard())            // the standard rules
                .build();

        RoutingDecision decision = desk.route(SupportRequest.builder()
                .requester("provider-17", Role.REQUESTER)
                .text("I keep getting a 500 error when loading my tickets")
                .build());

        if (decision.channel() == Channel.WHATSAPP) {
            URI chat = decision.whatsAppLink().orElseThrow();   // https://wa.me/27679518124?text=...
            System.out.println("Chat with us: " + chat);
        } else {
            System.out.println("Please open a ticket (" + decision.suggestedCategory() + "): " + decision.reasons());
        }
        decision.explain().forEach(System.out::println);               // every rule tried, and why

        SupportPage page = desk.supportPage();                   // WhatsApp card first, then the ticket card
        // routing:end
        page.cards().forEach(card -> System.out.println(card.title()));
        return decision;
    }
}
