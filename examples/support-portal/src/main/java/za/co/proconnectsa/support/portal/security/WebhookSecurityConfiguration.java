package za.co.proconnectsa.support.portal.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Meta's WhatsApp webhook (served when {@code support.whatsapp.webhook.enabled=true}): Meta signs each body with the
 * app secret and the receiver checks that signature on the raw bytes, so the path needs neither a sign-in nor a CSRF
 * token, and it never opens a session.
 */
@Configuration(proxyBeanMethods = false)
public class WebhookSecurityConfiguration {

    /** @return the webhook's rules, consulted before the API's and the pages' */
    @Bean
    @Order(0)
    SecurityFilterChain webhookSecurity(HttpSecurity http,
            @Value("${support.whatsapp.webhook.path:/webhooks/whatsapp}") String path) throws Exception {
        http.securityMatcher(path)
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .headers(headers -> SecurityConfiguration.dataHeaders(headers));
        return http.build();
    }
}
