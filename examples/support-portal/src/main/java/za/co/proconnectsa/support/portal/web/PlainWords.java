package za.co.proconnectsa.support.portal.web;

import java.util.Map;
import za.co.proconnectsa.support.InvalidInputException;

/** The desk's field errors as a person reads them: "Subject is too long (...)" rather than "subject: size must...". */
final class PlainWords {

    private static final Map<String, String> LABELS = Map.of(
            "subject", "The subject",
            "body", "The description",
            "category", "The topic",
            "cursor", "The page link",
            "reply.body", "The reply",
            "agentId", "The agent",
            "status", "The status");

    private PlainWords() {
    }

    /** @param error one of the desk's field errors @return it as a sentence */
    static String of(InvalidInputException.FieldError error) {
        String label = LABELS.getOrDefault(error.field(), "This value");
        return label + " " + error.message() + ".";
    }
}
