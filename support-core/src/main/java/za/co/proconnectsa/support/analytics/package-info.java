/**
 * Support analytics: volumes by channel, deflection, response and resolution times in wall and business time, SLA
 * compliance, backlog ageing, reopen rate, common issues and per-agent figures, for a period, a zone and filters
 * ({@link za.co.proconnectsa.support.analytics.AnalyticsQuery}), read through
 * {@link za.co.proconnectsa.support.SupportDesk#analytics()}.
 */
package za.co.proconnectsa.support.analytics;
