package za.co.proconnectsa.support.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.transaction.annotation.Transactional;
import za.co.proconnectsa.support.SupportDesk;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.jdbc.JdbcTicketStore;
import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.spring.boot.autoconfigure.SupportAutoConfiguration;
import za.co.proconnectsa.support.spring.boot.autoconfigure.SupportMetricsAutoConfiguration;

/**
 * A ticket submitted inside the host's {@code @Transactional} method, on a real H2 data source with Spring's
 * {@link DataSourceTransactionManager}, commits or rolls back with the host's own work.
 */
class SpringTransactionJoinTest {

    private static final Actor THANDI = Actor.requester("prov-17", "Thandi Nkosi");

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    DataSourceTransactionManagerAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
                    SupportAutoConfiguration.class, SupportMetricsAutoConfiguration.class))
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
            .withUserConfiguration(HostApplication.class);

    @Test
    @DisplayName("the host's transaction rolls back: no ticket, no audit row, no outbox row, no host row")
    void rollsBackWithHost() {
        runner.withPropertyValues(freshDatabase()).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(PlatformTransactionManager.class)).isInstanceOf(DataSourceTransactionManager.class);
            OrderService orders = context.getBean(OrderService.class);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            AtomicReference<String> number = new AtomicReference<>();

            assertThatThrownBy(() -> orders.payAndComplain(1, number, true)).isInstanceOf(IllegalStateException.class);

            assertThat(number.get()).as("the ticket was written inside the transaction").isNotNull();
            JdbcTicketStore store = (JdbcTicketStore) context.getBean(TicketStore.class);
            assertThat(store.findByNumber(number.get())).isEmpty();
            assertThat(count(jdbc, "support_tickets")).isZero();
            assertThat(count(jdbc, "support_audit_events")).isZero();
            assertThat(count(jdbc, "support_outbox")).isZero();
            assertThat(count(jdbc, "host_orders")).isZero();
            assertThat(context.getBean(MeterRegistry.class).find("support.tickets.submitted").counter())
                    .as("a rolled-back submission is not counted").isNull();
        });
    }

    @Test
    @DisplayName("the host's transaction commits: the ticket, its audit row, its outbox row and the host's row are stored")
    void commitsWithHost() {
        runner.withPropertyValues(freshDatabase()).run(context -> {
            OrderService orders = context.getBean(OrderService.class);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            AtomicReference<String> number = new AtomicReference<>();

            orders.payAndComplain(2, number, false);

            JdbcTicketStore store = (JdbcTicketStore) context.getBean(TicketStore.class);
            assertThat(store.findByNumber(number.get())).isPresent();
            assertThat(count(jdbc, "support_audit_events")).isEqualTo(1);
            assertThat(count(jdbc, "support_outbox")).isEqualTo(1);
            assertThat(count(jdbc, "host_orders")).isEqualTo(1);
            assertThat(context.getBean(MeterRegistry.class).get("support.tickets.submitted").counter().count())
                    .isEqualTo(1.0);
        });
    }

    @Test
    @DisplayName("outside a transaction, on a pool whose connections have auto-commit off, each write commits alone")
    void commitsAloneOutsideTransactions() {
        runner.withPropertyValues(freshDatabase()).withPropertyValues("spring.datasource.hikari.auto-commit=false")
                .run(context -> {
                    SupportDesk desk = context.getBean(SupportDesk.class);
                    String number = desk.tickets().submit(THANDI, SupportAutoConfigurationTest.invoice())
                            .ticketNumber().text();
                    JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
                    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM support_tickets WHERE number = ?",
                            Integer.class, number)).isEqualTo(1);
                });
    }

    @Test
    @DisplayName("support.store.join-spring-transactions=false: the ticket stays although the host rolls back")
    void optOut() {
        runner.withPropertyValues(freshDatabase()).withPropertyValues("support.store.join-spring-transactions=false")
                .run(context -> {
                    OrderService orders = context.getBean(OrderService.class);
                    AtomicReference<String> number = new AtomicReference<>();
                    assertThatThrownBy(() -> orders.payAndComplain(3, number, true))
                            .isInstanceOf(IllegalStateException.class);
                    JdbcTicketStore store = (JdbcTicketStore) context.getBean(TicketStore.class);
                    assertThat(store.findByNumber(number.get())).isPresent();
                    assertThat(count(context.getBean(JdbcTemplate.class), "host_orders")).isZero();
                });
    }

    private static String freshDatabase() {
        return "spring.datasource.url=jdbc:h2:mem:tx-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
    }

    private static int count(JdbcTemplate jdbc, String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
    }

    @Configuration(proxyBeanMethods = false)
    @EnableTransactionManagement
    static class HostApplication {
        @Bean
        OrderService orderService(JdbcTemplate jdbc, SupportDesk desk) {
            jdbc.execute("CREATE TABLE host_orders (id INT PRIMARY KEY, note VARCHAR(100))");
            return new OrderService(jdbc, desk);
        }
    }

    /** The host's own service: one transaction writes its row and submits a ticket. */
    static class OrderService {
        private final JdbcTemplate jdbc;
        private final SupportDesk desk;

        OrderService(JdbcTemplate jdbc, SupportDesk desk) {
            this.jdbc = jdbc;
            this.desk = desk;
        }

        @Transactional
        public void payAndComplain(int order, AtomicReference<String> number, boolean fail) {
            jdbc.update("INSERT INTO host_orders (id, note) VALUES (?, 'paid')", order);
            number.set(desk.tickets().submit(THANDI, SupportAutoConfigurationTest.invoice()).ticketNumber().text());
            if (fail) {
                throw new IllegalStateException("payment provider refused");
            }
        }
    }
}
