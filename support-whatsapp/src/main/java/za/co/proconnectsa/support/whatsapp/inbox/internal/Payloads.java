package za.co.proconnectsa.support.whatsapp.inbox.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** Job payloads as UTF-8 properties, so that any text survives: what the queued sends and downloads share. */
final class Payloads {

    private Payloads() {
    }

    /** Sets a property when the value is present. */
    static void setIfPresent(Properties p, String key, Object value) {
        if (value != null) {
            p.setProperty(key, value.toString());
        }
    }

    /** @return the properties as a payload */
    static byte[] write(Properties p) {
        StringWriter out = new StringWriter();
        try {
            p.store(out, null);
        } catch (IOException e) {
            throw new IllegalStateException("a StringWriter does not fail", e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * @return the payload's properties
     * @throws IllegalArgumentException when it cannot be read as properties
     */
    static Properties read(byte[] payload) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(new String(payload, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new IllegalArgumentException("unreadable payload", e);
        }
        return p;
    }
}
