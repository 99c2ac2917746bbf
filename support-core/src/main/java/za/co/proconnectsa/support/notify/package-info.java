/**
 * Notifications to requesters: "ticket received", "an agent replied", "your ticket is resolved" and the
 * satisfaction survey, each written to the store's job queue in the transaction of its cause and sent later by a
 * {@link za.co.proconnectsa.support.queue.JobWorker} through a {@link za.co.proconnectsa.support.spi.NotificationSender}
 * per channel: the host's e-mail ({@link za.co.proconnectsa.support.notify.EmailNotifications}), WhatsApp templates
 * (in {@code support-whatsapp}) or signed HTTP webhooks ({@link za.co.proconnectsa.support.notify.WebhookNotifications}).
 */
package za.co.proconnectsa.support.notify;
