package za.co.proconnectsa.support.portal.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import za.co.proconnectsa.support.portal.security.SecurityConfiguration;

/**
 * Who may call the JSON API under {@code /api}: any signed-in user, by the portal's session (a browser that signed in
 * through the form, sending the CSRF token in the {@code X-CSRF-TOKEN} header) or by HTTP Basic on each call
 * (programs; no session, and no CSRF token needed since a browser never adds that header to a forged cross-site
 * request, and a call without a session has no cookie to abuse). The OpenAPI description is public. Refusals are problem details, never the sign-in page.
 */
@Configuration(proxyBeanMethods = false)
public class ApiSecurityConfiguration {

    /** @return the API's rules, consulted before the pages' rules */
    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/api/openapi.yaml").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) ->
                        problem(response, 401, "Sign in first",
                                "Send HTTP Basic credentials, or the session cookie of a signed-in browser.")))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint((request, response, e) -> problem(response, 401, "Sign in first",
                                "Send HTTP Basic credentials, or the session cookie of a signed-in browser."))
                        .accessDeniedHandler((request, response, e) -> problem(response, 403, "Not allowed",
                                "The request was refused: a session needs its CSRF token in the X-CSRF-TOKEN "
                                        + "header.")))
                .csrf(csrf -> csrf.ignoringRequestMatchers(ApiSecurityConfiguration::withoutSessionCookie))
                .headers(headers -> SecurityConfiguration.dataHeaders(headers))
                .requestCache(cache -> cache.disable());
        return http.build();
    }

    /** CSRF protects a session's cookie; a call on Basic credentials or without a session has none to abuse. */
    private static boolean withoutSessionCookie(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Basic ", 0, 6) || request.getSession(false) == null;
    }

    private static void problem(HttpServletResponse response, int status, String title, String detail)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"ProConnect Support API\"");
        }
        // Fixed texts only, so the JSON needs no escaping
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\"}");
    }
}
