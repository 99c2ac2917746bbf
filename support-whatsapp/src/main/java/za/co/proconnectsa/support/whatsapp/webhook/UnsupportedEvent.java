package za.co.proconnectsa.support.whatsapp.webhook;

import za.co.proconnectsa.support.util.Checks;

/**
 * Something a webhook body reported that this library does not read: another webhook field (for example
 * {@code account_update}), a message type other than text, media, interactive reply or template button (for
 * example {@code location}, {@code reaction}), a status other than sent/delivered/read/failed, or the
 * change-level {@code errors} array. Hosts may log or count these; they carry no personal data.
 *
 * @param field the raw webhook field: the change's {@code field} (e.g. {@code messages}, {@code account_update}),
 *              or, for a body of another Meta product, the body's {@code object} (e.g. {@code page})
 * @param type  the raw type within the field, or null: a message type ({@code location}), an interactive reply
 *              type prefixed with {@code interactive/} ({@code interactive/nfm_reply}), a status prefixed with
 *              {@code statuses/} ({@code statuses/played}), or {@code errors}
 * @param id    the message id the event is about, or null
 */
public record UnsupportedEvent(String field, String type, String id) implements WebhookEvent {

    /** Checks that the field is present. */
    public UnsupportedEvent {
        Checks.notNull(field, "field");
    }
}
