package za.co.proconnectsa.support.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class TextPropertiesTest {

    @Property(tries = 2000)
    @Label("any accepted text survives a UTF-8 round trip unchanged, as every database driver makes one")
    void acceptedTextSurvivesUtf8(@ForAll("anyChars") String s) {
        boolean accepted = Text.isText(s);
        String roundTrip = new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        if (accepted) {
            assertThat(roundTrip).isEqualTo(s);
            assertThat(s).doesNotContain("\u0000");
        } else {
            assertThat(roundTrip.equals(s) && s.chars().noneMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r'
                    || c >= 0x7F && c <= 0x9F)).as("refused only for a reason").isFalse();
        }
        assertThat(Text.truncate(s, 5)).satisfies(t -> {
            if (Text.isText(s)) {
                assertThat(Text.isText(t)).isTrue();
            }
        });
    }

    @Property(tries = 1000)
    @Label("two distinct identifiers stay distinct after UTF-8 and after a case-sensitive, no-pad comparison")
    void identifiersAreAscii(@ForAll("anyChars") String s) {
        if (Text.isIdentifier(s)) {
            assertThat(s.getBytes(StandardCharsets.UTF_8)).hasSize(s.length());
            assertThat(s).isEqualTo(s.strip());
        }
    }

    @Provide
    Arbitrary<String> anyChars() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(12),
                Arbitraries.strings().ascii().ofMinLength(1).ofMaxLength(12),
                Arbitraries.strings().withCharRange('\uD700', '\uE000').ofMaxLength(6));
    }
}
