package za.co.proconnectsa.support.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import za.co.proconnectsa.support.InvalidInputException;

class WhatsAppContactTest {

    @Test
    @DisplayName("an international number becomes wa.me digits; text is percent-encoded with %20 for spaces")
    void links() {
        WhatsAppContact c = WhatsAppContact.of("  +27 67 951 8124 ");
        assertThat(c.displayNumber()).isEqualTo("+27 67 951 8124");
        assertThat(c.digits()).isEqualTo("27679518124");
        assertThat(c.chatLink("").toString()).isEqualTo("https://wa.me/27679518124");
        assertThat(c.chatLink("Hi & bye? 100% #1=+ é\n").toString())
                .isEqualTo("https://wa.me/27679518124?text=Hi%20%26%20bye%3F%20100%25%20%231%3D%2B%20%C3%A9%0A");
    }

    @Test
    @DisplayName("national or malformed numbers are refused with a clear error")
    void refusesNational() {
        assertThatThrownBy(() -> WhatsAppContact.of("067 951 8124")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("international form");
        assertThatThrownBy(() -> WhatsAppContact.of(null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> WhatsAppContact.of("+1 2")).isInstanceOf(InvalidInputException.class);
    }
}
