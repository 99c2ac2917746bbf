package za.co.proconnectsa.support;

import java.util.List;
import java.util.stream.Collectors;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.store.InMemoryTicketStore;
import za.co.proconnectsa.support.ticket.NewTicket;

/**
 * What {@link BeanValidationOptionalTest} runs in a class loader without jakarta.validation: a desk built, a ticket
 * without a category stored, a bad one refused. Uses only the public API.
 */
public final class NoValidatorProbe {

    private NoValidatorProbe() {
    }

    /** @return the stored ticket's category, then each refused field and its message, one a line */
    public static String run() {
        SupportDesk desk = SupportDesk.builder().store(InMemoryTicketStore.create()).build();
        Actor thandi = Actor.requester("prov-17", "Thandi Nkosi");
        String number = desk.tickets().submit(thandi, NewTicket.builder().subject("Where is my payout?")
                .body("It was due on Friday.").build()).ticketNumber().text();
        String category = desk.tickets().myTicket(thandi, number).ticket().category().code();
        try {
            desk.tickets().submit(thandi, NewTicket.builder().subject("x".repeat(201)).body(" ")
                    .tag("has space").build());
            return category + "\nnot refused";
        } catch (InvalidInputException e) {
            List<String> lines = e.fieldErrors().stream().map(f -> f.field() + ": " + f.message()).toList();
            return category + "\n" + lines.stream().collect(Collectors.joining("\n"));
        }
    }
}
