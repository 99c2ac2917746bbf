package za.co.proconnectsa.support.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import za.co.proconnectsa.support.InvalidInputException;

class TextTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "wamid.HBgLMjc2Nzk1MTgxMjQVAgASGBQzQTdBQjVFNzE2RjBBMUQ0MEE2RgA=",
        "+27679518124",
        "27679518124",
        "3f2504e0-4f89-11d3-9a0c-0305e82c3301",
        "provider-17@example.co.za",
        "US.13491208655302741918",
        "PCS-000042",
        "!~"})
    @DisplayName("real ids are identifiers: WhatsApp ids, phone numbers, UUIDs, e-mail addresses, ticket numbers")
    void realIds(String id) {
        assertThat(Text.isIdentifier(id)).isTrue();
        assertThat(Text.identifier(id, "id")).isSameAs(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "abc ", " abc", "a b", "a\tb", "a\u0000b", "zoë", "a\u202Eb", "\uD83D\uDE00",
        "\uD800", "\uDC00", "a\u007Fb", "a\u0085b", "a\u00A0b"})
    @DisplayName("ids with spaces, controls, non-ASCII or lone surrogates are refused, naming the field and why")
    void refusedIds(String id) {
        assertThat(Text.isIdentifier(id)).isFalse();
        assertThatThrownBy(() -> Text.identifier(id, "actor.id"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.fieldErrors()).singleElement().satisfies(f -> {
                        assertThat(f.field()).isEqualTo("actor.id");
                        assertThat(f.message()).isNotBlank();
                    });
                });
    }

    @Test
    @DisplayName("an id may be 200 characters, not 201; null is refused")
    void idLength() {
        assertThat(Text.isIdentifier("a".repeat(200))).isTrue();
        assertThatThrownBy(() -> Text.identifier("a".repeat(201), "key")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("key").hasMessageContaining("at most 200");
        assertThatThrownBy(() -> Text.identifier(null, "key")).isInstanceOf(InvalidInputException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Hallo, is julle oop? 🙂",
        "family: 👨\u200D👩\u200D👧\u200D👦",
        "flag 🇿🇦 and skin tone 👋🏽",
        "e\u0301\u0301 combining",
        "right-to-left \u202Eevil.exe\u202C and \u200F mark",
        "مرحبا بالعالم",
        "line one\nline two\r\n\ttabbed",
        "trailing spaces   ",
        "𝒜 mathematical, \uFFFD replacement",
        "nbsp\u00A0and\u2028line separator"})
    @DisplayName("text with emoji, ZWJ sequences, combining marks, RTL overrides, tabs and line breaks is accepted as is")
    void legitimateText(String text) {
        assertThat(Text.isText(text)).isTrue();
        assertThat(Text.text(text, "body", 10_000)).isSameAs(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "\u0001", "bell\u0007", "esc\u001B[31m", "del\u007F", "c1\u0085", "c1\u009F",
        "lone high \uD83D", "lone low \uDE00 here", "reversed \uDE00\uD83D", "\uD800"})
    @DisplayName("NUL, other C0 and C1 controls, DEL and lone surrogates are refused with the position and the code")
    void refusedText(String text) {
        assertThat(Text.isText(text)).isFalse();
        assertThatThrownBy(() -> Text.text(text, "subject", 200))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors())
                        .singleElement().satisfies(f -> {
                            assertThat(f.field()).isEqualTo("subject");
                            assertThat(f.message()).containsPattern("U\\+[0-9A-F]{4} at index \\d+");
                        }));
    }

    @Test
    @DisplayName("text limits count UTF-16 units and blank text is refused where required")
    void textLimits() {
        assertThatThrownBy(() -> Text.text("   ", "body", 10)).hasMessageContaining("blank");
        assertThatThrownBy(() -> Text.text("x".repeat(11), "body", 10)).hasMessageContaining("at most 10");
        assertThat(Text.optionalText("  ", "name", 10)).isEqualTo("  ");
        assertThat(Text.optionalText(null, "name", 10)).isNull();
        String tenMegabytes = "x".repeat(10 * 1024 * 1024);
        assertThatThrownBy(() -> Text.text(tenMegabytes, "body", 10_000)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("at most 10000");
    }

    @Test
    @DisplayName("truncate never splits a surrogate pair")
    void truncate() {
        assertThat(Text.truncate("ab🙂", 3)).isEqualTo("ab");
        assertThat(Text.truncate("ab🙂", 4)).isEqualTo("ab🙂");
        assertThat(Text.truncate("abc", 2)).isEqualTo("ab");
        assertThat(Text.truncate(null, 2)).isNull();
        assertThat(Text.truncate("🙂", 1)).isEmpty();
        assertThat(Text.truncate("abc", 0)).isEmpty();
    }
}
