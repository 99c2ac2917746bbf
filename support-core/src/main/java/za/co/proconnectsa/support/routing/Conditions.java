package za.co.proconnectsa.support.routing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.access.Role;
import za.co.proconnectsa.support.internal.TextNormaliser;
import za.co.proconnectsa.support.ticket.Category;

/** The built-in {@link Condition}s. */
final class Conditions {

    private Conditions() {
    }

    static final Condition ALWAYS = new Simple("always", c -> true);
    static final Condition ATTACHMENTS = new Simple("has attachments", c -> c.request().hasAttachments());
    static final Condition OPEN = new Simple("support is open", RoutingContext::isOpen);
    static final Condition CLOSED = new Simple("support is closed", c -> !c.isOpen());

    record Simple(String describe, Predicate<RoutingContext> test) implements Condition {
        @Override
        public boolean test(RoutingContext context) {
            return test.test(context);
        }
    }

    record CategoryIn(Set<Category> categories) implements Condition {
        CategoryIn {
            if (categories.isEmpty()) {
                throw InvalidInputException.of("category", "needs at least one category");
            }
        }

        @Override
        public boolean test(RoutingContext context) {
            Category hint = context.request().categoryHint();
            return hint != null && categories.contains(hint);
        }

        @Override
        public String describe() {
            return "category in " + categories.stream().map(Category::code).sorted().toList();
        }

        @Override
        public Evaluation evaluate(RoutingContext context) {
            Category hint = context.request().categoryHint();
            boolean matched = test(context);
            return new Evaluation(matched, hint == null ? "no category was chosen"
                    : "category " + hint + (matched ? " is" : " is not") + " in "
                            + categories.stream().map(Category::code).sorted().toList());
        }
    }

    static Condition keywords(List<String> words) {
        Set<String> normalised = new LinkedHashSet<>();
        for (String w : words) {
            if (w == null || TextNormaliser.normalise(w).isEmpty()) {
                throw InvalidInputException.of("keywords", "must not contain a blank keyword");
            }
            normalised.add(TextNormaliser.normalise(w));
        }
        if (normalised.isEmpty()) {
            throw InvalidInputException.of("keywords", "needs at least one keyword");
        }
        String[] padded = normalised.stream().map(w -> " " + w + " ").toArray(String[]::new);
        return new Keywords(normalised.toArray(String[]::new), padded, new KeywordMatcher(padded));
    }

    record Keywords(String[] words, String[] padded, KeywordMatcher matcher) implements Condition {
        @Override
        public boolean test(RoutingContext context) {
            return matcher.matches(context.padded());
        }

        int find(RoutingContext context) {
            return matcher.find(context.padded());
        }

        @Override
        public String describe() {
            return "keywords " + List.of(words);
        }

        @Override
        public Evaluation evaluate(RoutingContext context) {
            int i = find(context);
            return i >= 0 ? new Evaluation(true, "mentions \"" + words[i] + "\"")
                    : new Evaluation(false, "mentions none of " + List.of(words));
        }
    }

