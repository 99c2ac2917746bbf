package za.co.proconnectsa.support.privacy;

import java.util.LinkedHashMap;
import java.util.Map;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.internal.Text;

/**
 * What to correct about a person (POPIA s24): each old value is replaced by its new value in every record linked to
 * them, in name fields and in free text, whatever its case. Requester ids and WhatsApp contacts are addresses, not
 * corrected: a new number is a new contact.
 *
 * <pre>{@code
 * Correction.builder().name("Thandi Nkosi", "Thandi Dlamini").email("thandi@old.example", "thandi@new.example").build();
 * }</pre>
 *
 * @param replacements old value to new value, in the order given
 */
public record Correction(Map<String, String> replacements) {

    /**
     * @param replacements old value to new value, in the order given
     * @throws InvalidInputException when there is nothing to correct
     */
    public Correction {
        replacements = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(replacements));
        if (replacements.isEmpty()) {
            throw InvalidInputException.of("replacements", "must hold at least one value to correct");
        }
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects a {@link Correction}. */
    public static final class Builder {
        private final Map<String, String> replacements = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * @param wrong   the name as held
         * @param correct the name to hold instead
         * @return this builder
         */
        public Builder name(String wrong, String correct) {
            return replace(wrong, correct, "name", 200);
        }

        /**
         * @param wrong   the phone number as written in free text
         * @param correct the number to write instead
         * @return this builder
         */
        public Builder phone(String wrong, String correct) {
            return replace(wrong, correct, "phone", 40);
        }

        /**
         * @param wrong   the e-mail address as held
         * @param correct the address to hold instead
         * @return this builder
         */
        public Builder email(String wrong, String correct) {
            return replace(wrong, correct, "email", 254);
        }

        private Builder replace(String wrong, String correct, String field, int max) {
            Text.text(wrong, field, max);
            Text.text(correct, field, max);
            if (wrong.strip().length() < 2) {
                throw InvalidInputException.of(field, "the value to correct must be at least 2 characters");
            }
            replacements.put(wrong, correct);
            return this;
        }

        /** @return the correction */
        public Correction build() {
            return new Correction(replacements);
        }
    }
}
