package za.co.proconnectsa.support.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import za.co.proconnectsa.support.analytics.CountOf;

/**
 * Counts the words and two- and three-word phrases of requests, stop words (English and Afrikaans, shipped as
 * resources) and one-letter words left out. A phrase is a run of words left after removing stop words within one
 * text; each term counts once per request. Not thread-safe: one per report.
 */
public final class CommonTerms {

    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Set<String> STOP_WORDS = load("stopwords-en.txt", "stopwords-af.txt");

    private final List<Map<String, Long>> counts = List.of(new HashMap<>(), new HashMap<>(), new HashMap<>());

    /** @return the stop words, lower case */
    public static Set<String> stopWords() {
        return STOP_WORDS;
    }

    /**
     * Counts one request.
     *
     * @param texts its texts (subject and body, or a first message)
     */
    public void add(List<String> texts) {
        List<Set<String>> seen = List.of(new HashSet<>(), new HashSet<>(), new HashSet<>());
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            List<String> words = words(text);
            for (int i = 0; i < words.size(); i++) {
                StringBuilder term = new StringBuilder();
                for (int n = 0; n < 3 && i + n < words.size(); n++) {
                    if (n > 0) {
                        term.append(' ');
                    }
                    term.append(words.get(i + n));
                    seen.get(n).add(term.toString());
                }
            }
        }
        for (int n = 0; n < 3; n++) {
            for (String term : seen.get(n)) {
                counts.get(n).merge(term, 1L, Long::sum);
            }
        }
    }

    /**
     * @param words 1, 2 or 3
     * @param top   how many
     * @return the most used terms of that many words, most first, then alphabetically
     */
    public List<CountOf> top(int words, int top) {
        return counts.get(words - 1).entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(top)
                .map(e -> new CountOf(e.getKey(), e.getValue()))
                .toList();
    }

    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        for (String token : SEPARATORS.split(text.toLowerCase(Locale.ROOT))) {
            if (token.codePointCount(0, token.length()) > 1 && !STOP_WORDS.contains(token)) {
                out.add(token);
            }
        }
        return out;
    }

    private static Set<String> load(String... names) {
        Set<String> words = new HashSet<>();
        for (String name : names) {
            String path = "/za/co/proconnectsa/support/analytics/" + name;
            try (InputStream in = CommonTerms.class.getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + path);
                }
                new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                        .map(String::strip)
                        .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                        .forEach(words::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Set.copyOf(words);
    }

    /** Orders counts most first, then by key. */
    public static final Comparator<CountOf> MOST_FIRST = Comparator.comparingLong(CountOf::count).reversed()
            .thenComparing(CountOf::key);
}
