package za.co.proconnectsa.support.whatsapp.automation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.hours.BusinessHours;
import za.co.proconnectsa.support.routing.KeywordSet;
import za.co.proconnectsa.support.internal.Checks;

/**
 * Answers WhatsApp messages on its own: an FAQ answer when a question matches an entry, and outside business
 * hours a notice with the hours and the next opening. It decides; the
 * {@link za.co.proconnectsa.support.whatsapp.inbox.WhatsAppInbox} sends and records.
 *
 * <p>Loop guards, so that two automatons never talk to each other for ever:
 * <ul>
 *   <li>at most {@link Builder#maxReplies(int, Duration) N} automated replies a contact per window
 *       (3 in 24 hours by default);</li>
 *   <li>no answer to a message that looks automated (away messages, auto-replies, "out of office") or to a
 *       message from one of the business's {@link Builder#ownNumbers(String...) own numbers};</li>
 *   <li>the out-of-hours notice once a closed period;</li>
 *   <li>status updates and other webhook events are never answered: only customer messages reach it.</li>
 * </ul>
 *
 * <pre>{@code
 * AutoResponder responder = AutoResponder.builder()
 *         .faq(FaqEntry.of("payout-dates", "Payouts run every Friday before 12pm.", "payout", "paid out"))
 *         .businessHours(desk.businessHours())
 *         .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class AutoResponder {

    /** The source of out-of-hours notices in {@link AutoReply.Answer#source()}. */
    public static final String OUT_OF_HOURS_SOURCE = "out-of-hours";

    /** Words of auto-replies and away messages, matched as whole words. */
    private static final KeywordSet AUTOMATED = KeywordSet.of("auto reply", "autoreply", "auto response",
            "automatic reply", "automatic response", "automated message", "automated reply", "automated response",
            "this is an automated", "out of office", "out of the office", "away message", "do not reply to this",
            "noreply", "no reply address");

    private final List<FaqEntry> faq;
    private final BusinessHours hours;
    private final boolean outOfHoursReply;
    private final int maxReplies;
    private final Duration window;
    private final Set<String> ownNumbers;
    private final ResponseTemplates templates;

    private AutoResponder(Builder b) {
        this.faq = List.copyOf(b.faq);
        this.hours = b.hours;
        this.outOfHoursReply = b.outOfHoursReply && b.hours != null;
        this.maxReplies = b.maxReplies;
        this.window = b.window;
        this.ownNumbers = Set.copyOf(b.ownNumbers);
        this.templates = b.templates;
    }

    /** @return a builder: no FAQ, no business hours (so no out-of-hours notice), 3 replies a contact a day */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a responder that never answers: no FAQ, no out-of-hours notice */
    public static AutoResponder none() {
        return builder().outOfHoursReply(false).build();
    }

    /**
     * What the responder knows about one inbound message and its contact.
     *
     * @param text                   the customer's words (text or caption), or {@code null}
     * @param contact                the sender's contact (WhatsApp id)
     * @param name                   the name to greet, not blank
     * @param at                     when the message arrived
     * @param automatedRepliesSince  how many automated replies the contact got since {@code at} minus the window
     * @param lastOutOfHoursNoticeAt when the contact last got the out-of-hours notice, or {@code null}
     */
    public record Inbound(String text, String contact, String name, Instant at, int automatedRepliesSince,
            Instant lastOutOfHoursNoticeAt) {
        /**
         * Checks the components.
         *
         * @param text the customer's words (text or caption), or {@code null}
         * @param contact the sender's contact (WhatsApp id)
         * @param name the name to greet, not blank
         * @param at when the message arrived
         * @param automatedRepliesSince how many automated replies the contact got since {@code at} minus the window
         * @param lastOutOfHoursNoticeAt when the contact last got the out-of-hours notice, or {@code null}
         */
        public Inbound {
            Checks.notNull(contact, "contact");
            Checks.notNull(name, "name");
            Checks.notNull(at, "at");
        }
    }

    /**
     * @param message the message and its history
     * @return the reply to send, or why none
     */
    public AutoReply decide(Inbound message) {
        Checks.notNull(message, "message");
        if (ownNumbers.contains(message.contact())) {
            return new AutoReply.Silent(AutoReply.Reason.OWN_NUMBER, "the message came from the business's own number");
        }
        List<String> automated = AUTOMATED.matchedIn(message.text());
        if (!automated.isEmpty()) {
            return new AutoReply.Silent(AutoReply.Reason.AUTOMATED_MESSAGE,
                    "the message looks automated (mentions \"" + automated.get(0) + "\")");
        }
        if (message.automatedRepliesSince() >= maxReplies) {
            return new AutoReply.Silent(AutoReply.Reason.LIMIT_REACHED, "the contact already got "
                    + message.automatedRepliesSince() + " automated replies in the last " + window.toHours() + " hours");
        }
        Optional<FaqEntry> entry = bestFaq(message.text());
        if (entry.isPresent()) {
            return new AutoReply.Answer(AutoReply.Kind.FAQ, entry.get().id(), entry.get().answer());
        }
        if (outOfHoursReply && !hours.isOpen(message.at())) {
            Optional<Instant> next = hours.nextOpening(message.at());
            Instant last = message.lastOutOfHoursNoticeAt();
            if (last != null && !hours.isOpen(last) && hours.nextOpening(last).equals(next)) {
                return new AutoReply.Silent(AutoReply.Reason.ALREADY_NOTIFIED,
                        "the contact already got the out-of-hours notice for this closed period");
            }
            Map<String, Object> values = new HashMap<>();
            values.put("name", message.name());
            values.put("hours", hours.describe());
            values.put("nextOpening", next.map(hours::describeMoment).orElse(hours.describe()));
            return new AutoReply.Answer(AutoReply.Kind.OUT_OF_HOURS, OUT_OF_HOURS_SOURCE,
                    templates.render(ResponseTemplates.OUT_OF_HOURS, values));
        }
        return new AutoReply.Silent(AutoReply.Reason.NO_MATCH, outOfHoursReply
                ? "no FAQ entry matched and support is open: an agent answers"
                : "no FAQ entry matched: an agent answers");
    }

    /**
     * @param text a message
     * @return the FAQ entry mentioning most of its phrases (the first such entry on a tie), if any
     */
    public Optional<FaqEntry> bestFaq(String text) {
        FaqEntry best = null;
        int bestCount = 0;
        for (FaqEntry e : faq) {
            int n = e.matchedIn(text).size();
            if (n > bestCount) {
                best = e;
                bestCount = n;
            }
        }
        return Optional.ofNullable(best);
    }

    /** @return the window the reply limit counts in */
    public Duration window() {
        return window;
    }

    /** @return the most automated replies a contact gets per window */
    public int maxReplies() {
        return maxReplies;
    }

    /** @return the FAQ entries, in order */
    public List<FaqEntry> faq() {
        return faq;
    }

    @Override
    public String toString() {
        return "AutoResponder[faq=" + faq.stream().map(FaqEntry::id).toList() + ", outOfHoursReply=" + outOfHoursReply
                + ", maxReplies=" + maxReplies + " per " + window + "]";
    }

    /** Configures an {@link AutoResponder}. */
    public static final class Builder {
        private final List<FaqEntry> faq = new ArrayList<>();
        private BusinessHours hours;
        private boolean outOfHoursReply = true;
        private int maxReplies = 3;
        private Duration window = Duration.ofHours(24);
        private final Set<String> ownNumbers = new LinkedHashSet<>();
        private ResponseTemplates templates = ResponseTemplates.defaults();

        private Builder() {
        }

        /**
         * @param entry an FAQ entry; entries are tried in order on a tie
         * @return this builder
         */
        public Builder faq(FaqEntry entry) {
            FaqEntry e = Checks.notNull(entry, "faq");
            if (faq.stream().anyMatch(f -> f.id().equals(e.id()))) {
                throw InvalidInputException.of("faq", "has two entries with the id \"" + e.id() + "\"");
            }
            faq.add(e);
            return this;
        }

        /**
         * @param value the support team's hours, for the out-of-hours notice
         * @return this builder
         */
        public Builder businessHours(BusinessHours value) {
            this.hours = Checks.notNull(value, "businessHours");
            return this;
        }

        /**
         * @param value whether to send the out-of-hours notice (on by default, needs business hours)
         * @return this builder
         */
        public Builder outOfHoursReply(boolean value) {
            this.outOfHoursReply = value;
            return this;
        }

        /**
         * @param max    the most automated replies a contact gets per window, 0 to 100 (0: never answer)
         * @param window the window, 1 minute to 30 days
         * @return this builder
         */
        public Builder maxReplies(int max, Duration window) {
            if (max < 0 || max > 100) {
                throw InvalidInputException.of("maxReplies", "must be 0 to 100, was " + max);
            }
            Checks.notNull(window, "window");
            if (window.compareTo(Duration.ofMinutes(1)) < 0 || window.compareTo(Duration.ofDays(30)) > 0) {
                throw InvalidInputException.of("window", "must be 1 minute to 30 days, was " + window);
            }
            this.maxReplies = max;
            this.window = window;
            return this;
        }

        /**
         * @param numbers the business's own WhatsApp numbers (digits, e.g. {@code 27679518124}); their messages
         *                are never answered
         * @return this builder
         */
        public Builder ownNumbers(String... numbers) {
            for (String n : numbers) {
                ownNumbers.add(Checks.notNull(n, "ownNumbers").replaceAll("[^0-9]", ""));
            }
            return this;
        }

        /**
         * @param value the texts, for the out-of-hours notice
         * @return this builder
         */
        public Builder templates(ResponseTemplates value) {
            this.templates = Checks.notNull(value, "templates");
            return this;
        }

        /**
         * @return the responder
         * @throws InvalidInputException when the out-of-hours text uses a placeholder other than {name}, {hours} and
         *                             {nextOpening}
         */
        public AutoResponder build() {
            Set<String> unknown = new java.util.TreeSet<>(templates.get(ResponseTemplates.OUT_OF_HOURS).placeholders());
            unknown.removeAll(Set.of("name", "hours", "nextOpening"));
            if (!unknown.isEmpty()) {
                throw InvalidInputException.of("templates", "the out-of-hours text may use only {name}, {hours} and "
                        + "{nextOpening}, not " + unknown);
            }
            return new AutoResponder(this);
        }
    }
}
