package za.co.proconnectsa.support.whatsapp.webhook.internal;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import za.co.proconnectsa.support.SupportException;
import za.co.proconnectsa.support.whatsapp.webhook.WebhookSignatureVerifier;

/**
 * The standard {@link WebhookSignatureVerifier}: a keyed HMAC-SHA256 prototype, cloned per call so that
 * concurrent calls share no state. Not part of the API.
 */
public final class HmacSha256Verifier implements WebhookSignatureVerifier {

    private static final String ALGORITHM = "HmacSHA256";
    private static final String PREFIX = "sha256=";
    private static final int DIGEST_BYTES = 32;
    private static final int HEADER_LENGTH = PREFIX.length() + 2 * DIGEST_BYTES;

    private final Mac prototype;
    private final SecretKeySpec key;

    /**
     * @param secret the key bytes; copied, and the given array is cleared
     */
    public HmacSha256Verifier(byte[] secret) {
        try {
            this.key = new SecretKeySpec(secret, ALGORITHM);
            this.prototype = Mac.getInstance(ALGORITHM);
            prototype.init(key);
        } catch (GeneralSecurityException e) {
            throw new SupportException("HMAC-SHA256 is not available in this JVM", e);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    @Override
    public boolean isValid(byte[] rawBody, String signatureHeader) {
        if (rawBody == null || signatureHeader == null || signatureHeader.length() != HEADER_LENGTH
                || !signatureHeader.startsWith(PREFIX)) {
            return false;
        }
        byte[] provided = new byte[DIGEST_BYTES];
        for (int i = 0; i < DIGEST_BYTES; i++) {
            int hi = hex(signatureHeader.charAt(PREFIX.length() + 2 * i));
            int lo = hex(signatureHeader.charAt(PREFIX.length() + 2 * i + 1));
            if (hi < 0 || lo < 0) {
                return false;
            }
            provided[i] = (byte) ((hi << 4) | lo);
        }
        try {
            return MessageDigest.isEqual(mac().doFinal(rawBody), provided);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private Mac mac() {
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            try {
                Mac mac = Mac.getInstance(ALGORITHM);
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException impossible) {
                throw new IllegalStateException("HMAC-SHA256 became unavailable", impossible);
            }
        }
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    @Override
    public String toString() {
        return "WebhookSignatureVerifier[HMAC-SHA256, secret hidden]";
    }
}
