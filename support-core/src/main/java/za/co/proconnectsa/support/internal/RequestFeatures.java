package za.co.proconnectsa.support.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns a request's text into the tokens the routing classifier learns from and reads: the normalised words
 * ({@link TextNormaliser}), the first five letters of longer words (so "suspended" and "suspension" share
 * {@code ~suspe}, "verification" and "verifikasie" share {@code ~verif}), pairs of neighbouring words, and a few marks of shape (a question
 * mark, how the text starts, a very short or long text). Training and classification use this one method, so a
 * model always sees the features it was trained on.
 */
public final class RequestFeatures {

    /** Words longer than this also give their first {@value} letters as a token. */
    static final int PREFIX = 5;
    static final int SHORT_WORDS = 4;
    static final int LONG_WORDS = 30;

    /**
     * Little words that say nothing about where a request goes; alone or as a pair of two they only add noise
     * (and would be named among "the words that weighed most"). Question words ("how", "what", "why", "can") are
     * not here: they are what tells a question from a report.
     */
    private static final Set<String> FILLERS = Set.of("the", "a", "an", "to", "of", "for", "on", "in", "at", "and",
            "or", "it", "its", "this", "that", "with", "from", "be", "are", "was", "my", "me", "i", "you", "your", "we",
            "our", "us", "s", "m", "ll", "ve", "t", "please", "pls", "hi", "hello", "die", "vir", "en", "van", "op",
            "het", "ek", "julle", "n", "te", "dit", "asseblief");

    private RequestFeatures() {
    }

    /**
     * The tokens of a text and, for each, the words it stands for in an explanation.
     *
     * @param tokens  the features, duplicates kept (a word said twice counts twice)
     * @param display for each token the word or pair of words it came from, or {@code null} for marks of shape
     */
    public record Tokens(String[] tokens, String[] display) {
    }

    /**
     * @param text subject and text as typed, not null
     * @return the tokens
     */
    public static Tokens of(String text) {
        String normalised = TextNormaliser.normalise(text);
        String[] words = normalised.isEmpty() ? new String[0] : normalised.split(" ");
        List<String> tokens = new ArrayList<>(words.length * 3 + 4);
        List<String> display = new ArrayList<>(words.length * 3 + 4);
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            boolean filler = FILLERS.contains(w);
            if (!filler) {
                tokens.add(w);
                display.add(w);
            }
            if (!filler && w.length() > PREFIX) {
                tokens.add("~" + w.substring(0, PREFIX));
                display.add(w);
            }
            if (i > 0 && !(filler && FILLERS.contains(words[i - 1]))) {
                tokens.add(words[i - 1] + "_" + w);
                display.add(words[i - 1] + " " + w);
            }
        }
        if (text.indexOf('?') >= 0) {
            add(tokens, display, "#question");
        }
        if (words.length > 0) {
            add(tokens, display, "#first_" + words[0]);
        }
        if (words.length <= SHORT_WORDS) {
            add(tokens, display, "#short");
        } else if (words.length >= LONG_WORDS) {
            add(tokens, display, "#long");
        }
        return new Tokens(tokens.toArray(String[]::new), display.toArray(String[]::new));
    }

    private static void add(List<String> tokens, List<String> display, String mark) {
        tokens.add(mark);
        display.add(null);
    }
}
