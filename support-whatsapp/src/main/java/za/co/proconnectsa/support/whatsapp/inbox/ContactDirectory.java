package za.co.proconnectsa.support.whatsapp.inbox;

import za.co.proconnectsa.support.InvalidInputException;

/**
 * Who a WhatsApp contact is in the host's application: the requester id their tickets are filed under, so that a
 * provider who writes on WhatsApp finds the ticket among "my tickets" on the web too. The default files them under
 * {@code "wa:" + contact}.
 *
 * <pre>{@code
 * ContactDirectory directory = (contact, profileName) ->
 *         providers.findByWhatsApp(contact).map(Provider::id).orElse("wa:" + contact);
 * }</pre>
 */
@FunctionalInterface
public interface ContactDirectory {

    /**
     * @param contact     the contact's WhatsApp id (phone digits) or business-scoped user id
     * @param profileName their WhatsApp profile name, or {@code null}
     * @return the host's requester id for them, an identifier ({@link za.co.proconnectsa.support.TextRules}: 1 to 200
     *         printable ASCII characters without spaces); called for every inbound message, so keep it fast
     */
    String requesterId(String contact, String profileName);

    /**
     * @param prefix put before the contact, e.g. {@code "wa:"}
     * @return a directory that files every contact under prefix + contact
     */
    static ContactDirectory prefixed(String prefix) {
        if (prefix == null || prefix.length() > 50) {
            throw InvalidInputException.of("prefix", "must be 0 to 50 characters");
        }
        return (contact, profileName) -> prefix + contact;
    }
}