    static Condition regex(String regex) {
        if (regex == null || regex.isEmpty()) {
            throw InvalidInputException.of("regex", "must not be empty");
        }
        try {
            return new Regex(Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
        } catch (PatternSyntaxException e) {
            throw InvalidInputException.of("regex", "is not a valid regular expression at position " + e.getIndex()
                    + ": " + e.getDescription() + " in \"" + regex + "\"");
        }
    }

    record Regex(Pattern pattern) implements Condition {
        @Override
        public boolean test(RoutingContext context) {
            return pattern.matcher(context.normalisedText()).find();
        }

        @Override
        public String describe() {
            return "matches /" + pattern.pattern() + "/";
        }

        @Override
        public Evaluation evaluate(RoutingContext context) {
            var m = pattern.matcher(context.normalisedText());
            return m.find() ? new Evaluation(true, "mentions \"" + m.group() + "\"")
                    : new Evaluation(false, "does not match /" + pattern.pattern() + "/");
        }
    }

    /** A condition that reads the policy's classifier; a policy with one needs a classifier. */
    interface NeedsClassifier extends Condition {
    }

    static boolean needsClassifier(Condition c) {
        if (c instanceof NeedsClassifier) {
            return true;
        }
        if (c instanceof AllOf all) {
            return all.conditions().stream().anyMatch(Conditions::needsClassifier);
        }
        if (c instanceof AnyOf any) {
            return any.conditions().stream().anyMatch(Conditions::needsClassifier);
        }
        return c instanceof Not not && needsClassifier(not.condition());
    }

    /** The classifier is confident the request belongs to the channel (and the category, when given). */
    record Classified(Channel channel, Category category) implements NeedsClassifier {
        @Override
        public boolean test(RoutingContext context) {
            return context.classification().map(c -> c.confident() && c.channel() == channel
                    && (category == null || category.equals(c.category()))).orElse(false);
        }

        @Override
        public String describe() {
            return "classified as " + channel + (category == null ? "" : " (" + category + ")");
        }

        @Override
        public Evaluation evaluate(RoutingContext context) {
            return new Evaluation(test(context), context.classification().map(Classification::describe)
                    .orElse("the policy has no classifier"));
        }
    }

    record Unsure() implements NeedsClassifier {
        @Override
        public boolean test(RoutingContext context) {
            return context.classification().map(c -> !c.confident()).orElse(false);
        }

        @Override
        public String describe() {
            return "classifier not sure";
        }

        @Override
        public Evaluation evaluate(RoutingContext context) {
            return new Evaluation(test(context), context.classification().map(Classification::describe)
                    .orElse("the policy has no classifier"));
        }
    }

    static final Condition UNSURE = new Unsure();

    static int nonNegative(String field, int value) {
        if (value < 0) {
            throw InvalidInputException.of(field, "must not be negative, was " + value);
        }
        return value;
    }

    /** A count of the request (characters, words) compared with a limit. */
    record Threshold(String unit, ToIntFunction<RoutingContext> measure, int limit, boolean atLeast) implements Condition {
        @Override
        public boolean test(RoutingContext context) {
            int value = measure.applyAsInt(context);
            return atLeast ? value >= limit : value <= limit;
        }

        @Override
        public String describe() {
            return (atLeast ? "at least " : "at most ") + limit + " " + unit;
        }

        @Override
        public Evaluation evaluate(RoutingContext context) {
            return new Evaluation(test(context), measure.applyAsInt(context) + " " + unit + " ("
                    + (atLeast ? "threshold " : "limit ") + limit + ")");
        }
    }

    record RoleIn(Set<Role> roles) implements Condition {
        @Override
        public boolean test(RoutingContext context) {
            Role role = context.request().requesterRole();
            return role != null && roles.contains(role);
        }

        @Override
        public String describe() {
            return "requester role in " + roles.stream().sorted().toList();
        }
    }

    static Condition tiers(List<String> tiers) {
        if (tiers.isEmpty()) {
            throw InvalidInputException.of("requesterTier", "needs at least one tier");
        }
        return new TierIn(tiers.stream().map(t -> t.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet()));
    }

    record TierIn(Set<String> tiers) implements Condition {
        @Override
        public boolean test(RoutingContext context) {
            String tier = context.request().requesterTier();
            return tier != null && tiers.contains(tier.toLowerCase(Locale.ROOT));
        }

        @Override
        public String describe() {
            return "requester tier in " + tiers.stream().sorted().toList();
        }
    }

    static String requireName(String name) {
        if (name == null || name.isBlank()) {
            throw InvalidInputException.of("predicate", "needs a name");
        }
        return name;
    }

    record Host(String name, Predicate<RoutingContext> predicate) implements Condition {
        @Override
        public boolean test(RoutingContext context) {
            return predicate.test(context);
        }

        @Override
        public String describe() {
            return "host check \"" + name + "\"";
        }
    }

    record AllOf(List<Condition> conditions) implements Condition {
        AllOf {
            if (conditions.isEmpty()) {
                throw InvalidInputException.of("allOf", "needs at least one condition");
            }
        }

        @Override
        public boolean test(RoutingContext context) {
            for (Condition c : conditions) {
                if (!c.test(context)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public String describe() {
            return conditions.stream().map(Condition::describe).collect(Collectors.joining(" and ", "(", ")"));
        }

        @Override
        public Evaluation evaluate(RoutingContext context) {
            List<String> details = new ArrayList<>();
            for (Condition c : conditions) {
                Evaluation e = c.evaluate(context);
                details.add(e.detail());
                if (!e.matched()) {
                    return new Evaluation(false, String.join(", but ", details));
                }
            }
            return new Evaluation(true, String.join(" and ", details));
        }
    }

    record AnyOf(List<Condition> conditions) implements Condition {
        AnyOf {
            if (conditions.isEmpty()) {
                throw InvalidInputException.of("anyOf", "needs at least one condition");
            }
        }

        @Override
        public boolean test(RoutingContext context) {
            for (Condition c : conditions) {
                if (c.test(context)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String describe() {
            return conditions.stream().map(Condition::describe).collect(Collectors.joining(" or ", "(", ")"));
        }

        @Override
        public Evaluation evaluate(RoutingContext context) {
            List<String> details = new ArrayList<>();
            for (Condition c : conditions) {
                Evaluation e = c.evaluate(context);
                if (e.matched()) {
                    return e;
                }
                details.add(e.detail());
            }
            return new Evaluation(false, String.join("; ", details));
        }
    }

    record Not(Condition condition) implements Condition {
        @Override
        public boolean test(RoutingContext context) {
            return !condition.test(context);
        }

        @Override
        public String describe() {
            return "not " + condition.describe();
        }

        @Override
        public Evaluation evaluate(RoutingContext context) {
            Evaluation inner = condition.evaluate(context);
            return new Evaluation(!inner.matched(), "not: " + inner.detail());
        }
    }
}
