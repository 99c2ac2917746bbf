package za.co.proconnectsa.support.benchmarks;

import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;
import za.co.proconnectsa.support.hours.BusinessHours;
import za.co.proconnectsa.support.routing.Channel;
import za.co.proconnectsa.support.routing.SupportRequest;
import za.co.proconnectsa.support.whatsapp.WhatsAppLinks;
import za.co.proconnectsa.support.ticket.Category;

/**
 * The keyword-only standard routing policy (the library's before the classifier) written the way a host would hand-code them: lower-case the
 * text, check keyword lists with if/else, and build a link for WhatsApp. The baseline of {@link RoutingBenchmark}.
 */
final class HandCodedRouting {

    record Decision(Channel channel, String rule, String reason, URI link) {
    }

    static final String[] OUTAGE_WORDS = {"500", "502", "503", "504", "server error", "internal server error",
            "site is down", "website is down", "app is down", "system is down", "outage", "nobody can log in",
            "cannot access the site", "cant access the site"};
    private static final Pattern STATUS_5XX = Pattern.compile("\\b(?:http|error|status)\\s?5\\d\\d\\b");
    static final String[] BILLING_WORDS = {"invoice", "invoices", "refund", "refunds", "refunded", "payment",
            "payments", "paid", "billing", "billed", "bill", "charged", "charge", "charges", "overcharged", "debit order",
            "debit", "subscription", "receipt", "credit card", "card was", "bank", "eft", "vat", "fee", "fees", "payout",
            "payouts", "money back", "credit note"};
    static final String[] TECHNICAL_WORDS = {"error", "errors", "bug", "bugs", "crash", "crashes", "crashed",
            "crashing", "broken", "not working", "doesnt work", "doesn t work", "does not work", "stopped working",
            "isnt working", "isn t working", "exception", "failed", "fails", "failing", "blank page", "wont load",
            "won t load", "not loading", "cannot load", "cant load", "can t load", "timeout", "timed out", "glitch",
            "freezes", "frozen", "404", "stuck"};
    static final String[] ACCOUNT_WORDS = {"password", "reset my password", "login", "log in", "logged out",
            "sign in", "locked out", "verification", "verify my", "permission", "permissions", "access denied",
            "delete my account", "close my account", "2fa", "otp", "two factor", "hacked"};
    static final String[] ASKS_WORDS = {"open a ticket", "create a ticket", "log a ticket", "raise a ticket",
            "new ticket", "support ticket", "complaint", "formal complaint", "escalate"};

    private static final String[] OUTAGE = words(OUTAGE_WORDS);
    private static final String[] BILLING = words(BILLING_WORDS);
    private static final String[] TECHNICAL = words(TECHNICAL_WORDS);
    private static final String[] ACCOUNT = words(ACCOUNT_WORDS);
    private static final String[] ASKS = words(ASKS_WORDS);

    private final BusinessHours hours;

    HandCodedRouting(BusinessHours hours) {
        this.hours = hours;
    }

    Decision route(SupportRequest r, Instant now, WhatsAppLinks contact) {
        String raw = r.subject().isEmpty() ? r.text() : r.subject() + "\n" + r.text();
        String text = " " + raw.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip() + " ";
        Category hint = r.categoryHint();
        if (any(text, OUTAGE) || STATUS_5XX.matcher(text).find()) {
            return ticket("outage", "Errors and outages are tracked as tickets.");
        } else if (r.hasAttachments()) {
            return ticket("attachments", "Files and screenshots stay with your case in a ticket.");
        } else if (hint == Category.BILLING || any(text, BILLING)) {
            return ticket("billing", "Billing questions are tracked as tickets.");
        } else if (hint == Category.TECHNICAL || any(text, TECHNICAL)) {
            return ticket("technical", "Technical problems are tracked as tickets.");
        } else if (hint == Category.ACCOUNT || any(text, ACCOUNT)) {
            return ticket("account", "Account and login issues are handled as tickets.");
        } else if (any(text, ASKS)) {
            return ticket("asks-for-ticket", "You asked for a ticket.");
        } else if (raw.strip().length() >= 280 || text.split(" ").length - 1 >= 50) {
            return ticket("detailed", "Detailed descriptions are easier to follow up in a ticket.");
        } else if (hours.isOpen(now)) {
            return new Decision(Channel.WHATSAPP, "quick-question", "Quick questions get the fastest answer on WhatsApp.",
                    contact.chatLink(raw.strip()));
        }
        return ticket("default", "Support is closed; a ticket keeps your place in the queue.");
    }

    private static Decision ticket(String rule, String reason) {
        return new Decision(Channel.TICKET, rule, reason, null);
    }

    private static boolean any(String text, String[] padded) {
        for (String w : padded) {
            if (text.contains(w)) {
                return true;
            }
        }
        return false;
    }

    private static String[] words(String... words) {
        String[] out = new String[words.length];
        for (int i = 0; i < words.length; i++) {
            out[i] = " " + words[i] + " ";
        }
        return out;
    }
}
