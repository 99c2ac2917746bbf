package za.co.proconnectsa.support.routing;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import za.co.proconnectsa.support.ValidationException;
import za.co.proconnectsa.support.hours.BusinessHours;
import za.co.proconnectsa.support.spi.WhatsAppLinkFactory;
import za.co.proconnectsa.support.ticket.Category;
import za.co.proconnectsa.support.ticket.Priority;
import za.co.proconnectsa.support.util.Checks;

/**
 * Ordered, named rules that decide between WhatsApp and a ticket; the first rule whose condition
 * holds decides, and a default rule ({@link Builder#otherwise}) always exists. Immutable and
 * thread-safe. Build one in code, load one from JSON with {@link #fromJson(String)}, or start from
 * {@link #standard(AfterHours)}, which encodes "WhatsApp for quick questions, tickets for complex issues".
 */
public final class RoutingPolicy {

    /** The longest text prefilled into a WhatsApp link. */
    static final int MAX_PREFILL = 500;

    private final Rule[] rules;
    private final List<Rule> allRules;

    private RoutingPolicy(List<Rule> rules, Rule otherwise) {
        List<Rule> all = new ArrayList<>(rules);
        all.add(otherwise);
        this.allRules = List.copyOf(all);
        this.rules = all.toArray(Rule[]::new);
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The seed's policy: attachments, billing, technical and account issues, requests for a ticket and
     * long descriptions become tickets; short questions go to WhatsApp while support is open; while it is
     * closed, {@code afterHours} decides.
     *
     * @param afterHours what to do with a quick question while support is closed
     * @return the policy
     */
    public static RoutingPolicy standard(AfterHours afterHours) {
        return StandardPolicy.create(Checks.notNull(afterHours, "afterHours"));
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
     * @throws ValidationException listing what is wrong: an unknown field, a bad regular expression (with its
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
     * @throws ValidationException when the document is invalid or names an unknown predicate
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
        RoutingContext context = new RoutingContext(request, now, hours);
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
         * @throws ValidationException when there are no rules, no default rule, or two rules share a name
         */
        public RoutingPolicy build() {
            if (rules.isEmpty()) {
                throw ValidationException.of("rules", "a routing policy needs at least one rule");
            }
            if (otherwise == null) {
                throw ValidationException.of("otherwise", "a routing policy needs a default rule (otherwise)");
            }
            Set<String> names = new HashSet<>();
            for (Rule r : rules) {
                if (!names.add(r.name()) || r.name().equals("default")) {
                    throw ValidationException.of("rules", "rule name \"" + r.name() + "\" is used twice or reserved");
                }
            }
            return new RoutingPolicy(rules, otherwise);
        }
    }

    /** @return the rule with this name, if any (the default rule is named "default") */
    public Optional<Rule> rule(String name) {
        return allRules.stream().filter(r -> r.name().equals(name)).findFirst();
    }
}
