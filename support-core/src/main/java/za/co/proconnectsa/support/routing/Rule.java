package za.co.proconnectsa.support.routing;

import java.util.regex.Pattern;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.ticket.Category;
import za.co.proconnectsa.support.ticket.Priority;
import za.co.proconnectsa.support.internal.Checks;

/**
 * One named routing rule: when the condition holds, the request goes to the channel, with the
 * suggested category and priority and the reason shown to the person. The reason may contain
 * {@code {nextOpening}} (when support next opens) and {@code {hours}} (the schedule, e.g. "Mon-Fri 8am-6pm").
 *
 * @param name      a short identifier: lower-case letters, digits and '-', at most 60
 * @param when      the condition
 * @param channel   where matching requests go
 * @param category  the suggested category, or {@code null}
 * @param priority  the suggested priority, or {@code null}
 * @param reason    why, in a sentence the person can read
 */
public record Rule(String name, Condition when, Channel channel, Category category, Priority priority, String reason) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,59}");

    /**
     * Checks the components.
     *
     * @param name a short identifier: lower-case letters, digits and '-', at most 60
     * @param when the condition
     * @param channel where matching requests go
     * @param category the suggested category, or {@code null}
     * @param priority the suggested priority, or {@code null}
     * @param reason why, in a sentence the person can read
     */
    public Rule {
        if (name == null || !NAME.matcher(name).matches()) {
            throw InvalidInputException.of("rule.name",
                    "must be lower-case letters, digits or '-' (at most 60), was \"" + name + "\"");
        }
        Checks.notNull(when, "when");
        if (channel == null) {
            throw InvalidInputException.of("rule." + name + ".channel", "must be WHATSAPP or TICKET");
        }
        if (reason == null || reason.isBlank()) {
            throw InvalidInputException.of("rule." + name + ".reason", "must not be blank");
        }
    }

    /**
     * @param name    the rule's name
     * @param when    the condition
     * @param channel where matching requests go
     * @param reason  why
     * @return a rule without suggested category or priority
     */
    public static Rule of(String name, Condition when, Channel channel, String reason) {
        return new Rule(name, when, channel, null, null, reason);
    }

    /**
     * @param value the suggested category
     * @return a copy suggesting it
     */
    public Rule suggesting(Category value) {
        return new Rule(name, when, channel, value, priority, reason);
    }

    /**
     * @param value the suggested priority
     * @return a copy suggesting it
     */
    public Rule suggesting(Priority value) {
        return new Rule(name, when, channel, category, value, reason);
    }
}
