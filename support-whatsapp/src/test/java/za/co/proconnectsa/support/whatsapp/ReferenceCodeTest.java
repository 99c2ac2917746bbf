package za.co.proconnectsa.support.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.ticket.TicketNumberFormat;

class ReferenceCodeTest {

    private static final ReferenceCode TICKET = ReferenceCode.of("PCS-000042");

    @Test
    @DisplayName("codes are upper-cased and checked; ticket numbers are codes")
    void values() {
        assertThat(ReferenceCode.of(" pcs-000042 ").value()).isEqualTo("PCS-000042");
        assertThat(new ReferenceCode("Ref-7k3q9")).isEqualTo(ReferenceCode.of("REF-7K3Q9"));
        assertThat(ReferenceCode.of(TicketNumberFormat.DEFAULT.format(42))).isEqualTo(TICKET);
        assertThat(ReferenceCode.of(new TicketNumberFormat("HELPDESK01", 12).format(Long.MAX_VALUE)).value())
                .isEqualTo("HELPDESK01-9223372036854775807");
        assertThat(TICKET.marker()).isEqualTo("[ref: PCS-000042]");
        assertThat(TICKET).hasToString("PCS-000042");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "PCS", "PCS-", "-42", "1PCS-42", "PCS 42", "PCS--42", "PCS-00 42",
        "ABCDEFGHIJK-1", "A-123456789012345678901", "PCS-\u0130", "P\u0131S-1", "PCS-\uFF14\uFF12", "PCS_42"})
    @DisplayName("malformed codes are refused on 'reference'")
    void refused(String value) {
        assertThatThrownBy(() -> ReferenceCode.of(value)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("reference");
    }

    @Test
    @DisplayName("null code or ticket number is refused with an InvalidInputException")
    void nulls() {
        assertThatThrownBy(() -> ReferenceCode.of((String) null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> ReferenceCode.of((za.co.proconnectsa.support.ticket.TicketNumber) null))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> ReferenceCode.embed("Hi", null)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    @DisplayName("generated codes are REF- and five characters without 0, O, 1, I or L, and rarely repeat")
    void generated() {
        Set<ReferenceCode> seen = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            ReferenceCode code = ReferenceCode.generate();
            assertThat(code.value()).matches("REF-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{5}");
            seen.add(code);
        }
        assertThat(seen).hasSizeGreaterThan(1990);
        assertThat(ReferenceCode.generate(new Random(7))).isEqualTo(ReferenceCode.generate(new Random(7)));
    }

    @Test
    @DisplayName("embed appends ' [ref: CODE]' after the text's trailing whitespace, and only once")
    void embed() {
        assertThat(ReferenceCode.embed("Hi, about my ticket", TICKET)).isEqualTo("Hi, about my ticket [ref: PCS-000042]");
        assertThat(ReferenceCode.embed("Hi \n ", TICKET)).isEqualTo("Hi [ref: PCS-000042]");
        assertThat(ReferenceCode.embed("", TICKET)).isEqualTo("[ref: PCS-000042]");
        assertThat(ReferenceCode.embed(null, TICKET)).isEqualTo("[ref: PCS-000042]");
        String once = ReferenceCode.embed("Hi", TICKET);
        assertThat(ReferenceCode.embed(once, TICKET)).isEqualTo(once);
        assertThat(ReferenceCode.embed("About ref pcs-000042 again", TICKET)).isEqualTo("About ref pcs-000042 again");
        assertThat(ReferenceCode.embed(once, ReferenceCode.of("PCS-000043")))
                .isEqualTo("Hi [ref: PCS-000042] [ref: PCS-000043]");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Hi, about my ticket [ref: PCS-000042]",
        "[ref: PCS-000042]",
        "Hi, about my ticket [ref: PCS-000042] - it is still broken, please help!",
        "Good morning! Hi, about my ticket [ref: PCS-000042]",
        "Hi [REF: pcs-000042]",
        "hi [Ref:PCS-000042]",
        "Hi [ ref :  PCS-000042 ]",
        "Hi ref: PCS-000042",
        "Hi ref PCS-000042",
        "Hi REF pcs-000042",
        "Hi ref:PCS-000042, thanks",
        "Hi ref-PCS-000042",
        "Hi ref #PCS-000042",
        "Hi reference: PCS-000042.",
        "Hi Reference PCS-000042?",
        "Hi [ref: PCS-000042",
        "Hi ref: PCS-000042]",
        "Hi [PCS-000042]",
        "Hi [ pcs-000042 ]",
        "(ref PCS-000042)",
        "Hi\u00a0ref:\u00a0PCS-000042",
        "ref: PCS-000042\nMy card was charged twice",
        "My order [ref: PCS-000042]\n\nSent from my phone",
        "ref: INV-2291 is my invoice, ticket [ref: PCS-000042]",
        "[ref: PCS-000042] and my invoice is ref: INV-2291",
        "[ref: PCS-000042] and my invoice is [INV-2291]",
    })
    @DisplayName("find survives the user editing around the marker, case changes and missing brackets")
    void findsEdited(String inbound) {
        assertThat(ReferenceCode.find(inbound)).as(inbound).contains(TICKET);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "Hi, I need help with my invoice",
        "I want a refund - 200 rand",
        "I want a refund-200 rand",
        "Please refer to invoice INV-2291",
        "My ref is wrong",
        "ref: see the attached photo",
        "reference number 123-456",
        "Call me on 067-951-8124",
        "COVID-19 closed the office",
        "PCS-000042",
        "My ticket is PCS-000042",
        "prefPCS-000042",
        "ref PCS 000042",
        "ref PCS - 000042",
        "ref: PCS-\u0660\u0664\u0662",
        "ref: -42",
        "[x]",
        "[not a code]",
        "[PCS-000042 and more]",
        "ref: ABCDEFGHIJK-1",
        "ref: A-123456789012345678901",
        "\uD83D\uDE00 ref \uD83D\uDE00",
        "Ref.",
    })
    @DisplayName("find never takes a code that was not marked as one")
    void noFalsePositives(String inbound) {
        assertThat(ReferenceCode.find(inbound)).as(inbound).isEmpty();
        assertThat(ReferenceCode.findAll(inbound)).isEmpty();
        assertThat(ReferenceCode.remove(inbound)).isEqualTo(inbound.strip());
    }

    @Test
    @DisplayName("null has no reference")
    void findNull() {
        assertThat(ReferenceCode.find(null)).isEmpty();
        assertThat(ReferenceCode.findAll(null)).isEmpty();
        assertThat(ReferenceCode.remove(null)).isEmpty();
    }

    @Test
    @DisplayName("the embedded marker wins over looser forms; among equals the last wins")
    void priorities() {
        ReferenceCode invoice = ReferenceCode.of("INV-2291");
        assertThat(ReferenceCode.find("ref: PCS-000041 and later ref: INV-2291")).contains(invoice);
        assertThat(ReferenceCode.find("[ref: PCS-000041] forwarded; now [ref: PCS-000042]")).contains(TICKET);
        assertThat(ReferenceCode.find("[ref: PCS-000042] ref: INV-2291 [INV-2292]")).contains(TICKET);
        assertThat(ReferenceCode.findAll("[ref: PCS-000042] ref: INV-2291 [inv-2291] ref PCS-000042"))
                .containsExactly(TICKET, invoice);
    }

    @Test
    @DisplayName("remove takes the reference out so the ticket shows what the user wrote")
    void remove() {
        assertThat(ReferenceCode.remove("Hi, about my ticket [ref: PCS-000042]")).isEqualTo("Hi, about my ticket");
        assertThat(ReferenceCode.remove("Hi [ref: PCS-000042] still broken")).isEqualTo("Hi still broken");
        assertThat(ReferenceCode.remove("ref PCS-000042\nMy card")).isEqualTo("My card");
        assertThat(ReferenceCode.remove("[ref: PCS-000042]")).isEmpty();
    }
}
