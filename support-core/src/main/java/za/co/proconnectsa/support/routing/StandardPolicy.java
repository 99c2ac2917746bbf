package za.co.proconnectsa.support.routing;

import static za.co.proconnectsa.support.routing.Condition.allOf;
import static za.co.proconnectsa.support.routing.Condition.anyOf;
import static za.co.proconnectsa.support.routing.Condition.category;
import static za.co.proconnectsa.support.routing.Condition.classifiedAs;
import static za.co.proconnectsa.support.routing.Condition.keywords;

import java.util.Locale;
import za.co.proconnectsa.support.internal.SupportTexts;
import za.co.proconnectsa.support.ticket.Category;
import za.co.proconnectsa.support.ticket.OriginChannel;
import za.co.proconnectsa.support.ticket.Priority;

/** The standard routing policy: rules for the hard signals, a classifier for the rest; see {@link RoutingPolicy#standard(AfterHours)}. */
final class StandardPolicy {

    /** The request is a message in a WhatsApp conversation (the inbox's escalation check). */
    static final Condition IN_CHAT = new Conditions.Simple("came in on WhatsApp",
            c -> c.request().origin() == OriginChannel.WHATSAPP);

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

    static void addTo(RoutingPolicy.Builder b, AfterHours afterHours, Locale locale) {
        SupportTexts texts = new SupportTexts(locale);
        // hard signals first: no classifier's guess overrides them
        b.rule(new Rule("outage",
                        anyOf(keywords("500", "502", "503", "504", "server error", "internal server error",
                                        "site is down", "website is down", "app is down", "system is down", "outage",
                                        "nobody can log in", "cannot access the site", "cant access the site"),
                                Condition.keywords(serverErrorCodes())),
                        Channel.TICKET, Category.TECHNICAL, Priority.HIGH,
                        texts.text("routing.outage")))
                .rule(new Rule("attachments", Condition.hasAttachments(), Channel.TICKET, null, null,
                        texts.text("routing.attachments")))
                .rule(new Rule("asks-for-ticket",
                        keywords("open a ticket", "create a ticket", "log a ticket", "raise a ticket", "new ticket",
                                "support ticket", "complaint", "formal complaint", "escalate"),
                        Channel.TICKET, null, null, texts.text("routing.asksForTicket")))
                // the person's own choice of category, else the classifier's reading of the words
                .rule(new Rule("billing",
                        anyOf(category(Category.BILLING), classifiedAs(Channel.TICKET, Category.BILLING)),
                        Channel.TICKET, Category.BILLING, Priority.NORMAL,
                        texts.text("routing.billing")))
                .rule(new Rule("technical",
                        anyOf(category(Category.TECHNICAL), classifiedAs(Channel.TICKET, Category.TECHNICAL)),
                        Channel.TICKET, Category.TECHNICAL, Priority.NORMAL,
                        texts.text("routing.technical")))
                .rule(new Rule("account",
                        anyOf(category(Category.ACCOUNT), classifiedAs(Channel.TICKET, Category.ACCOUNT)),
                        Channel.TICKET, Category.ACCOUNT, Priority.NORMAL,
                        texts.text("routing.account")))
                .rule(new Rule("needs-follow-up", classifiedAs(Channel.TICKET), Channel.TICKET, null, null,
                        texts.text("routing.needsFollowUp")))
                .rule(new Rule("quick-question", allOf(classifiedAs(Channel.WHATSAPP), Condition.open()),
                        Channel.WHATSAPP, null, null,
                        texts.text("routing.quickQuestion")))
                // a chat message the classifier cannot read stays in the chat, where an agent reads it: escalating
                // it would only move a conversation nobody has understood yet
                .rule(new Rule("not-sure-in-chat", allOf(Condition.classifierUnsure(), IN_CHAT), Channel.WHATSAPP,
                        null, null, texts.text("routing.notSureInChat")))
                // the safe default: a ticket is tracked, so an unclear request is never lost
                .rule(new Rule("not-sure", Condition.classifierUnsure(), Channel.TICKET, null, null,
                        texts.text("routing.notSure")));
        switch (afterHours) {
            case TICKET -> b.otherwise(Channel.TICKET, texts.text("routing.closedTicket"));
            case WHATSAPP_WITH_NOTICE -> b.otherwise(Channel.WHATSAPP, texts.text("routing.closedWhatsApp"));
            default -> throw new IllegalStateException("unknown " + afterHours);
        }
    }
}
