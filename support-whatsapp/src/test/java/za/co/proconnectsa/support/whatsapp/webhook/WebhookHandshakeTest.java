package za.co.proconnectsa.support.whatsapp.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import za.co.proconnectsa.support.InvalidInputException;

class WebhookHandshakeTest {

    private final WebhookHandshake handshake = WebhookHandshake.create("meatyhamhock");

    @Test
    @DisplayName("returns the challenge when mode and token match")
    void matches() {
        assertThat(handshake.verify("subscribe", "meatyhamhock", "1158201444")).contains("1158201444");
        assertThat(handshake.verify(Map.of("hub.mode", "subscribe", "hub.verify_token", "meatyhamhock",
                "hub.challenge", "1158201444"))).contains("1158201444");
    }

    @Test
    @DisplayName("returns nothing for a wrong token, mode or a missing part")
    void refuses() {
        assertThat(handshake.verify("subscribe", "meatyhamhocks", "1")).isEmpty();
        assertThat(handshake.verify("subscribe", "MEATYHAMHOCK", "1")).isEmpty();
        assertThat(handshake.verify("subscribe", "", "1")).isEmpty();
        assertThat(handshake.verify("subscribe", null, "1")).isEmpty();
        assertThat(handshake.verify("unsubscribe", "meatyhamhock", "1")).isEmpty();
        assertThat(handshake.verify(null, "meatyhamhock", "1")).isEmpty();
        assertThat(handshake.verify("subscribe", "meatyhamhock", null)).isEmpty();
        assertThat(handshake.verify("subscribe", "meatyhamhock", "")).isEmpty();
        assertThat(handshake.verify((Map<String, String>) null)).isEmpty();
        assertThat(handshake.verify(Map.of())).isEmpty();
        Map<String, String> noToken = new HashMap<>();
        noToken.put("hub.mode", "subscribe");
        noToken.put("hub.challenge", "1");
        assertThat(handshake.verify(noToken)).isEmpty();
    }

    @Test
    @DisplayName("never reflects markup or an oversized challenge")
    void unsafeChallenge() {
        assertThat(handshake.verify("subscribe", "meatyhamhock", "<script>alert(1)</script>")).isEmpty();
        assertThat(handshake.verify("subscribe", "meatyhamhock", "a b")).isEmpty();
        assertThat(handshake.verify("subscribe", "meatyhamhock", "1".repeat(257))).isEmpty();
        assertThat(handshake.verify("subscribe", "meatyhamhock", "1".repeat(256))).isPresent();
        assertThat(handshake.verify("subscribe", "meatyhamhock", "abc-DEF_1.2~3")).contains("abc-DEF_1.2~3");
    }

    @Test
    @DisplayName("a blank token is refused; the token never appears in toString")
    void token() {
        assertThatThrownBy(() -> WebhookHandshake.create("")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> WebhookHandshake.create(null)).isInstanceOf(InvalidInputException.class);
        assertThat(handshake.toString()).doesNotContain("meatyhamhock");
    }
}
