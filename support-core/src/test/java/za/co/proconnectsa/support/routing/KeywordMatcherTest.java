package za.co.proconnectsa.support.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The automaton answers exactly what one indexOf per keyword would. */
class KeywordMatcherTest {

    private static String[] padded(List<String> words) {
        return words.stream().map(w -> " " + w + " ").toArray(String[]::new);
    }

    private static boolean naive(String text, String[] padded) {
        for (String k : padded) {
            if (text.indexOf(k) >= 0) {
                return true;
            }
        }
        return false;
    }

    @Test
    @DisplayName("whole words and phrases, overlapping keywords, non-ASCII keywords")
    void examples() {
        KeywordMatcher m = new KeywordMatcher(padded(List.of("error", "debit order", "order 5", "straße", "rr")));
        assertThat(m.matches(" an error occurred ")).isTrue();
        assertThat(m.matches(" terrorist ")).isFalse();
        assertThat(m.matches(" my debit order ")).isTrue();
        assertThat(m.matches(" debit orders ")).isFalse();
        assertThat(m.matches(" place order 5 now ")).isTrue();
        assertThat(m.matches(" die straße ")).isTrue();
        assertThat(m.matches(" strasse ")).isFalse();
        assertThat(m.matches(" ")).isFalse();
    }

    @Provide
    Arbitrary<List<String>> keywordSets() {
        return Arbitraries.strings().withChars("ab 1é").ofMinLength(1).ofMaxLength(5)
                .map(String::strip).filter(s -> !s.isEmpty()).list().ofMinSize(1).ofMaxSize(8);
    }

    @Property(tries = 3000)
    void sameAsIndexOf(@ForAll("keywordSets") List<String> words,
            @ForAll("texts") String text) {
        String[] padded = padded(words);
        String paddedText = " " + text + " ";
        int found = new KeywordMatcher(padded).find(paddedText);
        assertThat(found >= 0).isEqualTo(naive(paddedText, padded));
        if (found >= 0) {
            assertThat(paddedText).contains(padded[found]);
        }
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.strings().withChars("ab 1éz").ofMaxLength(30);
    }
}
