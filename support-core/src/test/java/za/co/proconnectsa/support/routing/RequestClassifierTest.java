package za.co.proconnectsa.support.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.hours.BusinessHours;
import za.co.proconnectsa.support.ticket.Category;

/** What a host does with the classifier: retrain on its own requests, save, load, route with it. */
class RequestClassifierTest {

    private static final BusinessHours HOURS = BusinessHours.weekdays("08:00", "18:00", ZoneId.of("Africa/Johannesburg"));

    /** A host whose providers call their work "gigs", a word the standard corpus never uses. */
    private static List<LabelledRequest> hostExamples() {
        return LabelledRequest.readTsv(new StringReader("""
                # a host's own labelled requests
                TICKET\tTECHNICAL\tmy gigs vanished from the gig board
                TICKET\tTECHNICAL\tgig board frozen again, no gigs at all
                TICKET\tTECHNICAL\tthe gig board shows nothing since friday
                TICKET\tTECHNICAL\tgigs disappeared off my board overnight
                TICKET\tTECHNICAL\tgig board empty but customers posted gigs
                WHATSAPP\tGENERAL\thow do I pick up a gig
                WHATSAPP\tGENERAL\twhere do I find gigs near me
                WHATSAPP\tGENERAL\tcan I take two gigs on one day
                WHATSAPP\tGENERAL\twhat is a gig
                WHATSAPP\tGENERAL\thow many gigs can I take a week
                """));
    }

    @Test
    @DisplayName("a host retrains with one call on the standard corpus plus its own requests, and routes with the result")
    void retrain() {
        List<LabelledRequest> examples = new ArrayList<>(LabelledRequest.standardCorpus());
        examples.addAll(hostExamples());

        RequestClassifier retrained = RequestClassifier.train(examples);

        Classification c = retrained.classify("the gig board is frozen, gigs vanished");
        assertThat(c.channel()).isEqualTo(Channel.TICKET);
        assertThat(c.category()).isEqualTo(Category.TECHNICAL);
        assertThat(c.words()).anySatisfy(w -> assertThat(w).contains("gig"));
        RoutingPolicy policy = RoutingPolicy.builder().classifier(retrained).standardRules(AfterHours.TICKET).build();
        assertThat(policy.classifier()).containsSame(retrained);
        RoutingDecision d = policy.route(SupportRequest.of("the gig board is frozen, gigs vanished"), StandardPolicyTest.OPEN,
                HOURS, null);
        assertThat(d.ruleName()).isEqualTo("technical");
        assertThat(retrained.labels()).contains("TICKET/TECHNICAL", "WHATSAPP/GENERAL");
    }

    @Test
    @DisplayName("a saved model loads to the same classifier")
    void saveAndLoad() {
        RequestClassifier trained = RequestClassifier.train(LabelledRequest.standardCorpus().subList(0, 400));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        trained.save(out);

        RequestClassifier loaded = RequestClassifier.load(new ByteArrayInputStream(out.toByteArray()));

        for (String text : List.of("refund please", "How do I add an area?", "leads page blank", "")) {
            assertThat(loaded.classify(text)).isEqualTo(trained.classify(text));
        }
    }

    @Test
    @DisplayName("host rules go first; classifier conditions compose with the others")
    void hostRulesFirst() {
        RoutingPolicy policy = RoutingPolicy.builder()
                .rule("gold", Condition.allOf(Condition.requesterTier("gold"), Condition.classifiedAs(Channel.TICKET)),
                        Channel.WHATSAPP, "Gold members get a call back on WhatsApp, even for tickets.")
                .classifier(RequestClassifier.standard())
                .standardRules(AfterHours.TICKET)
                .build();
        SupportRequest charged = SupportRequest.builder().tier("gold").text("I was charged twice this month").build();

        assertThat(policy.route(charged, StandardPolicyTest.OPEN, HOURS, null).ruleName()).isEqualTo("gold");
        assertThat(policy.route(SupportRequest.of("I was charged twice this month"), StandardPolicyTest.OPEN, HOURS, null)
                .ruleName()).isEqualTo("billing");
    }

    @Test
    @DisplayName("bad input is refused with an InvalidInputException naming what is wrong")
    void refusals() {
        assertThat(catchThrowableOfType(InvalidInputException.class,
                () -> RequestClassifier.train(hostExamples().subList(0, 5))).getMessage()).contains("at least 20");
        List<LabelledRequest> oneChannel = LabelledRequest.standardCorpus().stream()
                .filter(r -> r.channel() == Channel.TICKET).toList();
        assertThat(catchThrowableOfType(InvalidInputException.class, () -> RequestClassifier.train(oneChannel))
                .getMessage()).contains("both channels");
        InvalidInputException tsv = catchThrowableOfType(InvalidInputException.class, () -> LabelledRequest.readTsv(
                new StringReader("TICKET\tBILLING\tok\nEMAIL\tBILLING\tx\n\nTICKET\tbad category\tx\nTICKET only\n")));
        assertThat(tsv.fieldErrors()).extracting(InvalidInputException.FieldError::field)
                .containsExactly("line 2", "line 4", "line 5");
        assertThat(catchThrowableOfType(InvalidInputException.class,
                () -> RequestClassifier.load(new ByteArrayInputStream("not a model".getBytes()))).getMessage())
                .contains("not a routing model");
        assertThat(catchThrowableOfType(InvalidInputException.class,
                () -> RequestClassifier.standard().withConfidenceThreshold(0.4)).getMessage()).contains("between 0.5 and 1");
        assertThat(catchThrowableOfType(InvalidInputException.class, () -> RoutingPolicy.builder()
                .rule("model", Condition.not(Condition.classifierUnsure()), Channel.TICKET, "r")
                .otherwise(Channel.TICKET, "r").build()).getMessage()).contains("consults a classifier");
        assertThat(catchThrowableOfType(InvalidInputException.class, () -> LabelledRequest.of(Channel.TICKET,
                Category.BILLING, " "))).isNotNull();
    }

    @Test
    @DisplayName("the standard classifier is loaded once and classifies any text")
    void standard() {
        assertThat(RequestClassifier.standard()).isSameAs(RequestClassifier.standard());
        assertThat(RequestClassifier.standard().confidenceThreshold()).isEqualTo(RequestClassifier.DEFAULT_THRESHOLD);
        assertThat(RequestClassifier.standard().classify((String) null).confidence()).isBetween(0.5, 1.0);
        assertThat(RequestClassifier.standard().classify(SupportRequest.builder().subject("Payout")
                .text("still not paid out after two weeks").build()).category()).isEqualTo(Category.BILLING);
    }
}
