package za.co.proconnectsa.support.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import za.co.proconnectsa.support.SupportDesk;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.event.TicketListener;
import za.co.proconnectsa.support.hours.BusinessHours;
import za.co.proconnectsa.support.jdbc.JdbcTicketStore;
import za.co.proconnectsa.support.routing.SupportRequest;
import za.co.proconnectsa.support.sla.SlaPolicies;
import za.co.proconnectsa.support.sla.SlaTargetType;
import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.spring.boot.autoconfigure.SupportAutoConfiguration;
import za.co.proconnectsa.support.spring.boot.autoconfigure.SupportHealthAutoConfiguration;
import za.co.proconnectsa.support.spring.boot.autoconfigure.SupportMetricsAutoConfiguration;
import za.co.proconnectsa.support.spring.boot.autoconfigure.SupportSlaAutoConfiguration;
import za.co.proconnectsa.support.spring.boot.autoconfigure.SupportWebhookAutoConfiguration;
import za.co.proconnectsa.support.spring.boot.autoconfigure.SupportWhatsAppAutoConfiguration;
import za.co.proconnectsa.support.spring.boot.autoconfigure.SupportWhatsAppInboxAutoConfiguration;
import za.co.proconnectsa.support.spring.boot.internal.SupportMeters;
import za.co.proconnectsa.support.store.InMemoryTicketStore;
import za.co.proconnectsa.support.ticket.Category;
import za.co.proconnectsa.support.ticket.NewTicket;
import za.co.proconnectsa.support.whatsapp.WhatsAppLinks;
import za.co.proconnectsa.support.whatsapp.cloud.WhatsAppCloudClient;
import za.co.proconnectsa.support.whatsapp.inbox.WhatsAppInbox;
import za.co.proconnectsa.support.whatsapp.webhook.WebhookHandshake;
import za.co.proconnectsa.support.whatsapp.webhook.WebhookReceiver;

class SupportAutoConfigurationTest {

    static final Actor THANDI = Actor.requester("prov-17", "Thandi Nkosi");

    static final AutoConfigurations ALL = AutoConfigurations.of(DataSourceAutoConfiguration.class,
            SupportAutoConfiguration.class, SupportSlaAutoConfiguration.class, SupportWhatsAppAutoConfiguration.class,
            SupportWhatsAppInboxAutoConfiguration.class, SupportWebhookAutoConfiguration.class,
            SupportHealthAutoConfiguration.class, SupportMetricsAutoConfiguration.class);

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(ALL);

