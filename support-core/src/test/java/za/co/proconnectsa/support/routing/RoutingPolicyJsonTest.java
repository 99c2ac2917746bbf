package za.co.proconnectsa.support.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.access.Role;
import za.co.proconnectsa.support.hours.BusinessHours;
import za.co.proconnectsa.support.ticket.Category;
import za.co.proconnectsa.support.ticket.Priority;

class RoutingPolicyJsonTest {

    private static final BusinessHours HOURS = BusinessHours.weekdays("08:00", "18:00", ZoneId.of("Africa/Johannesburg"));

    private static final String POLICY = """
            {
              "rules": [
                {"name": "vip", "when": {"allOf": [{"requesterTier": ["Gold"]}, {"businessHours": "open"}]},
                 "channel": "whatsapp", "priority": "HIGH", "reason": "Gold members get a direct line."},
                {"name": "money", "when": {"anyOf": [{"category": ["billing"]}, {"keywords": ["invoice", "débit order"]}]},
                 "channel": "TICKET", "category": "BILLING", "reason": "Billing is tracked."},
                {"name": "errors", "when": {"regex": "\\\\berr(or)?\\\\s?\\\\d{3}\\\\b"}, "channel": "TICKET",
                 "category": "TECHNICAL", "reason": "Errors are tracked."},
                {"name": "long", "when": {"not": {"maxLength": 200}}, "channel": "TICKET", "reason": "Long."},
                {"name": "staff", "when": {"requesterRole": ["AGENT", "admin"]}, "channel": "TICKET", "reason": "Staff log tickets."},
                {"name": "partner", "when": {"predicate": "isPartner"}, "channel": "TICKET", "reason": "Partners have an account manager."},
                {"name": "files", "when": {"attachments": true}, "channel": "TICKET", "reason": "Files."},
                {"name": "wordy", "when": {"minWords": 40}, "channel": "TICKET", "reason": "Wordy."}
              ],
              "otherwise": {"channel": "WHATSAPP", "reason": "We reply from {nextOpening}."}
            }
            """;

    private final RoutingPolicy policy = RoutingPolicy.fromJson(POLICY,
            Map.of("isPartner", c -> "partner".equals(c.request().metadata().get("plan"))));

    private RoutingDecision route(SupportRequest r) {
        return policy.route(r, StandardPolicyTest.OPEN, HOURS, null);
    }

    @Test
    @DisplayName("rules from JSON behave like rules from code")
    void loads() {
        assertThat(policy.rules()).extracting(Rule::name)
                .containsExactly("vip", "money", "errors", "long", "staff", "partner", "files", "wordy");
        assertThat(route(SupportRequest.builder().tier("gold").text("hi").build()).suggestedPriority()).isEqualTo(Priority.HIGH);
        assertThat(route(SupportRequest.of("about my debit order")).ruleName()).isEqualTo("money");
        assertThat(route(SupportRequest.of("I get ERR 404")).ruleName()).isEqualTo("errors");
        assertThat(route(SupportRequest.of("x".repeat(201))).ruleName()).isEqualTo("long");
        assertThat(route(SupportRequest.builder().requester("a1", Role.ADMIN).text("hi").build()).ruleName()).isEqualTo("staff");
        assertThat(route(SupportRequest.builder().metadata("plan", "partner").text("hi").build()).ruleName()).isEqualTo("partner");
        assertThat(route(SupportRequest.builder().attachments(true).text("hi").build()).ruleName()).isEqualTo("files");
        assertThat(route(SupportRequest.of("word ".repeat(39))).ruleName()).isEqualTo("default");
        assertThat(route(SupportRequest.of("word ".repeat(40))).ruleName()).isEqualTo("wordy");
        assertThat(route(SupportRequest.builder().category(Category.BILLING).build()).suggestedCategory()).isEqualTo(Category.BILLING);
    }

    private static InvalidInputException invalid(String json) {
        return catchThrowableOfType(InvalidInputException.class, () -> RoutingPolicy.fromJson(json));
    }

    private static final String OTHERWISE = "\"otherwise\": {\"channel\": \"TICKET\", \"reason\": \"r\"}";

    @Test
    @DisplayName("an unknown field is named with its path")
    void unknownField() {
        InvalidInputException e = invalid("{\"rules\": [{\"name\": \"a\", \"when\": {\"always\": true}, \"channel\": \"TICKET\","
                + " \"reason\": \"r\", \"priorty\": \"HIGH\"}], " + OTHERWISE + "}");
        assertThat(e.fieldErrors()).extracting(InvalidInputException.FieldError::field).containsExactly("rules[0].priorty");
    }

    @Test
    @DisplayName("a bad regular expression is reported with its position")
    void badRegex() {
        InvalidInputException e = invalid("{\"rules\": [{\"name\": \"a\", \"when\": {\"regex\": \"refund(\"}, \"channel\": \"TICKET\","
                + " \"reason\": \"r\"}], " + OTHERWISE + "}");
        assertThat(e.fieldErrors()).singleElement().satisfies(fe -> {
            assertThat(fe.field()).isEqualTo("rules[0].when.regex");
            assertThat(fe.message()).contains("position 7");
        });
    }

    @Test
    @DisplayName("an unknown channel, category, priority or condition is an error; all are reported at once")
    void unknownValues() {
        InvalidInputException e = invalid("{\"rules\": [{\"name\": \"a\", \"when\": {\"keyword\": [\"x\"]}, \"channel\": \"EMAIL\","
                + " \"priority\": \"ASAP\", \"category\": \"bad category\", \"reason\": \"r\"}], " + OTHERWISE + "}");
        assertThat(e.fieldErrors()).extracting(InvalidInputException.FieldError::field)
                .contains("rules[0].when", "rules[0].channel", "rules[0].priority", "rules[0].category");
    }

    @Test
    @DisplayName("a policy without rules or without a default is an error")
    void ruleless() {
        assertThat(invalid("{\"rules\": [], " + OTHERWISE + "}").getMessage()).contains("rules");
        assertThat(invalid("{\"rules\": [{\"name\": \"a\", \"when\": {\"always\": true}, \"channel\": \"TICKET\", \"reason\": \"r\"}]}")
                .getMessage()).contains("otherwise");
        assertThat(invalid("{}").fieldErrors()).hasSize(2);
        assertThat(invalid("[]").getMessage()).contains("object");
    }

    @Test
    @DisplayName("malformed JSON names the line and column")
    void malformed() {
        assertThat(invalid("{\n  \"rules\": [,\n}").getMessage()).contains("line 2");
        assertThat(invalid("   ").getMessage()).contains("empty");
    }

    @Test
    @DisplayName("an unknown host predicate and a duplicate rule name are errors")
    void predicatesAndNames() {
        assertThat(invalid("{\"rules\": [{\"name\": \"a\", \"when\": {\"predicate\": \"nope\"}, \"channel\": \"TICKET\","
                + " \"reason\": \"r\"}], " + OTHERWISE + "}").getMessage()).contains("nope").contains("host predicate");
        assertThat(invalid("{\"rules\": [{\"name\": \"a\", \"when\": {\"always\": true}, \"channel\": \"TICKET\", \"reason\": \"r\"},"
                + "{\"name\": \"a\", \"when\": {\"always\": true}, \"channel\": \"TICKET\", \"reason\": \"r\"}], " + OTHERWISE + "}")
                .getMessage()).contains("used twice");
    }
}
