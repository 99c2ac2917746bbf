package za.co.proconnectsa.support.whatsapp.automation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.hours.BusinessHours;

class AutoResponderTest {

    private static final BusinessHours HOURS = BusinessHours.weekdays("08:00", "18:00", ZoneId.of("Africa/Johannesburg"));
    private static final Instant MONDAY_10AM = Instant.parse("2026-03-02T08:00:00Z");
    private static final Instant MONDAY_8PM = Instant.parse("2026-03-02T18:00:00Z");

    private final AutoResponder responder = AutoResponder.builder()
            .faq(FaqEntry.of("areas", "Add service areas under Profile > Areas.", "service area", "areas", "add"))
            .faq(FaqEntry.of("photo", "Add a profile photo under Profile > Photo.", "photo", "picture", "add"))
            .businessHours(HOURS)
            .ownNumbers("+27 67 951 8124")
            .build();

    private AutoReply decide(String text, Instant at, int repliesSoFar, Instant lastNotice) {
        return responder.decide(new AutoResponder.Inbound(text, "27821234567", "Sipho", at, repliesSoFar, lastNotice));
    }

    @Test
    @DisplayName("the entry mentioning most phrases wins; a tie goes to the first; accents and case do not matter")
    void bestFaq() {
        assertThat(decide("How do I ADD a PHOTO or picture?", MONDAY_10AM, 0, null))
                .isEqualTo(new AutoReply.Answer(AutoReply.Kind.FAQ, "photo", "Add a profile photo under Profile > Photo."));
        assertThat(responder.bestFaq("how do i add")).map(FaqEntry::id).contains("areas");
        assertThat(responder.bestFaq("Áreas de serviço")).map(FaqEntry::id).contains("areas");
        assertThat(responder.bestFaq("additional")).isEmpty();
    }

    @Test
    @DisplayName("after hours: the notice with hours and next opening, unless already sent this closed period")
    void outOfHours() {
        AutoReply notice = decide("hello?", MONDAY_8PM, 0, null);
        assertThat(notice).isInstanceOfSatisfying(AutoReply.Answer.class, a -> {
            assertThat(a.kind()).isEqualTo(AutoReply.Kind.OUT_OF_HOURS);
            assertThat(a.text()).isEqualTo("Thanks Sipho, we are closed right now. Our hours are Mon-Fri 8am-6pm; "
                    + "we will reply from Tue 3 Mar at 8:00am.");
        });
        assertThat(decide("hello??", MONDAY_8PM.plus(Duration.ofHours(3)), 1, MONDAY_8PM))
                .isInstanceOfSatisfying(AutoReply.Silent.class,
                        s -> assertThat(s.reason()).isEqualTo(AutoReply.Reason.ALREADY_NOTIFIED));
        // a notice from last Friday's closed period does not count for Monday night
        assertThat(decide("hello?", MONDAY_8PM, 1, Instant.parse("2026-02-27T18:00:00Z")))
                .isInstanceOf(AutoReply.Answer.class);
        // an FAQ question is answered after hours too
        assertThat(decide("add a photo", MONDAY_8PM, 1, MONDAY_8PM)).isInstanceOf(AutoReply.Answer.class);
        assertThat(decide("hello", MONDAY_10AM, 0, null)).isInstanceOfSatisfying(AutoReply.Silent.class,
                s -> assertThat(s.reason()).isEqualTo(AutoReply.Reason.NO_MATCH));
    }

    @Test
    @DisplayName("loop guards: the reply limit, automated-looking messages and the business's own number")
    void guards() {
        assertThat(decide("add a photo", MONDAY_10AM, 3, null)).isInstanceOfSatisfying(AutoReply.Silent.class,
                s -> assertThat(s.reason()).isEqualTo(AutoReply.Reason.LIMIT_REACHED));
        for (String automated : new String[] {"Auto-reply: I am away", "AUTOMATIC REPLY - back Monday",
            "I'm out of office. Photo?", "This is an automated message from Acme"}) {
            assertThat(decide(automated, MONDAY_10AM, 0, null)).as(automated)
                    .isInstanceOfSatisfying(AutoReply.Silent.class,
                            s -> assertThat(s.reason()).isEqualTo(AutoReply.Reason.AUTOMATED_MESSAGE));
        }
        assertThat(responder.decide(new AutoResponder.Inbound("add a photo", "27679518124", "Us", MONDAY_10AM, 0, null)))
                .isInstanceOfSatisfying(AutoReply.Silent.class,
                        s -> assertThat(s.reason()).isEqualTo(AutoReply.Reason.OWN_NUMBER));
        assertThat(AutoResponder.none().decide(new AutoResponder.Inbound("add a photo", "1", "x", MONDAY_8PM, 0, null)))
                .isInstanceOf(AutoReply.Silent.class);
    }

    @Test
    @DisplayName("configuration errors are typed")
    void configuration() {
        assertThatThrownBy(() -> AutoResponder.builder().maxReplies(-1, Duration.ofHours(1)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> AutoResponder.builder().maxReplies(3, Duration.ofSeconds(5)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> AutoResponder.builder().faq(FaqEntry.of("a", "x", "y")).faq(FaqEntry.of("a", "z", "w")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("two entries");
        assertThatThrownBy(() -> FaqEntry.of("a", "answer")).isInstanceOf(InvalidInputException.class);
    }
}
