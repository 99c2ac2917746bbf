package za.co.proconnectsa.support.spring.boot.autoconfigure;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.util.ClassUtils;
import za.co.proconnectsa.support.SupportDesk;
import za.co.proconnectsa.support.attachment.FileSystemAttachmentStore;
import za.co.proconnectsa.support.attachment.InMemoryAttachmentStore;
import za.co.proconnectsa.support.spi.AttachmentStore;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.event.DeskObserver;
import za.co.proconnectsa.support.event.OutboxRelay;
import za.co.proconnectsa.support.event.TicketListener;
import za.co.proconnectsa.support.hours.BusinessHours;
import za.co.proconnectsa.support.hours.HolidayCalendar;
import za.co.proconnectsa.support.hours.SouthAfricanHolidays;
import za.co.proconnectsa.support.jdbc.JdbcTicketStore;
import za.co.proconnectsa.support.sla.SlaPolicies;
import za.co.proconnectsa.support.sla.SlaPolicy;
import za.co.proconnectsa.support.sla.SlaTarget;
import za.co.proconnectsa.support.sla.SlaTargetType;
import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.spi.WhatsAppLinkFactory;
import za.co.proconnectsa.support.spring.boot.SupportDeskCustomizer;
import za.co.proconnectsa.support.spring.boot.SupportProperties;
import za.co.proconnectsa.support.spring.boot.SupportWorkerLifecycle;
import za.co.proconnectsa.support.spring.boot.internal.SpringTransactionDataSource;
import za.co.proconnectsa.support.store.InMemoryTicketStore;
import za.co.proconnectsa.support.whatsapp.WhatsAppLinks;

