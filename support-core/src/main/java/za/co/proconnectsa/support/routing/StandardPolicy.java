package za.co.proconnectsa.support.routing;

import static za.co.proconnectsa.support.routing.Condition.anyOf;
import static za.co.proconnectsa.support.routing.Condition.category;
import static za.co.proconnectsa.support.routing.Condition.keywords;

import za.co.proconnectsa.support.ticket.Category;
import za.co.proconnectsa.support.ticket.Priority;

/** The seed's routing policy as rules; see {@link RoutingPolicy#standard(AfterHours)}. */
final class StandardPolicy {

    /** A description this long (characters) or longer is a detailed report, not a quick question. */
    static final int DETAILED_CHARACTERS = 280;
    /** A description with this many words or more is a detailed report. */
    static final int DETAILED_WORDS = 50;

    private StandardPolicy() {
    }

    /**
     * "http 503", "error500", "status 520" ...: the words before a 5xx code, with or without a space.
     * The same set as the expression {@code \b(?:http|error|status)\s?5\d\d\b} on normalised text, as
     * keywords so that one automaton pass checks them all.
     */
    static String[] serverErrorCodes() {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (String word : new String[] {"http", "error", "status"}) {
            for (int code = 500; code <= 599; code++) {
                out.add(word + " " + code);
                out.add(word + code);
            }
        }
        return out.toArray(String[]::new);
    }

    static RoutingPolicy create(AfterHours afterHours) {
        RoutingPolicy.Builder b = RoutingPolicy.builder()
                .rule(new Rule("outage",
                        anyOf(keywords("500", "502", "503", "504", "server error", "internal server error",
                                        "site is down", "website is down", "app is down", "system is down", "outage",
                                        "nobody can log in", "cannot access the site", "cant access the site"),
                                Condition.keywords(serverErrorCodes())),
                        Channel.TICKET, Category.TECHNICAL, Priority.HIGH,
                        "Errors and outages are tracked as tickets so our technical team can investigate."))
                .rule(new Rule("attachments", Condition.hasAttachments(), Channel.TICKET, null, null,
                        "Files and screenshots stay with your case in a ticket."))
                .rule(new Rule("billing",
                        anyOf(category(Category.BILLING),
                                keywords("invoice", "invoices", "refund", "refunds", "refunded", "payment", "payments",
                                        "paid", "billing", "billed", "bill", "charged", "charge", "charges",
                                        "overcharged", "debit order", "debit", "subscription", "receipt", "credit card",
                                        "card was", "bank", "eft", "vat", "fee", "fees", "payout", "payouts",
                                        "money back", "credit note")),
                        Channel.TICKET, Category.BILLING, Priority.NORMAL,
                        "Billing questions are tracked as tickets, so nothing about your money gets lost."))
                .rule(new Rule("technical",
                        anyOf(category(Category.TECHNICAL),
                                keywords("error", "errors", "bug", "bugs", "crash", "crashes", "crashed", "crashing",
                                        "broken", "not working", "doesnt work", "doesn t work", "does not work",
                                        "stopped working", "isnt working", "isn t working", "exception", "failed",
                                        "fails", "failing", "blank page", "wont load", "won t load", "not loading",
                                        "cannot load", "cant load", "can t load", "timeout", "timed out", "glitch",
                                        "freezes", "frozen", "404", "stuck")),
                        Channel.TICKET, Category.TECHNICAL, Priority.NORMAL,
                        "Technical problems are tracked as tickets, so we can investigate and follow up."))
                .rule(new Rule("account",
                        anyOf(category(Category.ACCOUNT),
                                keywords("password", "reset my password", "login", "log in", "logged out", "sign in",
                                        "locked out", "verification", "verify my", "permission", "permissions",
                                        "access denied", "delete my account", "close my account", "2fa", "otp",
                                        "two factor", "hacked")),
                        Channel.TICKET, Category.ACCOUNT, Priority.NORMAL,
                        "Account and login issues need identity checks, so they are handled as tickets."))
                .rule(new Rule("asks-for-ticket",
                        keywords("open a ticket", "create a ticket", "log a ticket", "raise a ticket", "new ticket",
                                "support ticket", "complaint", "formal complaint", "escalate"),
                        Channel.TICKET, null, null, "You asked for a ticket, so we opened one."))
                .rule(new Rule("detailed",
                        anyOf(Condition.minLength(DETAILED_CHARACTERS), Condition.minWords(DETAILED_WORDS)),
                        Channel.TICKET, null, null, "Detailed descriptions are easier to follow up in a ticket."))
                .rule(new Rule("quick-question", Condition.open(), Channel.WHATSAPP, null, null,
                        "Quick questions get the fastest answer on WhatsApp while support is open ({hours})."));
        return switch (afterHours) {
            case TICKET -> b.otherwise(Channel.TICKET, "Support is closed until {nextOpening}; a ticket keeps your "
                    + "place in the queue and we reply when we open.").build();
            case WHATSAPP_WITH_NOTICE -> b.otherwise(Channel.WHATSAPP, "Support is closed now; WhatsApp us and we "
                    + "reply from {nextOpening}.").build();
        };
    }
}
