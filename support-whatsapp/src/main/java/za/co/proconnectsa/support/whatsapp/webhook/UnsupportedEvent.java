package za.co.proconnectsa.support.whatsapp.webhook;

import za.co.proconnectsa.support.internal.Checks;

/**
 * Something a webhook body reported that this library does not read: another webhook field (for example
 * {@code account_update}), a message type other than text, media, interactive reply or template button (for
 * example {@code location}, {@code reaction}), a status other than sent/delivered/read/failed, or the
 * change-level {@code errors} array, or a message the library refuses because an id or a text in it is not what
 * every store keeps exactly ({@link za.co.proconnectsa.support.TextRules}: an id with spaces, control characters
 * or non-ASCII characters, a text with NUL, other control characters or a lone surrogate). Hosts may log or
 * count these; they carry no personal data.
 *
 * @param field the raw webhook field: the change's {@code field} (e.g. {@code messages}, {@code account_update}),
 *              or, for a body of another Meta product, the body's {@code object} (e.g. {@code page})
 * @param type  the raw type within the field, or null: a message type ({@code location}), an interactive reply
 *              type prefixed with {@code interactive/} ({@code interactive/nfm_reply}), a status prefixed with
 *              {@code statuses/} ({@code statuses/played}), {@code errors}, {@code refused/id} for a message or
 *              status whose id was refused, or {@code refused/content} for a message with a refused sender id or
 *              text
 * @param id    the message id the event is about, or null
 */
public record UnsupportedEvent(String field, String type, String id) implements WebhookEvent {

    /**
     * Checks that the field is present.
     *
     * @param field the raw webhook field: the change's {@code field} (e.g. {@code messages}, {@code account_update}), or, for a body of another Meta product, the body's {@code object} (e.g. {@code page})
     * @param type the raw type within the field, or null: a message type ({@code location}), an interactive reply type prefixed with {@code interactive/} ({@code interactive/nfm_reply}), a status prefixed with {@code statuses/} ({@code statuses/played}), {@code errors}, {@code refused/id} for a message or status whose id was refused, or {@code refused/content} for a message with a refused sender id or text
     * @param id the message id the event is about, or null
     */
    public UnsupportedEvent {
        Checks.notNull(field, "field");
    }
}
