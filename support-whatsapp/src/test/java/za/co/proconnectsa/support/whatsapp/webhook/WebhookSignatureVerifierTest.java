package za.co.proconnectsa.support.whatsapp.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static za.co.proconnectsa.support.whatsapp.webhook.Fixtures.bytes;
import static za.co.proconnectsa.support.whatsapp.webhook.Fixtures.sign;
import static za.co.proconnectsa.support.whatsapp.webhook.Fixtures.utf8;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import za.co.proconnectsa.support.InvalidInputException;

class WebhookSignatureVerifierTest {

    private static final String SECRET = "test-secret";
    private static final WebhookSignatureVerifier VERIFIER = WebhookSignatureVerifier.create(SECRET);

    /** Computed once (Python hmac/hashlib) over the exact bytes of escaped_unicode.json with the key "test-secret". */
    private static final String ESCAPED_UNICODE_SIGNATURE =
            "sha256=74896941748fce0053e67791c90c50af3dfe05c4866800f594cf8f2dbf34e193";

    @Test
    @DisplayName("RFC 4231 test case 2 (key \"Jefe\")")
    void rfc4231() {
        assertThat(WebhookSignatureVerifier.create("Jefe").isValid(utf8("what do ya want for nothing?"),
                "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")).isTrue();
    }

    @Test
    @DisplayName("a hard-coded vector over a fixture's exact bytes")
    void hardCodedVector() {
        byte[] body = bytes("escaped_unicode.json");
        assertThat(body).hasSize(588);
        assertThat(VERIFIER.isValid(body, ESCAPED_UNICODE_SIGNATURE)).isTrue();
        assertThat(sign(body, SECRET)).isEqualTo(ESCAPED_UNICODE_SIGNATURE);
    }

    static final java.util.List<String> FIXTURES = Fixtures.ALL;

    @ParameterizedTest
    @FieldSource("FIXTURES")
    @DisplayName("agrees with javax.crypto computed independently, for every fixture")
    void independentVector(String fixture) {
        byte[] body = bytes(fixture);
        assertThat(VERIFIER.isValid(body, sign(body, SECRET))).isTrue();
        assertThat(VERIFIER.isValid(body, sign(body, "another-secret"))).isFalse();
    }

    @Test
    @DisplayName("hex digits may be upper case")
    void upperCaseHex() {
        byte[] body = bytes("escaped_unicode.json");
        String upper = "sha256=" + ESCAPED_UNICODE_SIGNATURE.substring(7).toUpperCase(Locale.ROOT);
        assertThat(VERIFIER.isValid(body, upper)).isTrue();
    }

    @Test
    @DisplayName("a re-serialised body fails: the signature is over the raw bytes")
    void reserialisedFails() throws Exception {
        byte[] raw = bytes("escaped_unicode.json");
        ObjectMapper mapper = new ObjectMapper();
        byte[] reserialised = mapper.writeValueAsBytes(mapper.readTree(raw));
        assertThat(reserialised).isNotEqualTo(raw);
        assertThat(mapper.readTree(reserialised)).isEqualTo(mapper.readTree(raw));
        assertThat(VERIFIER.isValid(reserialised, ESCAPED_UNICODE_SIGNATURE)).isFalse();
    }

    @Test
    @DisplayName("any changed byte fails")
    void tampered() {
        byte[] body = bytes("escaped_unicode.json");
        for (int i = 0; i < body.length; i += 7) {
            byte[] copy = Arrays.copyOf(body, body.length);
            copy[i] ^= 1;
            assertThat(VERIFIER.isValid(copy, ESCAPED_UNICODE_SIGNATURE)).as("byte %d", i).isFalse();
        }
        assertThat(VERIFIER.isValid(Arrays.copyOf(body, body.length - 1), ESCAPED_UNICODE_SIGNATURE)).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        "sha256=",
        "sha256",
        "74896941748fce0053e67791c90c50af3dfe05c4866800f594cf8f2dbf34e193",
        "SHA256=74896941748fce0053e67791c90c50af3dfe05c4866800f594cf8f2dbf34e193",
        "sha1=74896941748fce0053e67791c90c50af3dfe05c4866800f594cf8f2dbf34e193",
        "sha256=74896941748fce0053e67791c90c50af3dfe05c4866800f594cf8f2dbf34e19",
        "sha256=74896941748fce0053e67791c90c50af3dfe05c4866800f594cf8f2dbf34e1933",
        "sha256=74896941748fce0053e67791c90c50af3dfe05c4866800f594cf8f2dbf34e19g",
        "sha256=74896941748fce0053e67791c90c50af3dfe05c4866800f594cf8f2dbf34e19 ",
        " sha256=74896941748fce0053e67791c90c50af3dfe05c4866800f594cf8f2dbf34e193",
        "sha256=74896941748fce0053e67791c90c50af3dfe05c4866800f594cf8f2dbf34e193 ",
        "sha256= 74896941748fce0053e67791c90c50af3dfe05c4866800f594cf8f2dbf34e19",
        "sha256=+4896941748fce0053e67791c90c50af3dfe05c4866800f594cf8f2dbf34e193",
        "sha256=0000000000000000000000000000000000000000000000000000000000000000",
        "sha256=dGhpcyBpcyBub3QgaGV4IGF0IGFsbA==",
    })
    @DisplayName("a missing or malformed header is invalid")
    void malformedHeaders(String header) {
        assertThat(VERIFIER.isValid(bytes("escaped_unicode.json"), header)).isFalse();
    }

    @Test
    @DisplayName("a null body is invalid, not an exception")
    void nullBody() {
        assertThat(VERIFIER.isValid(null, ESCAPED_UNICODE_SIGNATURE)).isFalse();
        assertThat(VERIFIER.isValid(null, null)).isFalse();
    }

    @Test
    @DisplayName("an empty body can be signed like any other")
    void emptyBody() {
        assertThat(VERIFIER.isValid(new byte[0], sign(new byte[0], SECRET))).isTrue();
    }

    @Test
    @DisplayName("a blank secret is refused; the secret never appears in toString")
    void secret() {
        assertThatThrownBy(() -> WebhookSignatureVerifier.create(" ")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("appSecret");
        assertThatThrownBy(() -> WebhookSignatureVerifier.create(null)).isInstanceOf(InvalidInputException.class);
        assertThat(VERIFIER.toString()).doesNotContain(SECRET);
        assertThat(WebhookSignatureVerifier.create("p4ssw0rd-xyz").toString()).doesNotContain("p4ssw0rd");
    }

    @Test
    @DisplayName("safe to share between threads")
    void threadSafe() throws Exception {
        byte[] body = bytes("text.json");
        String header = sign(body, SECRET);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 400; i++) {
                boolean good = i % 2 == 0;
                results.add(pool.submit(() -> VERIFIER.isValid(good ? body : utf8("x"), header) == good));
            }
            for (java.util.concurrent.Future<Boolean> r : results) {
                assertThat(r.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
