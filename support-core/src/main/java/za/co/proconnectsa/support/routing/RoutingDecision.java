package za.co.proconnectsa.support.routing;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import za.co.proconnectsa.support.ticket.Category;
import za.co.proconnectsa.support.ticket.Priority;

/**
 * Where a request should go, and why. For {@link Channel#WHATSAPP} with a WhatsApp number configured,
 * {@link #whatsAppLink()} is a ready chat link with the request's text prefilled.
 */
public final class RoutingDecision {

    private final Channel channel;
    private final Category category;
    private final Priority priority;
    private final Rule rule;
    private final List<String> reasons;
    private final URI whatsAppLink;
    private final Instant nextOpening;
    private final RoutingPolicy policy;
    private final RoutingContext context;

    RoutingDecision(Rule rule, List<String> reasons, URI whatsAppLink, Instant nextOpening, RoutingPolicy policy,
            RoutingContext context) {
        this.channel = rule.channel();
        this.category = rule.category() != null ? rule.category()
                : context.request().categoryHint() != null ? context.request().categoryHint()
                : context.classification().map(Classification::category).orElse(Category.GENERAL);
        this.priority = rule.priority() != null ? rule.priority() : Priority.NORMAL;
        this.rule = rule;
        this.reasons = reasons;
        this.whatsAppLink = whatsAppLink;
        this.nextOpening = nextOpening;
        this.policy = policy;
        this.context = context;
    }

    /** @return where the request should go */
    public Channel channel() {
        return channel;
    }

    /**
     * @return the category to file it under: the rule's, else the person's choice, else the one the policy's
     *         classifier suggests, else GENERAL
     */
    public Category suggestedCategory() {
        return category;
    }

    /** @return the priority to file it with: the rule's, else NORMAL */
    public Priority suggestedPriority() {
        return priority;
    }

    /**
     * @return what the policy's classifier made of the request (channel, category, confidence, the words that
     *         weighed most), or empty when the policy has none
     */
    public Optional<Classification> classification() {
        return context.classification();
    }

    /** @return the name of the rule that decided */
    public String ruleName() {
        return rule.name();
    }

    /** @return the reasons, for people: the rule's reason first, then what in the request matched */
    public List<String> reasons() {
        return reasons;
    }

    /** @return a chat link for WHATSAPP decisions when the desk has a WhatsApp number */
    public Optional<URI> whatsAppLink() {
        return Optional.ofNullable(whatsAppLink);
    }

    /** @return when support next opens, if it was closed at decision time */
    public Optional<Instant> nextOpening() {
        return Optional.ofNullable(nextOpening);
    }

    /** @return when the decision was made */
    public Instant decidedAt() {
        return context.now();
    }

    /**
     * Lists every rule in order up to the deciding one, with why it did or did not match. Computed on
     * demand, so routing itself stays cheap.
     *
     * @return the evaluations, the deciding rule last
     */
    public List<RuleEvaluation> explain() {
        List<RuleEvaluation> out = new ArrayList<>();
        for (Rule r : policy.allRules()) {
            Condition.Evaluation e = r.when().evaluate(context);
            boolean decisive = r == rule;
            out.add(new RuleEvaluation(r.name(), e.matched(), e.detail(), decisive));
            if (decisive) {
                break;
            }
        }
        return List.copyOf(out);
    }

    @Override
    public String toString() {
        return "RoutingDecision[" + channel + " by rule " + rule.name() + ": " + reasons + "]";
    }
}
