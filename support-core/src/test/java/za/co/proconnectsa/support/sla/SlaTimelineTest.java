package za.co.proconnectsa.support.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static za.co.proconnectsa.support.sla.SlaFixtures.sast;
import static za.co.proconnectsa.support.ticket.TicketStatus.NEW;
import static za.co.proconnectsa.support.ticket.TicketStatus.OPEN;
import static za.co.proconnectsa.support.ticket.TicketStatus.PENDING;
import static za.co.proconnectsa.support.ticket.TicketStatus.RESOLVED;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.sla.SlaTimeline.Kind;
import za.co.proconnectsa.support.sla.SlaTimeline.Moment;

class SlaTimelineTest {

    @Test
    @DisplayName("moments added in any order come out in time order, same instants in the order added")
    void sorted() {
        SlaTimeline t = SlaTimeline.createdAt(sast("2026-03-10T08:00"))
                .agentReply(sast("2026-03-10T10:00"))
                .statusChanged(NEW, OPEN, sast("2026-03-10T09:00"))
                .requesterMessage(sast("2026-03-10T10:00"))
                .build();
        assertThat(t.moments()).extracting(Moment::kind)
                .containsExactly(Kind.CREATED, Kind.STATUS_CHANGED, Kind.AGENT_REPLY, Kind.REQUESTER_MESSAGE);
        assertThat(t.createdAt()).isEqualTo(sast("2026-03-10T08:00"));
        assertThat(t.statusAt(sast("2026-03-10T08:59"))).isEqualTo(NEW);
        assertThat(t.statusAt(sast("2026-03-10T09:00"))).isEqualTo(OPEN);
    }

    @Test
    @DisplayName("resolved() takes the status it is in then; reopened() needs RESOLVED")
    void resolvedAndReopened() {
        SlaTimeline t = SlaTimeline.createdAt(sast("2026-03-10T08:00"))
                .resolved(sast("2026-03-10T11:00"))
                .statusChanged(NEW, PENDING, sast("2026-03-10T09:00"))
                .reopened(sast("2026-03-10T12:00"))
                .build();
        assertThat(t.moments().get(2)).isEqualTo(new Moment(Kind.STATUS_CHANGED, sast("2026-03-10T11:00"), PENDING, RESOLVED));
        assertThat(t.statusAt(sast("2026-03-10T12:00"))).isEqualTo(OPEN);
        assertThatThrownBy(() -> SlaTimeline.createdAt(sast("2026-03-10T08:00")).reopened(sast("2026-03-10T09:00")).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("does not follow");
    }

    @Test
    @DisplayName("refuses changes that do not follow, moments before creation and mismatched statuses")
    void refused() {
        assertThatThrownBy(() -> SlaTimeline.createdAt(sast("2026-03-10T08:00"))
                .statusChanged(OPEN, PENDING, sast("2026-03-10T09:00")).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("NEW");
        assertThatThrownBy(() -> SlaTimeline.createdAt(sast("2026-03-10T08:00")).agentReply(sast("2026-03-10T07:00")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("before the ticket was created");
        assertThatThrownBy(() -> SlaTimeline.createdAt(sast("2026-03-10T08:00")).resolved(sast("2026-03-10T09:00"))
                .resolved(sast("2026-03-10T10:00")).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("changes nothing");
        assertThatThrownBy(() -> new Moment(Kind.AGENT_REPLY, sast("2026-03-10T09:00"), NEW, OPEN))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new Moment(Kind.STATUS_CHANGED, sast("2026-03-10T09:00"), OPEN, OPEN))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> SlaTimeline.createdAt(null)).isInstanceOf(InvalidInputException.class);
    }
}
