package za.co.proconnectsa.support.routing;

/** Where a request should go. */
public enum Channel {
    /** A WhatsApp chat: quick questions, answered conversationally. */
    WHATSAPP,
    /** A tracked ticket: billing, technical and other complex issues. */
    TICKET
}