    @Test
    @DisplayName("defaults: a desk on the application's DataSource, Mon-Fri 08:00-18:00 in Johannesburg, no WhatsApp beans")
    void deskOnTheApplicationsDataSource() {
        runner.withPropertyValues(h2()).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(SupportDesk.class);
            assertThat(context.getBean(TicketStore.class)).isInstanceOf(JdbcTicketStore.class);
            SupportDesk desk = context.getBean(SupportDesk.class);
            assertThat(desk.isBackedBy(context.getBean(TicketStore.class))).isTrue();
            String number = desk.tickets().submit(THANDI, invoice()).ticketNumber().text();
            assertThat(((JdbcTicketStore) context.getBean(TicketStore.class)).findByNumber(number)).isPresent();

            BusinessHours hours = desk.businessHours();
            assertThat(hours.zone()).isEqualTo(ZoneId.of("Africa/Johannesburg"));
            assertThat(hours.isOpen(at("2026-03-02T10:00"))).as("Monday 10:00").isTrue();
            assertThat(hours.isOpen(at("2026-03-02T18:30"))).as("Monday 18:30").isFalse();
            assertThat(hours.isOpen(at("2026-03-07T10:00"))).as("Saturday").isFalse();
            assertThat(hours.isOpen(at("2026-04-27T10:00"))).as("Freedom Day, a Monday").isFalse();
            assertThat(desk.supportPage().whatsAppCard()).isEmpty();
            assertThat(context).doesNotHaveBean(WhatsAppLinks.class).doesNotHaveBean(WhatsAppCloudClient.class)
                    .doesNotHaveBean(WhatsAppInbox.class).doesNotHaveBean(WebhookReceiver.class)
                    .doesNotHaveBean(WebhookHandshake.class).doesNotHaveBean(SlaPolicies.class)
                    .doesNotHaveBean("supportOutboxRelay").doesNotHaveBean("supportSlaWatcher")
                    .doesNotHaveBean("supportWhatsAppWebhookController");
        });
    }

    @Test
    @DisplayName("without a DataSource the desk keeps its tickets in memory")
    void inMemoryWithoutDataSource() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(SupportAutoConfiguration.class))
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(SupportDesk.class);
                    assertThat(context.getBean(TicketStore.class)).isInstanceOf(InMemoryTicketStore.class);
                    assertThat(context.getBean(SupportDesk.class).tickets().submit(THANDI, invoice()).ticketNumber()
                            .text()).isEqualTo("PCS-000001");
                });
    }

    @Test
    @DisplayName("properties: hours, holidays, number, table prefix and SLA targets are bound")
    void propertiesBound() {
        runner.withPropertyValues(h2(), "support.business-hours.zone=Europe/London",
                "support.business-hours.weekly.saturday=09:00-12:00,13:00-15:00",
                "support.business-hours.holidays=2026-03-14", "support.business-hours.south-african-holidays=false",
                "support.whatsapp.number=067 951 8124", "support.store.table-prefix=helpdesk_",
                "support.sla.first-response=4h", "support.sla.resolution=24h").run(context -> {
                    assertThat(context).hasNotFailed();
                    SupportDesk desk = context.getBean(SupportDesk.class);
                    BusinessHours hours = desk.businessHours();
                    ZoneId london = ZoneId.of("Europe/London");
                    assertThat(hours.zone()).isEqualTo(london);
                    assertThat(hours.isOpen(ZonedDateTime.parse("2026-03-07T10:00Z[Europe/London]").toInstant()))
                            .as("Saturday morning").isTrue();
                    assertThat(hours.isOpen(ZonedDateTime.parse("2026-03-07T12:30Z[Europe/London]").toInstant()))
                            .as("Saturday lunch").isFalse();
                    assertThat(hours.isOpen(ZonedDateTime.parse("2026-03-14T10:00Z[Europe/London]").toInstant()))
                            .as("the extra holiday").isFalse();
                    assertThat(hours.isOpen(ZonedDateTime.parse("2026-03-02T10:00Z[Europe/London]").toInstant()))
                            .as("Monday is not listed").isFalse();
                    assertThat(context.getBean(WhatsAppLinks.class).number().e164()).isEqualTo("+27679518124");
                    assertThat(desk.supportPage().whatsAppCard()).isPresent();
                    assertThat(((JdbcTicketStore) context.getBean(TicketStore.class)).tablePrefix()).isEqualTo("helpdesk_");
                    SlaPolicies sla = context.getBean(SlaPolicies.class);
                    assertThat(sla.defaultPolicy().target(SlaTargetType.FIRST_RESPONSE)).isPresent();
                    assertThat(sla.defaultPolicy().target(SlaTargetType.RESOLUTION)).isPresent();
                    assertThat(sla.defaultPolicy().target(SlaTargetType.NEXT_RESPONSE)).isEmpty();
                    assertThat(desk.sla().terms()).isNotNull();
                    assertThat(context).hasBean("supportSlaWatcher");
                    assertThat(context.getBean("supportSlaWatcher", SupportWorkerLifecycle.class).isRunning()).isTrue();
                });
    }

    @Test
    @DisplayName("a malformed interval fails the start with the property's name")
    void badInterval() {
        runner.withPropertyValues("support.business-hours.weekly.monday=8 to 5").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .isInstanceOf(za.co.proconnectsa.support.InvalidInputException.class)
                    .hasMessageContaining("support.business-hours.weekly.monday");
        });
    }

    @Test
    @DisplayName("the host's own beans win: desk, store, hours")
    void hostBeansWin() {
        runner.withPropertyValues(h2()).withUserConfiguration(HostBeans.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(TicketStore.class)).isSameAs(context.getBean(HostBeans.class).store);
            assertThat(context.getBean(BusinessHours.class)).isSameAs(HostBeans.ALWAYS);
            assertThat(context.getBean(SupportDesk.class).businessHours()).isSameAs(HostBeans.ALWAYS);
        });
        runner.withPropertyValues(h2()).withBean(SupportDesk.class,
                () -> SupportDesk.builder().store(InMemoryTicketStore.create()).build()).run(context -> {
                    assertThat(context).hasSingleBean(SupportDesk.class);
                    assertThat(context.getBean(SupportDesk.class).isBackedBy(context.getBean(TicketStore.class)))
                            .as("the starter's store is not the host's desk's").isFalse();
                });
    }

    @Test
    @DisplayName("a customizer changes the desk before it is built")
    void customizer() {
        runner.withBean(SupportDeskCustomizer.class, () -> b -> b.category(Category.of("DISPUTE")))
                .run(context -> assertThat(context.getBean(SupportDesk.class).categories()).contains(Category.of("DISPUTE")));
    }

    @Test
    @DisplayName("TicketListener beans get stored events through the outbox relay, started with the context")
    void outboxRelay() {
        java.util.List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        runner.withPropertyValues(h2(), "support.outbox.poll-interval=50ms")
                .withBean(TicketListener.class, () -> e -> seen.add(e.type() + " " + e.ticket().number().text()))
                .run(context -> {
                    SupportWorkerLifecycle relay = context.getBean("supportOutboxRelay", SupportWorkerLifecycle.class);
                    assertThat(relay.isRunning()).isTrue();
                    String number = context.getBean(SupportDesk.class).tickets().submit(THANDI, invoice())
                            .ticketNumber().text();
                    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                            .until(() -> seen.contains("SUBMITTED " + number));
                    context.stop();
                    assertThat(relay.isRunning()).isFalse();
                });
    }

    @Test
    @DisplayName("health: UP with the lag figures and what WhatsApp lacks; never the secrets")
    void health() {
        runner.withPropertyValues(h2(), "support.whatsapp.number=+27 67 951 8124",
                "support.whatsapp.webhook.app-secret=s3cret-app").run(context -> {
                    HealthIndicator indicator = context.getBean("supportHealthIndicator", HealthIndicator.class);
                    context.getBean(SupportDesk.class).tickets().submit(THANDI, invoice());
                    Health health = indicator.health(true);
                    assertThat(health.getStatus()).isEqualTo(Status.UP);
                    assertThat(health.getDetails()).containsEntry("outboxPending", 1L)
                            .containsEntry("outboxDeadLetters", 0L).containsEntry("webhookInboxPending", 0L)
                            .containsEntry("store", "JdbcTicketStore");
                    assertThat(health.getDetails().get("whatsApp")).isEqualTo(new java.util.TreeMap<>(Map.of(
                            "number", true, "cloudApi", false, "webhookAppSecret", true, "webhookVerifyToken", false)));
                    assertThat(health.toString()).doesNotContain("s3cret");
                });
    }

    @Test
    @DisplayName("health: DOWN when the store's database is gone")
    void healthDown() {
        runner.withPropertyValues(h2()).run(context -> {
            context.getBean(javax.sql.DataSource.class).getConnection().createStatement().execute("SHUTDOWN");
            Health health = context.getBean("supportHealthIndicator", HealthIndicator.class).health(true);
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsEntry("store", "unreachable: StoreUnavailableException");
        });
    }

    @Test
    @DisplayName("metrics: submissions, routing decisions and the outbox lag are measured")
    void metrics() {
        runner.withPropertyValues(h2()).withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            SupportDesk desk = context.getBean(SupportDesk.class);
            desk.tickets().submit(THANDI, invoice());
            desk.route(SupportRequest.builder().subject("How do I add a service area?").text("Quick question")
                    .build());
            assertThat(registry.get("support.tickets.submitted").tag("category", "billing").counter().count())
                    .isEqualTo(1.0);
            assertThat(registry.get("support.routing.decisions").counters()).hasSize(1);
            assertThat(registry.get("support.routing.decisions").counter().count()).isEqualTo(1.0);
            assertThat(registry.get("support.outbox.pending").gauge().value()).isEqualTo(1.0);
            assertThat(registry.get("support.whatsapp.inbox.pending").gauge().value()).isZero();
        });
    }

    @Test
    @DisplayName("without Actuator's health or Micrometer on the classpath the desk still starts, without them")
    void withoutActuatorOrMicrometer() {
        runner.withPropertyValues(h2())
                .withClassLoader(new FilteredClassLoader("org.springframework.boot.health.", "io.micrometer."))
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(SupportDesk.class)
                            .doesNotHaveBean("supportHealthIndicator").doesNotHaveBean(SupportMeters.class);
                    context.getBean(SupportDesk.class).tickets().submit(THANDI, invoice());
                });
        runner.withPropertyValues(h2()).withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withPropertyValues("management.health.support.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean("supportHealthIndicator")
                        .hasSingleBean(SupportMeters.class));
    }

    static String h2() {
        return "spring.datasource.url=jdbc:h2:mem:desk-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
    }

    private static Instant at(String johannesburgTime) {
        return java.time.LocalDateTime.parse(johannesburgTime).atZone(ZoneId.of("Africa/Johannesburg")).toInstant();
    }

    static NewTicket invoice() {
        return NewTicket.builder().subject("Invoice INV-2291 charged twice").body("I was billed twice for March.")
                .category(Category.BILLING).build();
    }

    @Configuration(proxyBeanMethods = false)
    static class HostBeans {
        static final BusinessHours ALWAYS = BusinessHours.always();
        final InMemoryTicketStore store = InMemoryTicketStore.create();

        @Bean
        TicketStore hostStore() {
            return store;
        }

        @Bean
        BusinessHours hostHours() {
            return ALWAYS;
        }
    }
}
