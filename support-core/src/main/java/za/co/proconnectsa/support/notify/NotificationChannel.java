package za.co.proconnectsa.support.notify;

/** How a {@link Notification} reaches the requester. */
public enum NotificationChannel {
    /** An e-mail through the host's {@link EmailGateway}. */
    EMAIL,
    /** A WhatsApp message through the inbox's send queue ({@code support-whatsapp}). */
    WHATSAPP,
    /** A signed HTTP POST to the host's endpoint, which tells the requester its own way. */
    WEBHOOK
}
