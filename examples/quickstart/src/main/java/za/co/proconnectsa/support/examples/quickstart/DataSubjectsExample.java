package za.co.proconnectsa.support.examples.quickstart;

// data-subjects-imports:begin
import java.time.Duration;
import za.co.proconnectsa.support.SupportDesk;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.privacy.ConsentChoice;
import za.co.proconnectsa.support.privacy.DataSubject;
import za.co.proconnectsa.support.privacy.DataSubjectExport;
import za.co.proconnectsa.support.privacy.PurgeReport;
import za.co.proconnectsa.support.privacy.RedactionReport;
import za.co.proconnectsa.support.privacy.RetentionPolicy;
import za.co.proconnectsa.support.store.InMemoryTicketStore;
import za.co.proconnectsa.support.ticket.NewTicket;
// data-subjects-imports:end

/**
 * The rights of data subjects (POPIA): export, erase, retention and the marketing-consent ledger. The README's
 * "Data subjects (POPIA)" section is this code.
 */
public final class DataSubjectsExample {

    private DataSubjectsExample() {
    }

    /**
     * Runs the example.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        run();
    }

    static RedactionReport run() {
        SupportDesk desk = SupportDesk.builder().store(InMemoryTicketStore.create()).build();
        Actor thandiAsRequester = Actor.requester("provider-17", "Thandi Nkosi");
        desk.tickets().submit(thandiAsRequester, NewTicket.builder().subject("Invoice charged twice")
                .body("Please call me on 082 123 4567").build());
        // data-subjects:begin
        Actor admin = Actor.admin("lead-1", "Lerato (Lead)");
        Actor agent = Actor.agent("agent-7", "Sipho");
        DataSubject thandi = DataSubject.builder("provider-17")    // her tickets' requester id
                .whatsApp("27821234567")                            // her WhatsApp contact, also found in free text
                .name("Thandi Nkosi")
                .email("thandi@example.co.za")
                .build();

        DataSubjectExport export = desk.dataSubjects().export(admin, thandi, "s23 request by e-mail, 2 March");
        System.out.println(export.tickets() + " tickets, " + export.conversations() + " conversations");
        String json = export.json();                                // one JSON document: hand it to her

        RedactionReport erased = desk.dataSubjects().erase(admin, thandi, "s24 erasure request, 3 March");
        System.out.println("Filed as " + erased.subjectRef() + "; delete the files " + erased.attachmentReferences());

        desk.dataSubjects().recordConsent(agent, "27831112222", ConsentChoice.OPT_IN, "web signup form");
        if (desk.dataSubjects().mayMarketTo("27831112222")) {
            System.out.println("May send the marketing template");
        }

        PurgeReport purged = desk.dataSubjects().purgeExpired(admin, RetentionPolicy.builder()
                .closedTickets(Duration.ofDays(3 * 365))
                .closedConversations(Duration.ofDays(365))
                .processedMessageIds(Duration.ofDays(30))
                .build());                                          // run daily, on any number of instances
        // data-subjects:end
        System.out.println(json.length() + " characters exported; purged " + purged.total());
        return erased;
    }
}
