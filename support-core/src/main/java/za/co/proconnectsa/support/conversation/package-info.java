/**
 * Chat conversations (WhatsApp) as the desk keeps them: numbered like tickets, searchable, with their
 * transcript, and joined to a ticket when they are escalated. {@code support-whatsapp} fills them from
 * webhooks; stores keep them through {@link za.co.proconnectsa.support.spi.ConversationStore}.
 */
package za.co.proconnectsa.support.conversation;
