package za.co.proconnectsa.support.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import za.co.proconnectsa.support.SupportDesk;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.hours.BusinessHours;
import za.co.proconnectsa.support.jdbc.JdbcTicketStore;
import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.spring.boot.autoconfigure.SupportAutoConfiguration;
import za.co.proconnectsa.support.store.InMemoryTicketStore;
import za.co.proconnectsa.support.ticket.Category;
import za.co.proconnectsa.support.ticket.NewTicket;

class SupportAutoConfigurationTest {

    private static final Actor THANDI = Actor.requester("prov-17", "Thandi Nkosi");

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, SupportAutoConfiguration.class));

    @Test
    void deskOnTheApplicationsDataSource() {
        runner.withPropertyValues("spring.datasource.url=jdbc:h2:mem:desk-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(SupportDesk.class);
                    assertThat(context.getBean(TicketStore.class)).isInstanceOf(JdbcTicketStore.class);
                    SupportDesk desk = context.getBean(SupportDesk.class);
                    assertThat(desk.isBackedBy(context.getBean(TicketStore.class))).isTrue();
                    String number = desk.tickets().submit(THANDI, invoice()).ticketNumber().text();
                    assertThat(context.getBean(JdbcTicketStore.class).findByNumber(number)).isPresent();
                });
    }

    @Test
    void inMemoryWithoutDataSource() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(SupportAutoConfiguration.class))
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(SupportDesk.class);
                    assertThat(context.getBean(TicketStore.class)).isInstanceOf(InMemoryTicketStore.class);
                    assertThat(context).doesNotHaveBean("supportOutboxRelay").doesNotHaveBean("supportSlaWatcher");
                });
    }

    static NewTicket invoice() {
        return NewTicket.builder().subject("Invoice INV-2291 charged twice").body("I was billed twice for March.")
                .category(Category.BILLING).build();
    }
}
