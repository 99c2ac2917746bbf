package za.co.proconnectsa.support.portal.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code /error} is where the servlet container forwards a failure to render its page; opened directly it has no
 * failure to show and Spring Boot would answer 500. A direct request gets the "not found" page instead.
 */
@Configuration(proxyBeanMethods = false)
class DirectErrorRequests {

    /** @return a filter on direct (not forwarded) requests for {@code /error} */
    @Bean
    FilterRegistrationBean<Filter> directErrorRequestsAreNotFound() {
        Filter notFound = (request, response, chain) -> ((HttpServletResponse) response)
                .sendError(HttpServletResponse.SC_NOT_FOUND);
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(notFound);
        registration.addUrlPatterns("/error");
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }
}
