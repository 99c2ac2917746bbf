package za.co.proconnectsa.support.examples.starterreadme;

import org.springframework.context.annotation.Configuration;
// starter-customizer-imports:begin
import org.springframework.context.annotation.Bean;
import za.co.proconnectsa.support.spring.boot.SupportDeskCustomizer;
import za.co.proconnectsa.support.ticket.Category;
// starter-customizer-imports:end

/** The starter README's customizer block, in an application's configuration class. */
@Configuration(proxyBeanMethods = false)
class RoutingCustomization {

    // starter-customizer:begin
    @Bean
    SupportDeskCustomizer supportRouting() {
        return builder -> builder.autoAssign(true).category(Category.of("DISPUTE"));
    }
    // starter-customizer:end
}
