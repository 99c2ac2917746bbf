package za.co.proconnectsa.support.portal.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Refuses a request body larger than any form or API call of the portal needs, before anything reads it: a clear 413
 * (a problem for the API, a short page otherwise) instead of the container dropping the parameters and the connection.
 * Meta's webhook keeps its own limit, set on the receiver.
 */
@Configuration(proxyBeanMethods = false)
class RequestSizeLimit {

    /** The largest body accepted: a ticket's text is at most 10,000 characters, so 1 MiB leaves ample room. */
    static final long MAX_BODY_BYTES = 1024 * 1024;

    private static final byte[] PROBLEM = ("{\"type\":\"about:blank\",\"title\":\"Body too large\",\"status\":413,"
            + "\"detail\":\"A request body may be at most 1 MiB.\"}").getBytes(StandardCharsets.UTF_8);
    private static final byte[] PAGE = ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<title>Too much text</title></head><body><h1>Too much text</h1><p>That form held more than we can "
            + "take (1 MiB). Please go back, shorten it and send it again.</p></body></html>")
            .getBytes(StandardCharsets.UTF_8);

    /** @return the filter, first of all, on every request but Meta's webhook */
    @Bean
    FilterRegistrationBean<Filter> requestSizeLimitFilter(
            @Value("${support.whatsapp.webhook.path:/webhooks/whatsapp}") String webhookPath) {
        Filter limit = (request, response, chain) -> {
            HttpServletRequest http = (HttpServletRequest) request;
            if (request.getContentLengthLong() > MAX_BODY_BYTES && !http.getRequestURI().equals(webhookPath)) {
                HttpServletResponse answer = (HttpServletResponse) response;
                boolean api = http.getRequestURI().startsWith("/api/");
                byte[] body = api ? PROBLEM : PAGE;
                answer.setStatus(413);
                answer.setHeader("Connection", "close");   // the rest of the body is not read
                // answered before Spring Security's filters, so their headers are set here
                answer.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
                answer.setHeader("X-Content-Type-Options", "nosniff");
                answer.setHeader("X-Frame-Options", "DENY");
                answer.setContentType(api ? "application/problem+json" : "text/html;charset=UTF-8");
                answer.setContentLength(body.length);
                answer.getOutputStream().write(body);
                answer.flushBuffer();
                return;
            }
            chain.doFilter(request, response);
        };
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(limit);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }
}
