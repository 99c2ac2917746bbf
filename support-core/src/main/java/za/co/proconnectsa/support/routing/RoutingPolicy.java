package za.co.proconnectsa.support.routing;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.hours.BusinessHours;
import za.co.proconnectsa.support.spi.WhatsAppLinkFactory;
import za.co.proconnectsa.support.ticket.Category;
import za.co.proconnectsa.support.ticket.Priority;
import za.co.proconnectsa.support.internal.Checks;

/**
 * Ordered, named rules that decide between WhatsApp and a ticket; the first rule whose condition
 * holds decides, and a default rule ({@link Builder#otherwise}) always exists. Immutable and
 * thread-safe. Build one in code, load one from JSON with {@link #fromJson(String)}, or start from
 * {@link #standard(AfterHours)}, which encodes "WhatsApp for quick questions, tickets for complex issues":
 * rules for the hard signals, and a {@link RequestClassifier} that reads the request's words for the rest.
 */
public final class RoutingPolicy {

    /** The longest text prefilled into a WhatsApp link. */
    static final int MAX_PREFILL = 500;

    private final Rule[] rules;
    private final List<Rule> allRules;
    private final RequestClassifier classifier;

    private RoutingPolicy(List<Rule> rules, Rule otherwise, RequestClassifier classifier) {
        List<Rule> all = new ArrayList<>(rules);
        all.add(otherwise);
        this.allRules = List.copyOf(all);
        this.rules = all.toArray(Rule[]::new);
        this.classifier = classifier;
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The standard policy with the {@link RequestClassifier#standard() standard classifier}: the hard signals are
     * rules (an outage or 5xx error, attachments, an explicit request for a ticket, a category the person picked);
     * the classifier decides the rest: billing, technical, account and other matters that need someone to act
     * become tickets with the category it suggests, quick questions go to WhatsApp while support is open, and
     * while it is closed {@code afterHours} decides. When the classifier is not sure (below its confidence
     * threshold) the safe default applies: a ticket, so that nothing is lost, and the reason says so; only a
     * message already in a WhatsApp chat ({@link za.co.proconnectsa.support.ticket.OriginChannel#WHATSAPP}) stays
     * in the chat, where an agent reads it.
     *
     * @param afterHours what to do with a quick question while support is closed
     * @return the policy
     */
    public static RoutingPolicy standard(AfterHours afterHours) {
        return standard(afterHours, RequestClassifier.standard());
    }

    /**
     * {@link #standard(AfterHours)} with the host's own classifier, e.g. one retrained on its labelled requests
     * with {@link RequestClassifier#train(java.util.Collection)}.
     *
     * @param afterHours what to do with a quick question while support is closed
     * @param classifier the classifier that decides what no hard signal decides
     * @return the policy
     */
    public static RoutingPolicy standard(AfterHours afterHours, RequestClassifier classifier) {
        return builder().classifier(Checks.notNull(classifier, "classifier"))
                .standardRules(Checks.notNull(afterHours, "afterHours")).build();
    }

    /** @return {@link #standard(AfterHours)} with {@link AfterHours#TICKET} */
    public static RoutingPolicy standard() {
        return standard(AfterHours.TICKET);
    }

    /**
     * Reads a policy from JSON; see {@code docs/routing-rules.md} for the format.
     *
     * @param json the policy document
     * @return the policy
     * @throws InvalidInputException listing what is wrong: an unknown field, a bad regular expression (with its
     *                             position), an unknown channel, category or priority, a policy without rules
     */
    public static RoutingPolicy fromJson(String json) {
        return fromJson(json, Map.of());
    }

    /**
     * Reads a policy from JSON whose {@code "predicate"} conditions name host checks.
     *
     * @param json           the policy document
     * @param hostPredicates the host's checks by the name the JSON uses
     * @return the policy
     * @throws InvalidInputException when the document is invalid or names an unknown predicate
     */
    public static RoutingPolicy fromJson(String json, Map<String, Predicate<RoutingContext>> hostPredicates) {
        return PolicyJson.read(json, hostPredicates);
    }

    /** @return the rules in order, without the default rule */
    public List<Rule> rules() {
        return allRules.subList(0, allRules.size() - 1);
    }

    /** @return the rule that decides when no other does */
    public Rule defaultRule() {
        return rules[rules.length - 1];
    }

    List<Rule> allRules() {
        return allRules;
    }

    /** @return the classifier its {@link Condition#classifiedAs(Channel)} rules consult, if it has one */
    public Optional<RequestClassifier> classifier() {
        return Optional.ofNullable(classifier);
    }

    /**
     * Decides where a request goes.
     *
     * @param request  the request
     * @param now      the decision time
     * @param hours    the support team's hours
     * @param whatsApp makes chat links, or {@code null} when the desk has no WhatsApp number
     * @return the decision
     */
    public RoutingDecision route(SupportRequest request, Instant now, BusinessHours hours, WhatsAppLinkFactory whatsApp) {
        Checks.notNull(request, "request");
        Checks.notNull(now, "now");
        Checks.notNull(hours, "hours");
        RoutingContext context = new RoutingContext(request, now, hours, classifier);
        Rule decisive = rules[rules.length - 1];
        for (Rule rule : rules) {
            if (rule.when().test(context)) {
                decisive = rule;
                break;
            }
        }
        Instant nextOpening = context.isOpen() ? null : hours.nextOpening(now).orElse(null);
        List<String> reasons = List.of(fill(decisive.reason(), hours, nextOpening),
                decisive.when().evaluate(context).detail());
        URI link = decisive.channel() == Channel.WHATSAPP && whatsApp != null
                ? whatsApp.chatLink(prefill(request)) : null;
        return new RoutingDecision(decisive, reasons, link, nextOpening, this, context);
    }

    private static String fill(String reason, BusinessHours hours, Instant nextOpening) {
        if (reason.indexOf('{') < 0) {
            return reason;
        }
        String opening = nextOpening == null ? "the next opening"
                : hours.describeMoment(nextOpening);
        return reason.replace("{nextOpening}", opening).replace("{hours}", hours.describe());
    }

    private static String prefill(SupportRequest request) {
        String text = request.subject().isEmpty() ? request.text()
                : request.text().isEmpty() ? request.subject() : request.subject() + ": " + request.text();
        text = text.strip();
        if (text.length() > MAX_PREFILL) {
            int cut = MAX_PREFILL;
            if (Character.isLowSurrogate(text.charAt(cut))) {
                cut--;
            }
            text = text.substring(0, cut);
        }
        return text;
    }

    /** Builds a {@link RoutingPolicy}. */
    public static final class Builder {
        private final List<Rule> rules = new ArrayList<>();
        private Rule otherwise;
        private RequestClassifier classifier;

        private Builder() {
        }

        /**
         * @param rule the next rule, evaluated after the ones added before
         * @return this builder
         */
        public Builder rule(Rule rule) {
            rules.add(Checks.notNull(rule, "rule"));
            return this;
        }

        /**
         * @param name    the rule's name
         * @param when    its condition
         * @param channel where matching requests go
         * @param reason  why
         * @return this builder
         */
        public Builder rule(String name, Condition when, Channel channel, String reason) {
            return rule(Rule.of(name, when, channel, reason));
        }

        /**
         * Sets the classifier that {@link Condition#classifiedAs(Channel)} and {@link Condition#classifierUnsure()}
         * consult; each request is classified at most once, and only when such a rule is reached.
         *
         * @param value the classifier, e.g. {@link RequestClassifier#standard()} or one the host trained
         * @return this builder
         */
        public Builder classifier(RequestClassifier value) {
            this.classifier = Checks.notNull(value, "classifier");
            return this;
        }

        /**
         * Adds the standard policy's rules after the rules added so far, and its default rule; needs a
         * {@link #classifier(RequestClassifier) classifier}. So a host's own rules go first and the standard ones
         * decide the rest:
         *
         * <pre>{@code
         * RoutingPolicy.builder()
         *         .rule("partners", Condition.requesterTier("partner"), Channel.TICKET, "Partners have an account manager.")
         *         .classifier(RequestClassifier.standard())
         *         .standardRules(AfterHours.TICKET)
         *         .build();
         * }</pre>
         *
         * @param afterHours what to do with a quick question while support is closed
         * @return this builder
         */
        public Builder standardRules(AfterHours afterHours) {
            return standardRules(afterHours, Locale.ROOT);
        }

        /**
         * {@link #standardRules(AfterHours)} with the reasons shown to people in a locale, from the
         * {@code SupportMessages} resource bundle ({@code routing.*} keys; English where no translation exists).
         * A desk without a routing policy of its own uses the standard rules in its locale.
         *
         * @param afterHours what to do with a quick question while support is closed
         * @param locale     the locale of the reasons
         * @return this builder
         */
        public Builder standardRules(AfterHours afterHours, Locale locale) {
            StandardPolicy.addTo(this, Checks.notNull(afterHours, "afterHours"), Checks.notNull(locale, "locale"));
            return this;
        }

        /**
         * @param channel where requests no rule matched go
         * @param reason  why
         * @return this builder
         */
        public Builder otherwise(Channel channel, String reason) {
            this.otherwise = Rule.of("default", Condition.always(), channel, reason);
            return this;
        }

        /**
         * @param channel  where requests no rule matched go
         * @param category the suggested category, or null
         * @param priority the suggested priority, or null
         * @param reason   why
         * @return this builder
         */
        public Builder otherwise(Channel channel, Category category, Priority priority, String reason) {
            this.otherwise = new Rule("default", Condition.always(), channel, category, priority, reason);
            return this;
        }

        /**
         * @return the policy
         * @throws InvalidInputException when there are no rules, no default rule, two rules share a name, or a rule
         *                             consults a classifier the policy does not have
         */
        public RoutingPolicy build() {
            if (rules.isEmpty()) {
                throw InvalidInputException.of("rules", "a routing policy needs at least one rule");
            }
            if (otherwise == null) {
                throw InvalidInputException.of("otherwise", "a routing policy needs a default rule (otherwise)");
            }
            Set<String> names = new HashSet<>();
            for (Rule r : rules) {
                if (!names.add(r.name()) || r.name().equals("default")) {
                    throw InvalidInputException.of("rules", "rule name \"" + r.name() + "\" is used twice or reserved");
                }
                if (classifier == null && Conditions.needsClassifier(r.when())) {
                    throw InvalidInputException.of("classifier", "rule \"" + r.name() + "\" consults a classifier; "
                            + "set one with classifier(...)");
                }
            }
            return new RoutingPolicy(rules, otherwise, classifier);
        }
    }

    /**
     * @param name a rule's name
     * @return the rule with this name, if any (the default rule is named "default")
     */
    public Optional<Rule> rule(String name) {
        return allRules.stream().filter(r -> r.name().equals(name)).findFirst();
    }
}
