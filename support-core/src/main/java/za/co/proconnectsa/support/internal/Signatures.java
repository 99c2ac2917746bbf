package za.co.proconnectsa.support.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 for the signed webhooks and the signed survey links. */
public final class Signatures {

    private Signatures() {
    }

    /**
     * @param secret the key
     * @param prefix text signed before the bytes (UTF-8)
     * @param bytes  the bytes signed after it
     * @return the lower-case hex HMAC-SHA256 of prefix and bytes
     */
    public static String hmacSha256Hex(byte[] secret, String prefix, byte[] bytes) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(prefix.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }
}
