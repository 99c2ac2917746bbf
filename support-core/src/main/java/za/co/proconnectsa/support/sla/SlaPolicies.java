package za.co.proconnectsa.support.sla;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.ticket.Category;
import za.co.proconnectsa.support.ticket.OriginChannel;
import za.co.proconnectsa.support.ticket.Priority;
import za.co.proconnectsa.support.ticket.Ticket;
import za.co.proconnectsa.support.internal.Checks;

/**
 * Which {@link SlaPolicy} applies to a ticket, by its priority, category and origin channel, with a
 * default for everything else. Immutable and thread-safe; build with {@link #builder(SlaPolicy)}.
 *
 * <pre>{@code
 * SlaPolicies policies = SlaPolicies.builder(standard)
 *         .forPriority(Priority.URGENT, urgent)
 *         .rule(SlaPolicies.Selector.any().priority(Priority.URGENT).category(Category.BILLING), urgentBilling)
 *         .forOrigin(OriginChannel.WHATSAPP, chat)
 *         .build();
 * SlaPolicy policy = policies.policyFor(ticket);
 * }</pre>
 *
 * <h2>Which rule wins</h2>
 * Of the rules whose selector matches, the most specific wins: the one naming the most of priority,
 * category and origin. Between rules naming as many, one naming the priority wins over one naming
 * the category, which wins over one naming the origin. So for an URGENT BILLING ticket from the web,
 * {@code priority=URGENT, category=BILLING} beats {@code priority=URGENT}, which beats
 * {@code category=BILLING}. No rule matching: the default policy.
 *
 * <h2>WhatsApp conversations</h2>
 * A WhatsApp chat that is not (yet) a ticket has neither priority nor category; its first reply is
 * measured with {@link #policyForWhatsAppConversation()}: the most specific rule that names neither,
 * with origin {@link OriginChannel#WHATSAPP} or any origin.
 */
public final class SlaPolicies {

    private static final Comparator<Rule> MOST_SPECIFIC_FIRST = Comparator
            .comparingInt((Rule r) -> r.selector().specificity()).reversed()
            .thenComparing(Comparator.comparingInt((Rule r) -> r.selector().weight()).reversed());

    private final SlaPolicy defaultPolicy;
    /** Most specific first, so the first match wins. */
    private final List<Rule> rules;

    private SlaPolicies(SlaPolicy defaultPolicy, List<Rule> rules) {
        this.defaultPolicy = defaultPolicy;
        List<Rule> sorted = new ArrayList<>(rules);
        sorted.sort(MOST_SPECIFIC_FIRST);
        this.rules = List.copyOf(sorted);
    }

    /**
     * The same policy for every ticket and conversation.
     *
     * @param policy the policy
     * @return the policies
     * @throws InvalidInputException if {@code policy} is null
     */
    public static SlaPolicies of(SlaPolicy policy) {
        return builder(policy).build();
    }

    /**
     * A builder with a default policy and no rules.
     *
     * @param defaultPolicy the policy for tickets no rule matches
     * @return the builder
     * @throws InvalidInputException if {@code defaultPolicy} is null
     */
    public static Builder builder(SlaPolicy defaultPolicy) {
        return new Builder(Checks.notNull(defaultPolicy, "defaultPolicy"));
    }

    /** @return the policy for tickets no rule matches */
    public SlaPolicy defaultPolicy() {
        return defaultPolicy;
    }

    /** @return the rules, in the order they are tried: most specific first */
    public List<Rule> rules() {
        return rules;
    }

    /**
     * The policy for a ticket's attributes.
     *
     * @param priority the ticket's priority
     * @param category the ticket's category
     * @param origin   the channel the ticket came in on
     * @return the most specific matching rule's policy, or the default
     * @throws InvalidInputException if an argument is null
     */
    public SlaPolicy policyFor(Priority priority, Category category, OriginChannel origin) {
        Checks.notNull(priority, "priority");
        Checks.notNull(category, "category");
        Checks.notNull(origin, "origin");
        return select(priority, category, origin);
    }

    /**
     * The policy for a ticket, by its priority, category and origin.
     *
     * @param ticket the ticket
     * @return the most specific matching rule's policy, or the default
     * @throws InvalidInputException if {@code ticket} is null
     */
    public SlaPolicy policyFor(Ticket ticket) {
        Checks.notNull(ticket, "ticket");
        return select(ticket.priority(), ticket.category(), ticket.origin());
    }

    /**
     * The policy for a WhatsApp conversation, which has neither priority nor category: the most
     * specific rule naming neither, whose origin is {@link OriginChannel#WHATSAPP} or any; else the
     * default. Its {@link SlaTargetType#FIRST_RESPONSE} target is the promise for the first agent
     * reply in the chat.
     *
     * @return the policy
     */
    public SlaPolicy policyForWhatsAppConversation() {
        return select(null, null, OriginChannel.WHATSAPP);
    }

    private SlaPolicy select(Priority priority, Category category, OriginChannel origin) {
        for (Rule r : rules) {
            if (r.selector().matches(priority, category, origin)) {
                return r.policy();
            }
        }
        return defaultPolicy;
    }

