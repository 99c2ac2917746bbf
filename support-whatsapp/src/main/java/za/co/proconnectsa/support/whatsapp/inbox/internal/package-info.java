/**
 * The parts of {@link za.co.proconnectsa.support.whatsapp.inbox.WhatsAppInbox}, one job each: conversation state
 * ({@code ConversationLog}), inbound messages ({@code InboundMessages}), escalation ({@code Escalations}), sending
 * ({@code OutboundMessages}), agents' replies ({@code AgentReplies}), writes on tickets ({@code TicketWriter}) and
 * transcripts ({@code Transcripts}).
 *
 * <p>Not API: hosts must not use this package; anything here may change in any release.
 */
package za.co.proconnectsa.support.whatsapp.inbox.internal;
