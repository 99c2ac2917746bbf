package za.co.proconnectsa.support.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import za.co.proconnectsa.support.hours.BusinessHours;

/** Routing is total and deterministic on any text and at any time. */
class RoutingPropertiesTest {

    private static final BusinessHours HOURS = BusinessHours.weekdays("08:00", "18:00", ZoneId.of("Africa/Johannesburg"));
    private static final RoutingPolicy POLICY = RoutingPolicy.standard(AfterHours.WHATSAPP_WITH_NOTICE);
    private static final TestWhatsAppLinks CONTACT = TestWhatsAppLinks.SUPPORT;

    @Provide
    Arbitrary<String> anyText() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(600),
                Arbitraries.strings().withChars("abcdeé 5012!?'\n\t").ofMaxLength(80),
                Arbitraries.of("invoice", "500", "error", "log in", "hello", "").list().ofMaxSize(12)
                        .map(words -> String.join(" ", words)));
    }

    @Property(tries = 2000)
    void neverThrowsAndIsDeterministic(@ForAll("anyText") String subject, @ForAll("anyText") String text,
            @ForAll boolean attachments, @ForAll @LongRange(min = 1_700_000_000L, max = 1_900_000_000L) long epoch) {
        SupportRequest request = SupportRequest.builder().subject(subject).text(text).attachments(attachments).build();
        Instant at = Instant.ofEpochSecond(epoch);

        RoutingDecision first = POLICY.route(request, at, HOURS, CONTACT);
        RoutingDecision second = POLICY.route(request, at, HOURS, CONTACT);

        assertThat(second.channel()).isEqualTo(first.channel());
        assertThat(second.ruleName()).isEqualTo(first.ruleName());
        assertThat(second.reasons()).isEqualTo(first.reasons());
        assertThat(first.explain()).isNotEmpty().last().matches(RuleEvaluation::decisive);
        if (first.channel() == Channel.WHATSAPP) {
            // a chat decision always carries the chat link (its wa.me form is tested in support-whatsapp)
            assertThat(first.whatsAppLink()).isPresent().isEqualTo(second.whatsAppLink());
        }
    }

    @Provide
    Arbitrary<String> statusTexts() {
        return Arbitraries.of("http", "error", "status", "5", "0", "9", "50", "599", "600", "x", " ", "-", "!", "HTTP")
                .list().ofMaxSize(8).map(parts -> String.join("", parts));
    }

    @Property(tries = 3000)
    void serverErrorKeywordsMatchTheExpression(@ForAll("statusTexts") String text) {
        RoutingContext context = new RoutingContext(SupportRequest.of(text), Instant.EPOCH, HOURS);
        Condition keywords = Condition.keywords(StandardPolicy.serverErrorCodes());
        Condition regex = Condition.matches("\\b(?:http|error|status)\\s?5\\d\\d\\b");

        assertThat(keywords.test(context)).as(context.normalisedText()).isEqualTo(regex.test(context));
    }
}
