package za.co.proconnectsa.support.privacy;

import java.util.LinkedHashSet;
import java.util.Set;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.internal.Text;

/**
 * One person whose data the desk holds, as the host knows them: the requester ids their tickets are filed under, their
 * WhatsApp contacts, and the personal values (names, phone numbers, e-mail addresses) to look for in free text.
 * The desk adds what it finds linked to them: the requester id of a conversation on one of their contacts, and the
 * contact of a conversation filed under one of their ids.
 *
 * <pre>{@code
 * DataSubject thandi = DataSubject.builder("provider-17")
 *         .whatsApp("27821234567")          // the contact's WhatsApp id: digits, country code first
 *         .name("Thandi Nkosi")
 *         .email("thandi@example.co.za")
 *         .build();
 * }</pre>
 *
 * @param requesterIds the requester ids (identifiers), at least one
 * @param contacts     WhatsApp contacts (identifiers), perhaps none
 * @param names        names to find in free text, perhaps none
 * @param phones       phone numbers to find in free text, as digits with the country code (a WhatsApp contact is
 *                     one too)
 * @param emails       e-mail addresses to find in free text, perhaps none
 */
public record DataSubject(Set<String> requesterIds, Set<String> contacts, Set<String> names, Set<String> phones,
        Set<String> emails) {

    /**
     * @param requesterIds the requester ids (identifiers), at least one
     * @param contacts WhatsApp contacts (identifiers), perhaps none
     * @param names names to find in free text, perhaps none
     * @param phones phone numbers to find in free text, as digits with the country code (a WhatsApp contact is one too)
     * @param emails e-mail addresses to find in free text, perhaps none
     * @throws InvalidInputException when no requester id is given or a value is not of its kind
     */
    public DataSubject {
        requesterIds = Set.copyOf(requesterIds);
        contacts = Set.copyOf(contacts);
        names = Set.copyOf(names);
        phones = Set.copyOf(phones);
        emails = Set.copyOf(emails);
        if (requesterIds.isEmpty()) {
            throw InvalidInputException.of("requesterIds", "must hold at least one requester id");
        }
        requesterIds.forEach(id -> Text.identifier(id, "requesterId"));
        contacts.forEach(c -> Text.identifier(c, "contact"));
        names.forEach(n -> Text.text(n, "name", 200));
        for (String phone : phones) {
            if (!phone.matches("[0-9]{6,20}")) {
                throw InvalidInputException.of("phone", "must be 6 to 20 digits with the country code, was \"" + phone
                        + "\"");
            }
        }
        for (String email : emails) {
            if (!email.matches("[^@\\s]+@[^@\\s]+")) {
                throw InvalidInputException.of("email", "must look like name@domain, was \"" + email + "\"");
            }
        }
    }

    /**
     * @param requesterId the requester id their tickets are filed under
     * @return a builder
     */
    public static Builder builder(String requesterId) {
        return new Builder().requesterId(requesterId);
    }

    /**
     * @param more requester ids and contacts found linked to this person
     * @param moreContacts contacts found linked to this person
     * @return this subject with them added
     */
    public DataSubject with(Set<String> more, Set<String> moreContacts) {
        Set<String> ids = new LinkedHashSet<>(requesterIds);
        ids.addAll(more);
        Set<String> cs = new LinkedHashSet<>(contacts);
        cs.addAll(moreContacts);
        Set<String> ps = new LinkedHashSet<>(phones);
        moreContacts.stream().filter(c -> c.matches("[0-9]{6,20}")).forEach(ps::add);
        return new DataSubject(ids, cs, names, ps, emails);
    }

    /** Collects a {@link DataSubject}. */
    public static final class Builder {
        private final Set<String> requesterIds = new LinkedHashSet<>();
        private final Set<String> contacts = new LinkedHashSet<>();
        private final Set<String> names = new LinkedHashSet<>();
        private final Set<String> phones = new LinkedHashSet<>();
        private final Set<String> emails = new LinkedHashSet<>();

        private Builder() {
        }

        /**
         * @param value another requester id of the same person (e.g. {@code wa:27821234567})
         * @return this builder
         */
        public Builder requesterId(String value) {
            requesterIds.add(Text.identifier(value, "requesterId"));
            return this;
        }

        /**
         * @param contact the person's WhatsApp id (digits, country code first); also looked for as a phone number
         * @return this builder
         */
        public Builder whatsApp(String contact) {
            contacts.add(Text.identifier(contact, "contact"));
            if (contact.matches("[0-9]{6,20}")) {
                phones.add(contact);
            }
            return this;
        }

        /**
         * @param value a name of the person, found in free text whatever its case
         * @return this builder
         */
        public Builder name(String value) {
            names.add(Text.text(value, "name", 200));
            return this;
        }

        /**
         * @param value a phone number with its country code, e.g. {@code "+27 82 123 4567"}; spaces, dashes,
         *              brackets and a leading '+' are dropped
         * @return this builder
         */
        public Builder phone(String value) {
            Text.text(value, "phone", 40);
            phones.add(value.replaceAll("[\\s\\-().+]", ""));
            return this;
        }

        /**
         * @param value an e-mail address, found in free text whatever its case
         * @return this builder
         */
        public Builder email(String value) {
            emails.add(Text.text(value, "email", 254).strip());
            return this;
        }

        /**
         * @return the subject
         * @throws InvalidInputException when a value is not of its kind
         */
        public DataSubject build() {
            return new DataSubject(requesterIds, contacts, names, phones, emails);
        }
    }

    /** How many of each kind of detail identify the person; none of the details themselves. */
    @Override
    public String toString() {
        return "DataSubject[requesterIds=" + requesterIds.size() + ", contacts=" + contacts.size() + ", names="
                + names.size() + ", phones=" + phones.size() + ", emails=" + emails.size() + "]";
    }
}
