/**
 * Satisfaction surveys (CSAT): after a ticket is resolved the requester is asked "How did we do?" once, on their
 * channel, with a signed answer link; their score (1 to 5) and comment are recorded on the ticket's audit trail and
 * counted in {@link za.co.proconnectsa.support.analytics.AnalyticsReport#satisfaction()}.
 */
package za.co.proconnectsa.support.satisfaction;
