package za.co.proconnectsa.support.examples.starterreadme;

import org.springframework.context.annotation.Configuration;
// starter-security-imports:begin
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
// starter-security-imports:end

/** The starter README's Spring Security block: Meta reaches the webhook without a session or a CSRF token. */
@Configuration(proxyBeanMethods = false)
class WebhookSecurity {

    // starter-security:begin
    @Bean
    SecurityFilterChain webhookSecurity(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a.requestMatchers("/webhooks/whatsapp").permitAll().anyRequest().authenticated())
                .csrf(c -> c.ignoringRequestMatchers("/webhooks/whatsapp"));
        return http.build();
    }
    // starter-security:end
}
