package za.co.proconnectsa.support.spring.boot.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import za.co.proconnectsa.support.SupportDesk;
import za.co.proconnectsa.support.sla.SlaPolicies;
import za.co.proconnectsa.support.spring.boot.SupportProperties;
import za.co.proconnectsa.support.spring.boot.SupportWorkerLifecycle;

/**
 * The SLA watcher, which announces warnings and breaches as time passes, as a lifecycle bean: when the desk has SLA
 * policies, from {@code support.sla.*} or the application's own {@link SlaPolicies} bean.
 */
@AutoConfiguration(after = SupportAutoConfiguration.class)
@ConditionalOnBean(SlaPolicies.class)
public class SupportSlaAutoConfiguration {

    /** Creates the auto-configuration; Spring Boot does. */
    public SupportSlaAutoConfiguration() {
    }

    /**
     * @param desk       the desk, built with the SLA policies
     * @param properties the {@code support.*} settings
     * @return the watcher, started with the context
     */
    @Bean
    @ConditionalOnMissingBean(name = "supportSlaWatcher")
    public SupportWorkerLifecycle supportSlaWatcher(SupportDesk desk, SupportProperties properties) {
        return new SupportWorkerLifecycle("sla-watcher", () -> desk.sla().watcher()
                .pollInterval(properties.getSla().getWatcherPollInterval()).build().start());
    }
}
