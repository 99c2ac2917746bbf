package za.co.proconnectsa.support.routing;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import za.co.proconnectsa.support.access.Role;
import za.co.proconnectsa.support.ticket.Category;
import za.co.proconnectsa.support.internal.Checks;

/**
 * When a {@link Rule} applies. Build conditions with the static factories; they are immutable,
 * thread-safe and cheap to test. Text conditions look at the subject and text together, case- and
 * accent-insensitively ("Café" matches "cafe"), and keywords match whole words or phrases only
 * ("error" matches "an error occurred", not "terrorist").
 */
public interface Condition {

    /**
     * @param context the request being routed
     * @return whether the condition holds
     */
    boolean test(RoutingContext context);

    /** @return what the condition checks, e.g. {@code keywords [invoice, refund]} */
    String describe();

    /**
     * Says why the condition did or did not hold, for {@link RoutingDecision#explain()}.
     *
     * @param context the request being routed
     * @return whether it holds, and why
     */
    default Evaluation evaluate(RoutingContext context) {
        boolean matched = test(context);
        return new Evaluation(matched, describe() + (matched ? ": yes" : ": no"));
    }

    /**
     * The result of {@link #evaluate(RoutingContext)}.
     *
     * @param matched whether the condition held
     * @param detail  why, in words
     */
    record Evaluation(boolean matched, String detail) {
    }

    /** @return a condition that always holds (the default rule's) */
    static Condition always() {
        return Conditions.ALWAYS;
    }

    /**
     * @param categories categories to look for
     * @return holds when the request's category hint is one of them
     */
    static Condition category(Category... categories) {
        return new Conditions.CategoryIn(Set.of(categories));
    }

    /**
     * @param keywords words or phrases; normalised like the text
     * @return holds when the text contains any of them as whole words
     */
    static Condition keywords(String... keywords) {
        return Conditions.keywords(List.of(keywords));
    }

    /**
     * @param regex a regular expression, matched (find) against the normalised text: lower case, without
     *              accents, punctuation replaced by single spaces; write {@code \b} for word boundaries
     * @return holds when the expression is found
     * @throws za.co.proconnectsa.support.InvalidInputException when the expression is invalid (with its position)
     */
    static Condition matches(String regex) {
        return Conditions.regex(regex);
    }

    /**
     * @param characters a length in characters
     * @return holds when subject and text together are at least this long
     */
    static Condition minLength(int characters) {
        return new Conditions.Threshold("characters", RoutingContext::length, Conditions.nonNegative("minLength", characters), true);
    }

    /**
     * @param characters a length in characters
     * @return holds when subject and text together are at most this long
     */
    static Condition maxLength(int characters) {
        return new Conditions.Threshold("characters", RoutingContext::length, Conditions.nonNegative("maxLength", characters), false);
    }

    /**
     * @param words a number of words
     * @return holds when subject and text together have at least this many words
     */
    static Condition minWords(int words) {
        return new Conditions.Threshold("words", RoutingContext::words, Conditions.nonNegative("minWords", words), true);
    }

    /**
     * Holds when the policy's {@link RequestClassifier} puts the request in this channel with at least its
     * confidence threshold. Evaluated once per request however many rules ask. A policy using it needs
     * {@link RoutingPolicy.Builder#classifier(RequestClassifier)}.
     *
     * @param channel the channel
     * @return the condition; its explanation gives the confidence and the words that weighed most
     */
    static Condition classifiedAs(Channel channel) {
        return new Conditions.Classified(Checks.notNull(channel, "channel"), null);
    }

    /**
     * Like {@link #classifiedAs(Channel)}, and the suggested category must be this one.
     *
     * @param channel  the channel
     * @param category the category
     * @return the condition
     */
    static Condition classifiedAs(Channel channel, Category category) {
        return new Conditions.Classified(Checks.notNull(channel, "channel"), Checks.notNull(category, "category"));
    }

    /**
     * Holds when the policy's {@link RequestClassifier} is below its confidence threshold for the request. A policy
     * using it needs {@link RoutingPolicy.Builder#classifier(RequestClassifier)}.
     *
     * @return the condition
     */
    static Condition classifierUnsure() {
        return Conditions.UNSURE;
    }

    /** @return holds when files are attached */
    static Condition hasAttachments() {
        return Conditions.ATTACHMENTS;
    }

    /**
     * @param roles roles to look for
     * @return holds when the requester has one of these roles
     */
    static Condition requesterRole(Role... roles) {
        return new Conditions.RoleIn(Set.of(roles));
    }

    /**
     * @param tiers the host's tiers, compared ignoring case
     * @return holds when the requester has one of these tiers
     */
    static Condition requesterTier(String... tiers) {
        return Conditions.tiers(List.of(tiers));
    }

    /** @return holds while support is open */
    static Condition open() {
        return Conditions.OPEN;
    }

    /** @return holds while support is closed */
    static Condition closed() {
        return Conditions.CLOSED;
    }

    /**
     * @param name      how {@link #describe()} names it
     * @param predicate the host's test
     * @return a condition backed by host code
     */
    static Condition predicate(String name, Predicate<RoutingContext> predicate) {
        return new Conditions.Host(Conditions.requireName(name), Checks.notNull(predicate, "predicate"));
    }

    /**
     * @param conditions conditions that must all hold
     * @return their conjunction
     */
    static Condition allOf(Condition... conditions) {
        return new Conditions.AllOf(List.of(conditions));
    }

    /**
     * @param conditions conditions of which one must hold
     * @return their disjunction
     */
    static Condition anyOf(Condition... conditions) {
        return new Conditions.AnyOf(List.of(conditions));
    }

    /**
     * @param condition a condition
     * @return its negation
     */
    static Condition not(Condition condition) {
        return new Conditions.Not(Checks.notNull(condition, "condition"));
    }
}
