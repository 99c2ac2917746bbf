package za.co.proconnectsa.support.benchmarks;

import java.util.ArrayList;
import java.util.List;
import za.co.proconnectsa.support.routing.Channel;
import za.co.proconnectsa.support.routing.Condition;
import za.co.proconnectsa.support.routing.RoutingPolicy;
import za.co.proconnectsa.support.routing.Rule;
import za.co.proconnectsa.support.ticket.Category;
import za.co.proconnectsa.support.ticket.Priority;

/**
 * The keyword-only standard policy as the library shipped it before the classifier (2201ed8): the same rules, keyword
 * lists ({@link HandCodedRouting}'s) and order, built with the public builder, so {@link RoutingBenchmark} measures
 * it side by side with today's policy on the same engine.
 */
final class KeywordRouting {

    private KeywordRouting() {
    }

    static RoutingPolicy policy() {
        return RoutingPolicy.builder()
                .rule(new Rule("outage", Condition.anyOf(Condition.keywords(HandCodedRouting.OUTAGE_WORDS),
                        Condition.keywords(statusCodes())), Channel.TICKET, Category.TECHNICAL, Priority.HIGH,
                        "Errors and outages are tracked as tickets so our technical team can investigate."))
                .rule(new Rule("attachments", Condition.hasAttachments(), Channel.TICKET, null, null,
                        "Files and screenshots stay with your case in a ticket."))
                .rule(new Rule("billing", Condition.anyOf(Condition.category(Category.BILLING),
                        Condition.keywords(HandCodedRouting.BILLING_WORDS)), Channel.TICKET, Category.BILLING,
                        Priority.NORMAL, "Billing questions are tracked as tickets, so nothing about your money gets lost."))
                .rule(new Rule("technical", Condition.anyOf(Condition.category(Category.TECHNICAL),
                        Condition.keywords(HandCodedRouting.TECHNICAL_WORDS)), Channel.TICKET, Category.TECHNICAL,
                        Priority.NORMAL, "Technical problems are tracked as tickets, so we can investigate and follow up."))
                .rule(new Rule("account", Condition.anyOf(Condition.category(Category.ACCOUNT),
                        Condition.keywords(HandCodedRouting.ACCOUNT_WORDS)), Channel.TICKET, Category.ACCOUNT,
                        Priority.NORMAL, "Account and login issues need identity checks, so they are handled as tickets."))
                .rule(Rule.of("asks-for-ticket", Condition.keywords(HandCodedRouting.ASKS_WORDS), Channel.TICKET,
                        "You asked for a ticket, so we opened one."))
                .rule(Rule.of("detailed", Condition.anyOf(Condition.minLength(280), Condition.minWords(50)),
                        Channel.TICKET, "Detailed descriptions are easier to follow up in a ticket."))
                .rule(Rule.of("quick-question", Condition.open(), Channel.WHATSAPP,
                        "Quick questions get the fastest answer on WhatsApp while support is open ({hours})."))
                .otherwise(Channel.TICKET, "Support is closed until {nextOpening}; a ticket keeps your place in the "
                        + "queue and we reply when we open.")
                .build();
    }

    /** "http 503", "error500" ...: the old policy matched 5xx codes after these words as keywords of one automaton. */
    private static String[] statusCodes() {
        List<String> codes = new ArrayList<>(600);
        for (String prefix : List.of("http", "error", "status")) {
            for (int n = 500; n < 600; n++) {
                codes.add(prefix + n);
                codes.add(prefix + " " + n);
            }
        }
        return codes.toArray(new String[0]);
    }
}
