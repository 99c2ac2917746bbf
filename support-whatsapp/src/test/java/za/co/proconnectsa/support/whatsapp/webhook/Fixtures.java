package za.co.proconnectsa.support.whatsapp.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The webhook bodies under {@code src/test/resources/webhooks} and an independent signer. */
final class Fixtures {

    /** Every fixture file. */
    static final List<String> ALL = List.of("text.json", "image.json", "interactive_button_reply.json",
            "interactive_list_reply.json", "text_reply_context.json", "text_forwarded.json", "text_ad_referral.json",
            "status_sent.json", "status_delivered.json", "status_read.json", "status_failed.json", "errors.json",
            "bsuid_username_user.json", "bsuid_status_delivered.json", "batched.json", "escaped_unicode.json",
            "versions/v22_text.json", "versions/v23_status_delivered.json", "versions/v24_text_bsuid.json",
            "versions/v25_text_username_only.json", "versions/v25_status_bsuid.json",
            "versions/v26_system_user_changed_user_id.json", "versions/v26_text_new_user_id.json",
            "versions/v26_text_username_only_new_contact.json", "versions/v26_unsupported.json",
            "template_category_update.json");

    private Fixtures() {
    }

    /** @return the exact bytes of a fixture */
    static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/webhooks/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the {@code X-Hub-Signature-256} value for a body, computed with javax.crypto directly */
    static String sign(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the UTF-8 bytes of a text */
    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
