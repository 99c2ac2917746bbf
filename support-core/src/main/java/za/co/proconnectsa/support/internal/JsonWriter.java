package za.co.proconnectsa.support.internal;

import java.util.ArrayDeque;

/**
 * Writes JSON text by hand, strings exactly as given: Jackson stays with the routing rules and notifications
 * (ArchitectureTest), and the data-subject export and the outbox payloads need only objects, arrays, strings and
 * numbers. Indented (one member or element a line) or compact (no white space).
 */
public class JsonWriter {

    private final StringBuilder out = new StringBuilder();
    /** Per open object or array: whether a member or element was written. */
    private final ArrayDeque<boolean[]> open = new ArrayDeque<>();
    private final boolean indented;

    /**
     * @param indented one member or element a line, two spaces a level; else no white space at all
     */
    public JsonWriter(boolean indented) {
        this.indented = indented;
    }

    private void next() {
        boolean[] top = open.peek();
        if (top != null) {
            if (top[0]) {
                out.append(',');
            }
            if (indented) {
                out.append('\n').append("  ".repeat(open.size()));
            }
            top[0] = true;
        }
    }

    private void name(String name) {
        next();
        quote(name);
        out.append(indented ? ": " : ":");
    }

    private void start(char bracket) {
        out.append(bracket);
        open.push(new boolean[1]);
    }

    private void end(char bracket) {
        boolean[] top = open.pop();
        if (top[0] && indented) {
            out.append('\n').append("  ".repeat(open.size()));
        }
        out.append(bracket);
    }

    /** Opens an object as an element (or the document). */
    public void writeStartObject() {
        next();
        start('{');
    }

    /** Closes the innermost object. */
    public void writeEndObject() {
        end('}');
    }

    /** @param name the member whose value is the object opened */
    public void writeObjectFieldStart(String name) {
        name(name);
        start('{');
    }

    /** @param name the member whose value is the array opened */
    public void writeArrayFieldStart(String name) {
        name(name);
        start('[');
    }

    /** Closes the innermost array. */
    public void writeEndArray() {
        end(']');
    }

    /**
     * @param name  the member
     * @param value its text, or {@code null} for JSON null
     */
    public void writeStringField(String name, String value) {
        name(name);
        if (value == null) {
            out.append("null");
        } else {
            quote(value);
        }
    }

    /** @param name a member whose value is JSON null */
    public void writeNullField(String name) {
        name(name);
        out.append("null");
    }

    /**
     * @param name  the member
     * @param value its number
     */
    public void writeNumberField(String name, long value) {
        name(name);
        out.append(value);
    }

    /** @param value a string element of the innermost array */
    public void writeString(String value) {
        next();
        quote(value);
    }

    /**
     * RFC 8259: quote, backslash and control characters escaped, and the line and paragraph separators (which
     * JavaScript text cannot hold) and a surrogate that is not half of a pair (which UTF-8 cannot), as {@code \\u}
     * escapes that read back as the same character; everything else as it is.
     */
    private void quote(String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029' || lone(value, i)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static boolean lone(String value, int i) {
        char c = value.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1));
        }
        return Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(value.charAt(i - 1)));
    }

    /** @return the JSON text written so far */
    @Override
    public String toString() {
        return out.toString();
    }
}