/**
 * The desk: a {@link SupportDesk} on the application's {@code DataSource} (the JDBC store, joining Spring
 * transactions) or in memory when there is none, its business hours, WhatsApp number, SLA policies, and the outbox
 * relay that hands stored ticket events to the application's {@link TicketListener} beans. The SLA watcher is
 * {@link SupportSlaAutoConfiguration}'s. Every bean gives way to
 * one of the application's own.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration"})
@EnableConfigurationProperties(SupportProperties.class)
@Import(SupportAutoConfiguration.Sla.class)
public class SupportAutoConfiguration {

    private static final String DATA_SOURCE_UTILS = "org.springframework.jdbc.datasource.DataSourceUtils";

    /** Creates the auto-configuration; Spring Boot does. */
    public SupportAutoConfiguration() {
    }

    /**
     * @param properties the {@code support.*} settings
     * @return the support team's hours from {@code support.business-hours.*}
     */
    @Bean
    @ConditionalOnMissingBean
    public BusinessHours supportBusinessHours(SupportProperties properties) {
        SupportProperties.BusinessHoursSettings settings = properties.getBusinessHours();
        BusinessHours.Builder hours = BusinessHours.builder().zone(settings.getZone());
        if (settings.getWeekly().isEmpty()) {
            hours.weekdays(LocalTime.of(8, 0), LocalTime.of(18, 0));
        }
        for (Map.Entry<DayOfWeek, List<String>> day : settings.getWeekly().entrySet()) {
            for (String interval : day.getValue()) {
                String[] ends = interval.trim().split("\\s*-\\s*");
                String property = "support.business-hours.weekly." + day.getKey().name().toLowerCase(java.util.Locale.ROOT);
                if (ends.length != 2) {
                    throw InvalidInputException.of(property, "each interval must look like 08:00-18:00, was \"" + interval + "\"");
                }
                try {
                    hours.interval(day.getKey(), LocalTime.parse(ends[0]), LocalTime.parse(ends[1]));
                } catch (DateTimeParseException e) {
                    throw InvalidInputException.of(property, "each interval must look like 08:00-18:00, was \"" + interval + "\"");
                }
            }
        }
        HolidayCalendar extra = HolidayCalendar.of(settings.getHolidays());
        hours.holidays(settings.isSouthAfricanHolidays() ? SouthAfricanHolidays.calendar().and(extra) : extra);
        return hours.build();
    }

    /**
     * @param properties the {@code support.*} settings
     * @return the chat links of {@code support.whatsapp.number}
     */
    @Bean
    @ConditionalOnMissingBean(WhatsAppLinkFactory.class)
    @ConditionalOnProperty(prefix = "support.whatsapp", name = "number")
    public WhatsAppLinks supportWhatsAppLinks(SupportProperties properties) {
        SupportProperties.WhatsApp whatsapp = properties.getWhatsapp();
        return WhatsAppLinks.of(whatsapp.getNumber(), whatsapp.getDefaultRegion()).withStyle(whatsapp.getLinkStyle());
    }

    /**
     * @param store       the ticket store
     * @param hours       the business hours
     * @param links       the WhatsApp number, if any
     * @param sla         the SLA policies, if any
     * @param observers   the observers of routing decisions and conflict retries (the metrics, if present)
     * @param customizers the application's changes to the desk
     * @param attachments the application's attachment store, or the directory's of {@code support.attachments.directory}
     * @param properties  the {@code support.*} settings
     * @return the desk, keeping its files in the application's attachment store, else in the directory, else in the
     *         JDBC store's table (in memory for the in-memory store), unless {@code support.attachments.enabled=false}
     */
    @Bean
    @ConditionalOnMissingBean
    public SupportDesk supportDesk(TicketStore store, BusinessHours hours, ObjectProvider<WhatsAppLinkFactory> links,
            ObjectProvider<SlaPolicies> sla, ObjectProvider<DeskObserver> observers,
            ObjectProvider<SupportDeskCustomizer> customizers, ObjectProvider<AttachmentStore> attachments,
            SupportProperties properties) {
        SupportDesk.Builder builder = SupportDesk.builder().store(store).businessHours(hours)
                .duplicateWindow(properties.getDuplicateWindow());
        AttachmentStore files = attachments.getIfUnique(() -> properties.getAttachments().isEnabled()
                ? defaultAttachments(store) : null);
        if (files != null) {
            builder.attachments(files);
        }
        links.ifAvailable(builder::whatsApp);
        sla.ifAvailable(builder::slaPolicies);
        observers.orderedStream().forEach(builder::observer);
        customizers.orderedStream().forEach(c -> c.customize(builder));
        return builder.build();
    }

    /**
     * The attachment store of a desk whose application declares none and sets no directory: the JDBC store's own
     * table, where a file commits with the unit of work that keeps it (an inbound file with its download's done mark)
     * and every instance on the database sees it, or memory for the in-memory store; none for a store of the
     * application's own, which declares an AttachmentStore bean or sets the directory.
     */
    private static AttachmentStore defaultAttachments(TicketStore store) {
        if (store instanceof JdbcTicketStore jdbc) {
            return jdbc.attachments();
        }
        if (store instanceof InMemoryTicketStore) {
            return InMemoryAttachmentStore.create();
        }
        return null;
    }

    /**
     * @param properties the {@code support.*} settings
     * @return the file-system attachment store on {@code support.attachments.directory}
     */
    @Bean
    @ConditionalOnMissingBean(AttachmentStore.class)
    @ConditionalOnProperty(prefix = "support.attachments", name = "directory")
    public FileSystemAttachmentStore supportAttachmentStore(SupportProperties properties) {
        return FileSystemAttachmentStore.create(properties.getAttachments().getDirectory());
    }

    /**
     * @param desk the desk
     * @return the worker that deletes the files erasures and retention purges queued for deletion and could not
     *         delete at once, started with the context; idle when the desk keeps no files
     */
    @Bean
    @ConditionalOnMissingBean(name = "supportFileDeletionWorker")
    @ConditionalOnProperty(prefix = "support.attachments", name = "deletion-worker-enabled", matchIfMissing = true)
    public SupportWorkerLifecycle supportFileDeletionWorker(SupportDesk desk) {
        return new SupportWorkerLifecycle("file-deletion", () -> desk.attachments().isEmpty() ? () -> { }
                : desk.dataSubjects().fileDeletionWorker().clock(desk.clock()).build().start());
    }

    /**
     * @param desk       the desk
     * @param store      the desk's store, whose outbox the relay reads
     * @param listeners  the application's ticket listeners; the relay runs only when there is one
     * @param properties the {@code support.*} settings
     * @return the relay that hands stored events to the listeners, started with the context
     */
    @Bean
    @ConditionalOnMissingBean(name = "supportOutboxRelay")
    @ConditionalOnBean(TicketListener.class)
    @ConditionalOnProperty(prefix = "support.outbox", name = "enabled", matchIfMissing = true)
    public SupportWorkerLifecycle supportOutboxRelay(SupportDesk desk, TicketStore store,
            ObjectProvider<TicketListener> listeners, SupportProperties properties) {
        SupportProperties.Outbox outbox = properties.getOutbox();
        return new SupportWorkerLifecycle("outbox-relay", () -> {
            OutboxRelay.Builder relay = OutboxRelay.builder(store).pollInterval(outbox.getPollInterval())
                    .maxAttempts(outbox.getMaxAttempts()).clock(desk.clock());
            listeners.orderedStream().forEach(relay::listener);
            return relay.build().start();
        });
    }

    /**
     * @param dataSource the application's data source, if it has exactly one
     * @param properties the {@code support.*} settings
     * @return the JDBC store on the data source, or the in-memory store (for trying the library, not for production)
     *         when there is none
     */
    @Bean
    @ConditionalOnMissingBean
    public TicketStore supportTicketStore(ObjectProvider<DataSource> dataSource, SupportProperties properties) {
        DataSource ds = dataSource.getIfUnique();
        if (ds == null) {
            return InMemoryTicketStore.create();
        }
        SupportProperties.Store settings = properties.getStore();
        boolean join = settings.isJoinSpringTransactions()
                && ClassUtils.isPresent(DATA_SOURCE_UTILS, SupportAutoConfiguration.class.getClassLoader());
        return JdbcTicketStore.builder(join ? new SpringTransactionDataSource(ds) : ds)
                .tablePrefix(settings.getTablePrefix()).schemaMode(settings.getSchemaMode())
                .joinHostTransactions(join).reportConnections(settings.getReportConnections()).build();
    }

    /** One SLA policy from {@code support.sla.*}, when a target is set. */
    @Configuration(proxyBeanMethods = false)
    @Conditional(Sla.TargetSet.class)
    static class Sla {

        @Bean
        @ConditionalOnMissingBean
        SlaPolicies supportSlaPolicies(SupportProperties properties) {
            SupportProperties.Sla sla = properties.getSla();
            SlaPolicy.Builder policy = SlaPolicy.builder("default").warningShare(sla.getWarningShare());
            if (sla.getFirstResponse() != null) {
                policy.target(SlaTarget.businessTime(SlaTargetType.FIRST_RESPONSE, sla.getFirstResponse()));
            }
            if (sla.getNextResponse() != null) {
                policy.target(SlaTarget.businessTime(SlaTargetType.NEXT_RESPONSE, sla.getNextResponse()));
            }
            if (sla.getResolution() != null) {
                policy.target(SlaTarget.businessTime(SlaTargetType.RESOLUTION, sla.getResolution()));
            }
            return SlaPolicies.of(policy.build());
        }

        /** Any of the three targets set. */
        static class TargetSet extends AnyNestedCondition {
            TargetSet() {
                super(ConfigurationPhase.REGISTER_BEAN);
            }

            @ConditionalOnProperty(prefix = "support.sla", name = "first-response")
            static class FirstResponse {
            }

            @ConditionalOnProperty(prefix = "support.sla", name = "next-response")
            static class NextResponse {
            }

            @ConditionalOnProperty(prefix = "support.sla", name = "resolution")
            static class Resolution {
            }
        }
    }
}
