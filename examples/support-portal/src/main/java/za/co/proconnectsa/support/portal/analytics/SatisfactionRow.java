package za.co.proconnectsa.support.portal.analytics;

import java.util.List;
import za.co.proconnectsa.support.analytics.AnalyticsReport;
import za.co.proconnectsa.support.analytics.Satisfaction;

/**
 * One line of the analytics page's satisfaction table: the answers to the surveys asked after one kind of contact.
 *
 * @param key     the CSV figure the line matches, e.g. {@code satisfaction_whatsapp_conversations}
 * @param label   when the survey was asked, in words
 * @param figures the answers, mean score and share satisfied
 */
public record SatisfactionRow(String key, String label, Satisfaction figures) {

    /**
     * @param report the report
     * @return the tickets' line, then the WhatsApp conversations' line
     */
    public static List<SatisfactionRow> of(AnalyticsReport report) {
        return List.of(new SatisfactionRow("satisfaction", "a ticket was resolved", report.satisfaction()),
                new SatisfactionRow("satisfaction_whatsapp_conversations",
                        "a WhatsApp chat closed without a ticket", report.conversationSatisfaction()));
    }
}
