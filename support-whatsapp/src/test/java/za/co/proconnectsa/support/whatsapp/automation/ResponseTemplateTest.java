package za.co.proconnectsa.support.whatsapp.automation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.internal.Text;

class ResponseTemplateTest {

    @Test
    @DisplayName("placeholders are filled, each as often as it appears; extra values are ignored")
    void render() {
        ResponseTemplate t = ResponseTemplate.of("ticket-opened", "Hi {name}, ticket {ticket} is open. Quote {ticket}.");
        assertThat(t.placeholders()).containsExactlyInAnyOrder("name", "ticket");
        assertThat(t.render(Map.of("name", "Thandi", "ticket", "PCS-000042", "unused", "x")))
                .isEqualTo("Hi Thandi, ticket PCS-000042 is open. Quote PCS-000042.");
    }

    @Test
    @DisplayName("every missing, null or blank value is named at once, in order, and nothing is rendered")
    void missingValues() {
        ResponseTemplate t = ResponseTemplate.of("x", "{greeting} {name}, your ticket is {ticket}");
        Map<String, Object> values = new HashMap<>();
        values.put("name", null);
        values.put("greeting", " ");
        assertThatThrownBy(() -> t.render(values)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("needs a value for {greeting}, {name}, {ticket}");
    }

    @Test
    @DisplayName("{{ and }} write braces; values are inserted as they are, never parsed again")
    void escapes() {
        ResponseTemplate t = ResponseTemplate.of("json", "Send {{\"ref\": \"{ticket}\"}}");
        assertThat(t.placeholders()).containsExactly("ticket");
        assertThat(t.render(Map.of("ticket", "{name}"))).isEqualTo("Send {\"ref\": \"{name}\"}");
    }

    @Test
    @DisplayName("bad texts and names are refused with every problem and its position")
    void badTemplates() {
        assertThatThrownBy(() -> ResponseTemplate.of("x", "Hi {name")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("position 3").hasMessageContaining("never closed");
        assertThatThrownBy(() -> ResponseTemplate.of("x", "Hi name}")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("without an opening brace");
        assertThatThrownBy(() -> ResponseTemplate.of("x", "Hi {first name}")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("bad placeholder {first name}");
        assertThatThrownBy(() -> ResponseTemplate.of("Bad Name", " ")).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).fieldErrors()).hasSize(2));
        assertThatThrownBy(() -> ResponseTemplate.of("x", "{a}".repeat(10)).render(Map.of("a", "y".repeat(500))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("4096");
    }

    @Test
    @DisplayName("the inbox's default texts exist and take the documented placeholders")
    void defaults() {
        ResponseTemplates d = ResponseTemplates.defaults(Locale.ENGLISH);
        assertThat(d.get(ResponseTemplates.ESCALATED).placeholders()).containsExactlyInAnyOrder("name", "ticket");
        assertThat(d.get(ResponseTemplates.OUT_OF_HOURS).placeholders())
                .containsExactlyInAnyOrder("name", "hours", "nextOpening");
        assertThat(d.get(ResponseTemplates.JOINED_TICKET).placeholders()).containsExactlyInAnyOrder("name", "ticket");
        assertThatThrownBy(() -> d.get("nope")).isInstanceOf(InvalidInputException.class).hasMessageContaining("known");
        ResponseTemplates more = d.with(ResponseTemplate.of("escalated", "Ticket {ticket}"));
        assertThat(more.render("escalated", Map.of("ticket", "PCS-1"))).isEqualTo("Ticket PCS-1");
        assertThat(d.get("escalated").text()).contains("{name}");
    }

    @Property(tries = 2000)
    @Label("any text without braces renders to itself, unless it holds a character no store keeps: then it is refused")
    void literalRoundTrip(@ForAll @StringLength(min = 1, max = 300) String text) {
        String literal = text.replace("{", "").replace("}", "");
        if (literal.isBlank()) {
            return;
        }
        if (!Text.isText(literal)) {
            assertThatThrownBy(() -> ResponseTemplate.of("t", literal)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("text");
            return;
        }
        assertThat(ResponseTemplate.of("t", literal).render(Map.of())).isEqualTo(literal);
    }

    @Property(tries = 2000)
    @Label("any text either makes a template or is refused with InvalidInputException, nothing else")
    void onlyTypedErrors(@ForAll @StringLength(max = 200) String text) {
        try {
            ResponseTemplate t = ResponseTemplate.of("t", text);
            Map<String, String> values = new HashMap<>();
            t.placeholders().forEach(p -> values.put(p, "v"));
            assertThat(t.render(values)).doesNotContain("{v}");
        } catch (InvalidInputException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }
}
