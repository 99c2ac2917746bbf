package za.co.proconnectsa.support.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import za.co.proconnectsa.support.InvalidInputException;

class KeywordSetTest {

    @Test
    @DisplayName("whole words and phrases, any case, accents and punctuation ignored; every match listed in order")
    void matching() {
        KeywordSet set = KeywordSet.of("opening hours", "Café", "open", "error 500");
        assertThat(set.words()).containsExactly("opening hours", "cafe", "open", "error 500");
        assertThat(set.matchesIn("Are you OPEN on Saturday?")).isTrue();
        assertThat(set.matchesIn("It opens at 8")).isFalse();
        assertThat(set.matchedIn("Opening-hours of the CAFE? Is it open? ERROR-500!"))
                .containsExactly("opening hours", "cafe", "open", "error 500");
        assertThat(set.matchedIn(null)).isEmpty();
        assertThat(set.matchesIn(null)).isFalse();
    }

    @Test
    @DisplayName("blank, empty or null keyword lists are refused")
    void refused() {
        assertThatThrownBy(() -> KeywordSet.of()).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> KeywordSet.of("ok", " !! ")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> KeywordSet.of((List<String>) null)).isInstanceOf(InvalidInputException.class);
    }
}
