package za.co.proconnectsa.support.spring.boot.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.spring.boot.SupportDeskCustomizer;
import za.co.proconnectsa.support.spring.boot.internal.SupportMeters;

/**
 * The desk's Micrometer meters ({@code support.*}: tickets submitted, routing decisions, webhook outcomes, WhatsApp
 * sends, SLA warnings and breaches, conflict retries, outbox and webhook-inbox lag), when Micrometer is on the
 * classpath and the application has a {@link MeterRegistry}.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"})
@ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
@ConditionalOnBean(MeterRegistry.class)
public class SupportMetricsAutoConfiguration {

    /** Creates the auto-configuration; Spring Boot does. */
    public SupportMetricsAutoConfiguration() {
    }

    /**
     * @param registry the application's registry
     * @param store    the desk's store, for the lag gauges
     * @return the meters; the desk and the inbox report to them
     */
    @Bean
    @ConditionalOnMissingBean
    SupportMeters supportMeters(MeterRegistry registry, TicketStore store) {
        return new SupportMeters(registry, store);
    }

    /**
     * @param meters the meters
     * @return the customizer that has the desk report its stored events to the meters
     */
    @Bean
    @ConditionalOnMissingBean(name = "supportMetricsDeskCustomizer")
    SupportDeskCustomizer supportMetricsDeskCustomizer(SupportMeters meters) {
        return builder -> builder.listener(meters::onTicketEvent);
    }
}
