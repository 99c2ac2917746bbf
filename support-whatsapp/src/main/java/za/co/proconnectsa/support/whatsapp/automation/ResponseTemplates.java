package za.co.proconnectsa.support.whatsapp.automation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import za.co.proconnectsa.support.InvalidInputException;

/**
 * A set of named {@link ResponseTemplate}s: the texts the inbox sends ({@link #ESCALATED}, {@link #JOINED_TICKET},
 * {@link #OUT_OF_HOURS}) and the host's own quick responses for agents. Immutable:
 * {@link #with(ResponseTemplate)} returns a new set.
 *
 * <pre>{@code
 * ResponseTemplates texts = ResponseTemplates.defaults(Locale.ENGLISH)
 *         .with(ResponseTemplate.of("payout-dates", "Hi {name}, payouts run every Friday."));
 * String text = texts.render("payout-dates", Map.of("name", "Thandi"));
 * }</pre>
 */
public final class ResponseTemplates {

    /** Sent when a conversation became a ticket: {name}, {ticket}. */
    public static final String ESCALATED = "escalated";
    /** Sent when a message was added to the contact's open ticket: {name}, {ticket}. */
    public static final String JOINED_TICKET = "joined-ticket";
    /** Sent outside business hours: {name}, {hours}, {nextOpening}. */
    public static final String OUT_OF_HOURS = "out-of-hours";

    private static final String BUNDLE = "za.co.proconnectsa.support.whatsapp.WhatsAppMessages";

    private final Map<String, ResponseTemplate> templates;

    private ResponseTemplates(Map<String, ResponseTemplate> templates) {
        this.templates = Collections.unmodifiableMap(new LinkedHashMap<>(templates));
    }

    /**
     * The inbox's texts from the {@code WhatsAppMessages} resource bundle (English unless the host adds
     * {@code WhatsAppMessages_<locale>.properties}).
     *
     * @param locale the texts' locale
     * @return the set
     */
    public static ResponseTemplates defaults(Locale locale) {
        if (locale == null) {
            throw InvalidInputException.of("locale", "must not be null");
        }
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale, ResponseTemplates.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        Map<String, ResponseTemplate> out = new LinkedHashMap<>();
        for (String key : new String[] {ESCALATED, JOINED_TICKET, OUT_OF_HOURS}) {
            out.put(key, ResponseTemplate.of(key, bundle.getString(key)));
        }
        return new ResponseTemplates(out);
    }

    /** @return the English defaults */
    public static ResponseTemplates defaults() {
        return defaults(Locale.ENGLISH);
    }

    /**
     * @param template a template to add, or to replace the one of the same name
     * @return a new set with it
     */
    public ResponseTemplates with(ResponseTemplate template) {
        if (template == null) {
            throw InvalidInputException.of("template", "must not be null");
        }
        Map<String, ResponseTemplate> out = new LinkedHashMap<>(templates);
        out.put(template.name(), template);
        return new ResponseTemplates(out);
    }

    /** @return the templates' names, in the order they were added */
    public Set<String> names() {
        return templates.keySet();
    }

    /**
     * @param name a template's name
     * @return the template
     * @throws InvalidInputException when there is none of that name
     */
    public ResponseTemplate get(String name) {
        ResponseTemplate t = templates.get(name);
        if (t == null) {
            throw InvalidInputException.of("template", "there is no response template \"" + name + "\"; known: " + names());
        }
        return t;
    }

    /**
     * @param name   a template's name
     * @param values a value for each placeholder
     * @return the rendered text
     * @throws InvalidInputException when the template is unknown or a value is missing
     */
    public String render(String name, Map<String, ?> values) {
        return get(name).render(values);
    }

    @Override
    public String toString() {
        return "ResponseTemplates" + names();
    }
}
