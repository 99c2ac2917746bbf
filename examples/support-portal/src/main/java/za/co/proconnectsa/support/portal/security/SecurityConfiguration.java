package za.co.proconnectsa.support.portal.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import za.co.proconnectsa.support.portal.config.PortalProperties;

/**
 * Who may open which page: the support page for everyone, tickets for signed-in users, the dashboard for the support
 * team. Forms carry CSRF tokens (Spring Security's default) and every answer carries security headers.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    /** Scripts and styles come from the portal itself; nothing may frame it. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self'; "
            + "script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /** Answers that are data, not pages (the JSON API, the webhook): nothing may load, run or frame them. */
    static final String DATA_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

    /**
     * The headers of answers that are data rather than pages, for the API's and the webhook's filter chains (Spring
     * Security adds nosniff, DENY framing and no-store caching itself).
     *
     * @param headers the chain's header configuration
     */
    public static void dataHeaders(HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(DATA_CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN));
    }

    /** @return the demo users and their passwords */
    @Bean
    DemoUsers demoUsers(PortalProperties properties) {
        return new DemoUsers(properties.demoPassword());
    }

    /** @return the demo users as Spring Security knows them */
    @Bean
    InMemoryUserDetailsManager userDetailsService(DemoUsers users) {
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        List<UserDetails> details = new ArrayList<>();
        for (DemoUser user : DemoUsers.ALL) {
            details.add(User.withUsername(user.username())
                    .password(encoder.encode(users.password(user.username())))
                    .roles(user.role().name())
                    .build());
        }
        return new InMemoryUserDetailsManager(details);
    }

    /** @return the rules for every request */
    @Bean
    SecurityFilterChain portalSecurity(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/", "/support", "/support/qr.png", "/login", "/error", "/css/**", "/js/**",
                                "/favicon.ico", "/survey").permitAll()
                        .requestMatchers("/admin/**").hasAnyRole("AGENT", "ADMIN")
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/home", true).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/support"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(
                                ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }
}
