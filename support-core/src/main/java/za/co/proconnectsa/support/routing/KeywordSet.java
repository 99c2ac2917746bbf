package za.co.proconnectsa.support.routing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.internal.TextNormaliser;

/**
 * Words and phrases matched the way routing matches keywords: whole words, ignoring case, accents and
 * punctuation ("Café ERROR-500!" contains "cafe error 500" and "error", not "err"). Immutable and thread-safe.
 * Used by routing's {@link Condition#keywords(String...)} and by the WhatsApp FAQ auto-responder.
 *
 * <pre>{@code
 * KeywordSet hours = KeywordSet.of("opening hours", "open", "closed");
 * hours.matchesIn("Are you OPEN on Saturday?");        // true
 * hours.matchedIn("Opening hours? Are you open?");     // ["opening hours", "open"]
 * }</pre>
 */
public final class KeywordSet {

    private final List<String> words;
    private final String[] padded;
    private final KeywordMatcher matcher;

    private KeywordSet(List<String> words) {
        this.words = List.copyOf(words);
        this.padded = words.stream().map(w -> " " + w + " ").toArray(String[]::new);
        this.matcher = new KeywordMatcher(padded);
    }

    /**
     * @param words words or phrases, at least one, none blank after normalisation
     * @return the set, normalised, duplicates dropped, in the given order
     * @throws InvalidInputException when there is no word or a word is blank
     */
    public static KeywordSet of(String... words) {
        return of(words == null ? null : List.of(words));
    }

    /**
     * @param words words or phrases, at least one, none blank after normalisation
     * @return the set, normalised, duplicates dropped, in the given order
     * @throws InvalidInputException when there is no word or a word is blank
     */
    public static KeywordSet of(Collection<String> words) {
        if (words == null) {
            throw InvalidInputException.of("keywords", "must not be null");
        }
        Set<String> normalised = new LinkedHashSet<>();
        for (String w : words) {
            String n = w == null ? "" : TextNormaliser.normalise(w);
            if (n.isEmpty()) {
                throw InvalidInputException.of("keywords", "must not contain a blank keyword");
            }
            normalised.add(n);
        }
        if (normalised.isEmpty()) {
            throw InvalidInputException.of("keywords", "needs at least one keyword");
        }
        return new KeywordSet(new ArrayList<>(normalised));
    }

    /** @return the normalised words and phrases, in order */
    public List<String> words() {
        return words;
    }

    /**
     * @param text any text; null counts as empty
     * @return whether any word or phrase occurs in it, in one pass over the text
     */
    public boolean matchesIn(String text) {
        return text != null && matcher.matches(pad(text));
    }

    /**
     * @param text any text; null counts as empty
     * @return the words and phrases that occur in it, in the set's order
     */
    public List<String> matchedIn(String text) {
        if (text == null) {
            return List.of();
        }
        String p = pad(text);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < padded.length; i++) {
            if (p.contains(padded[i])) {
                out.add(words.get(i));
            }
        }
        return out;
    }

    private static String pad(String text) {
        return " " + TextNormaliser.normalise(text) + " ";
    }

    @Override
    public String toString() {
        return "KeywordSet" + words;
    }
}
