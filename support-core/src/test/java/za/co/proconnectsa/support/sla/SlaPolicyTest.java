package za.co.proconnectsa.support.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static za.co.proconnectsa.support.sla.SlaTargetType.FIRST_RESPONSE;
import static za.co.proconnectsa.support.sla.SlaTargetType.RESOLUTION;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.ticket.TicketStatus;

class SlaPolicyTest {

    @Test
    @DisplayName("defaults: PENDING pauses, warn at 80%, business targets warn in business hours, calendar ones any time")
    void defaults() {
        SlaTarget business = SlaTarget.businessTime(FIRST_RESPONSE, Duration.ofHours(4));
        SlaTarget calendar = SlaTarget.calendarTime(RESOLUTION, Duration.ofDays(3));
        SlaPolicy p = SlaPolicy.builder("Standard").target(calendar).target(business).build();
        assertThat(p.pausingStatuses()).containsExactly(TicketStatus.PENDING);
        assertThat(p.pausesIn(TicketStatus.ON_HOLD)).isFalse();
        assertThat(p.warningShare()).isEqualTo(0.8);
        assertThat(p.warnsInBusinessHoursOnly(business)).isTrue();
        assertThat(p.warnsInBusinessHoursOnly(calendar)).isFalse();
        assertThat(p.warnsInBusinessHoursOnly(SlaTarget.businessDays(RESOLUTION, 1))).isTrue();
        assertThat(p.targets()).containsExactly(business, calendar); // in the order of the types
        assertThat(p.target(RESOLUTION)).contains(calendar);
        assertThat(p.target(SlaTargetType.NEXT_RESPONSE)).isEmpty();
    }

    @Test
    @DisplayName("ON_HOLD can pause too, or nothing at all")
    void pausing() {
        SlaPolicy both = SlaPolicy.builder("Both").pausedIn(TicketStatus.PENDING, TicketStatus.ON_HOLD).build();
        assertThat(both.pausingStatuses()).containsExactlyInAnyOrder(TicketStatus.PENDING, TicketStatus.ON_HOLD);
        assertThat(SlaPolicy.builder("None").pausedIn().build().pausingStatuses()).isEmpty();
    }

    @Test
    @DisplayName("bad input is refused with the field's name")
    void refused() {
        SlaPolicy.Builder b = SlaPolicy.builder("Standard").target(SlaTarget.businessTime(FIRST_RESPONSE, Duration.ofHours(1)));
        assertThatThrownBy(() -> b.target(SlaTarget.calendarTime(FIRST_RESPONSE, Duration.ofHours(2))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("already has a FIRST_RESPONSE");
        assertThatThrownBy(() -> b.pausedIn(TicketStatus.OPEN)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("statuses");
        assertThatThrownBy(() -> b.pausedIn(TicketStatus.RESOLVED)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> b.pausedIn((TicketStatus) null)).isInstanceOf(InvalidInputException.class);
        for (double share : new double[] {0, 1, -0.1, 1.5, Double.NaN}) {
            assertThatThrownBy(() -> b.warningShare(share)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("warningShare");
        }
        assertThatThrownBy(() -> SlaPolicy.builder(" ")).isInstanceOf(InvalidInputException.class).hasMessageContaining("name");
        assertThatThrownBy(() -> SlaPolicy.builder("x".repeat(101))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> b.target(null)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    @DisplayName("targets: positive times up to 366 days, 1 to 366 business days, amounts that fit the measure")
    void targets() {
        assertThatThrownBy(() -> SlaTarget.businessTime(FIRST_RESPONSE, Duration.ZERO)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("time");
        assertThatThrownBy(() -> SlaTarget.calendarTime(FIRST_RESPONSE, Duration.ofMinutes(-5)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> SlaTarget.calendarTime(FIRST_RESPONSE, Duration.ofDays(367)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> SlaTarget.businessDays(RESOLUTION, 0)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("businessDays");
        assertThatThrownBy(() -> new SlaTarget(RESOLUTION, SlaTarget.Measure.BUSINESS_DAYS, Duration.ofHours(1), 2))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new SlaTarget(RESOLUTION, SlaTarget.Measure.BUSINESS_TIME, Duration.ofHours(1), 2))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> SlaTarget.businessTime(null, Duration.ofHours(1))).isInstanceOf(InvalidInputException.class);
        assertThat(SlaTarget.calendarTime(FIRST_RESPONSE, Duration.ofDays(366)).countsBusinessTime()).isFalse();
        assertThat(SlaTarget.businessDays(RESOLUTION, 1)).hasToString("RESOLUTION by the end of business day 1");
    }

    @Test
    @DisplayName("policies are values")
    void values() {
        SlaPolicy a = SlaPolicy.builder("A").target(SlaTarget.businessDays(RESOLUTION, 2)).build();
        SlaPolicy same = SlaPolicy.builder("A").target(SlaTarget.businessDays(RESOLUTION, 2)).build();
        SlaPolicy other = SlaPolicy.builder("A").target(SlaTarget.businessDays(RESOLUTION, 2)).warningShare(0.5).build();
        assertThat(a).isEqualTo(same).hasSameHashCodeAs(same).isNotEqualTo(other);
    }
}