    @Override
    public String toString() {
        return "SlaPolicies{default=" + defaultPolicy.name() + ", rules=" + rules + '}';
    }

    /**
     * Which tickets a rule is for. A null component matches any value; build one with {@link #any()}
     * and the methods {@link #priority(Priority)}, {@link #category(Category)} and
     * {@link #origin(OriginChannel)}.
     *
     * @param priority the priority a ticket must have, or null for any
     * @param category the category a ticket must have, or null for any
     * @param origin   the channel a ticket must have come in on, or null for any
     */
    public record Selector(Priority priority, Category category, OriginChannel origin) {

        /** @return a selector matching every ticket */
        public static Selector any() {
            return new Selector(null, null, null);
        }

        /**
         * @param value the priority to match
         * @return a copy that also requires this priority
         */
        public Selector priority(Priority value) {
            return new Selector(Checks.notNull(value, "priority"), category, origin);
        }

        /**
         * @param value the category to match
         * @return a copy that also requires this category
         */
        public Selector category(Category value) {
            return new Selector(priority, Checks.notNull(value, "category"), origin);
        }

        /**
         * @param value the origin channel to match
         * @return a copy that also requires this origin
         */
        public Selector origin(OriginChannel value) {
            return new Selector(priority, category, Checks.notNull(value, "origin"));
        }

        /**
         * Tells whether a ticket's attributes match. An attribute passed as null (unknown, as for a
         * WhatsApp conversation) matches only a selector that does not name it.
         *
         * @param p the ticket's priority, or null if it has none
         * @param c the ticket's category, or null if it has none
         * @param o the ticket's origin, or null if unknown
         * @return whether every named component equals the ticket's
         */
        public boolean matches(Priority p, Category c, OriginChannel o) {
            return (priority == null || priority == p) && (category == null || category.equals(c))
                    && (origin == null || origin == o);
        }

        /** @return how many of priority, category and origin this selector names */
        public int specificity() {
            return (priority != null ? 1 : 0) + (category != null ? 1 : 0) + (origin != null ? 1 : 0);
        }

        /** Breaks ties between selectors naming as many attributes: priority, then category, then origin. */
        private int weight() {
            return (priority != null ? 4 : 0) + (category != null ? 2 : 0) + (origin != null ? 1 : 0);
        }
    }

    /**
     * A selector and the policy for the tickets it matches.
     *
     * @param selector which tickets
     * @param policy   their policy
     */
    public record Rule(Selector selector, SlaPolicy policy) {
        /**
         * Checks the components.
         *
         * @param selector which tickets
         * @param policy their policy
         */
        public Rule {
            Checks.notNull(selector, "selector");
            Checks.notNull(policy, "policy");
        }
    }

    /**
     * Builds {@link SlaPolicies}. Not thread-safe; {@link #build()} copies.
     */
    public static final class Builder {
        private final SlaPolicy defaultPolicy;
        private final List<Rule> rules = new ArrayList<>();

        private Builder(SlaPolicy defaultPolicy) {
            this.defaultPolicy = defaultPolicy;
        }

        /**
         * Adds a rule.
         *
         * @param selector which tickets; {@link Selector#any()} is refused (that is the default policy)
         * @param policy   their policy
         * @return this builder
         * @throws InvalidInputException if an argument is null, the selector names nothing, or a rule
         *                             with the same selector was added before
         */
        public Builder rule(Selector selector, SlaPolicy policy) {
            Rule rule = new Rule(selector, policy);
            if (selector.specificity() == 0) {
                throw InvalidInputException.of("selector", "must name a priority, category or origin; "
                        + "the policy for every other ticket is the default policy");
            }
            for (Rule r : rules) {
                if (r.selector().equals(selector)) {
                    throw InvalidInputException.of("selector", "a rule for " + selector + " was already added");
                }
            }
            rules.add(rule);
            return this;
        }

        /**
         * Adds a rule for a priority.
         *
         * @param priority the priority
         * @param policy   the policy for tickets of that priority
         * @return this builder
         */
        public Builder forPriority(Priority priority, SlaPolicy policy) {
            return rule(Selector.any().priority(priority), policy);
        }

        /**
         * Adds a rule for a category.
         *
         * @param category the category
         * @param policy   the policy for tickets of that category
         * @return this builder
         */
        public Builder forCategory(Category category, SlaPolicy policy) {
            return rule(Selector.any().category(category), policy);
        }

        /**
         * Adds a rule for an origin channel; {@link OriginChannel#WHATSAPP} also covers WhatsApp
         * conversations (see {@link SlaPolicies#policyForWhatsAppConversation()}).
         *
         * @param origin the channel
         * @param policy the policy for tickets that came in on it
         * @return this builder
         */
        public Builder forOrigin(OriginChannel origin, SlaPolicy policy) {
            return rule(Selector.any().origin(origin), policy);
        }

        /** @return the policies */
        public SlaPolicies build() {
            return new SlaPolicies(defaultPolicy, rules);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SlaPolicies p && defaultPolicy.equals(p.defaultPolicy) && rules.equals(p.rules);
    }

    @Override
    public int hashCode() {
        return Objects.hash(defaultPolicy, rules);
    }
}
