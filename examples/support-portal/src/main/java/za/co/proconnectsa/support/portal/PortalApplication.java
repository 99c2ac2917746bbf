package za.co.proconnectsa.support.portal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The support portal: a Spring Boot application on the support starter's desk. */
@SpringBootApplication
public class PortalApplication {

    /**
     * Starts the portal; it prints its address and the demo users when ready.
     *
     * @param args Spring Boot arguments, e.g. {@code --server.port=9090}
     */
    public static void main(String[] args) {
        SpringApplication.run(PortalApplication.class, args);
    }
}
