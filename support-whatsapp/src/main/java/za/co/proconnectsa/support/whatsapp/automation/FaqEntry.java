package za.co.proconnectsa.support.whatsapp.automation;

import java.util.List;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.routing.KeywordSet;
import za.co.proconnectsa.support.internal.Text;

/**
 * A frequently asked question the auto-responder answers on WhatsApp: its answer and the words or phrases that
 * recognise it (whole words, any case or accent, as routing keywords).
 *
 * @param id      a name for logs and transcripts, an identifier ({@link za.co.proconnectsa.support.TextRules}: printable ASCII without spaces) of
 *                1 to 64 characters
 * @param answer  the text sent, 1 to {@value ResponseTemplate#MAX_TEXT} characters of free text ({@link za.co.proconnectsa.support.TextRules})
 * @param phrases what a question must mention; the entry mentioning most of them wins
 */
public record FaqEntry(String id, String answer, KeywordSet phrases) {

    /**
     * Checks the components.
     *
     * @param id a name for logs and transcripts, an identifier ({@link za.co.proconnectsa.support.TextRules}: printable ASCII without spaces) of 1 to 64 characters
     * @param answer the text sent, 1 to {@value ResponseTemplate#MAX_TEXT} characters of free text ({@link za.co.proconnectsa.support.TextRules})
     * @param phrases what a question must mention; the entry mentioning most of them wins
     */
    public FaqEntry {
        if (Text.identifier(id, "id").length() > 64) {
            throw InvalidInputException.of("id", "must be 1 to 64 characters");
        }
        if (answer == null || answer.isBlank() || answer.length() > ResponseTemplate.MAX_TEXT) {
            throw InvalidInputException.of("answer", "must be 1 to " + ResponseTemplate.MAX_TEXT + " characters");
        }
        Text.text(answer, "answer", ResponseTemplate.MAX_TEXT);
        if (phrases == null) {
            throw InvalidInputException.of("phrases", "must not be null");
        }
    }

    /**
     * @param id      a name
     * @param answer  the answer
     * @param phrases the words or phrases that recognise the question, at least one
     * @return the entry
     */
    public static FaqEntry of(String id, String answer, String... phrases) {
        return new FaqEntry(id, answer, KeywordSet.of(phrases));
    }

    /**
     * @param text a message
     * @return the phrases it mentions
     */
    public List<String> matchedIn(String text) {
        return phrases.matchedIn(text);
    }
}
