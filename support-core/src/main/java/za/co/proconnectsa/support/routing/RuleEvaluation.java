package za.co.proconnectsa.support.routing;

/**
 * How one rule fared for one request, for {@link RoutingDecision#explain()}.
 *
 * @param rule     the rule's name
 * @param matched  whether its condition held
 * @param detail   why it did or did not
 * @param decisive whether it was the rule that decided
 */
public record RuleEvaluation(String rule, boolean matched, String detail, boolean decisive) {

    @Override
    public String toString() {
        return (decisive ? "=> " : "   ") + rule + ": " + (matched ? "matched" : "no match") + " (" + detail + ")";
    }
}
