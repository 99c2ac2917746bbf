package za.co.proconnectsa.support.examples.starterreadme;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import za.co.proconnectsa.support.SupportDesk;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.spring.boot.autoconfigure.SupportAutoConfiguration;
import za.co.proconnectsa.support.ticket.Category;
import za.co.proconnectsa.support.ticket.NewTicket;

/**
 * The starter's README as an application developer uses it: its Java blocks are the classes of this package (the
 * quickstart's DocBlocksTest holds the README to them), compiled here with Spring on the class path and run on the
 * starter's auto-configuration; every {@code support.*} key it shows exists in the starter's configuration metadata.
 */
class StarterReadmeTest {

    private static final Path README = Path.of("../../support-spring-boot-starter/README.md");
    private static final Pattern KEY = Pattern.compile("(?m)^\\|?\\s*`?(support\\.[a-z0-9.-]+)`?\\s*[=|]");

    @Test
    @DisplayName("the README's service submits through the desk the starter builds, with the customizer's category")
    void examplesRun() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(SupportAutoConfiguration.class))
                .withUserConfiguration(RoutingCustomization.class).withBean(Complaints.class)
                .run(context -> {
                    var receipt = context.getBean(Complaints.class).complain(Actor.requester("provider-17", "Thandi"),
                            NewTicket.builder().subject("Refund dispute").body("The refund was refused.")
                                    .category(Category.of("DISPUTE")).build());
                    assertThat(receipt.ticketNumber().text()).isEqualTo("PCS-000001");
                    assertThat(context.getBean(SupportDesk.class).categories()).contains(Category.of("DISPUTE"));
                });
    }

    @Test
    @DisplayName("every support.* key of the README's Properties table and example is in the starter's metadata, "
            + "and the table lists every key of the metadata")
    void propertiesExist() throws IOException {
        Map<String, String> metadata = new LinkedHashMap<>();
        try (InputStream in = SupportAutoConfiguration.class.getResourceAsStream(
                "/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("the starter's configuration metadata").isNotNull();
            for (JsonNode p : new ObjectMapper().readTree(in).path("properties")) {
                metadata.put(p.path("name").asText(), p.path("type").asText());
            }
        }
        String readme = Files.readString(README);
        readme = readme.substring(readme.indexOf("\n## Properties\n"));   // the meters' names look like keys too
        Set<String> shown = new TreeSet<>();
        Matcher m = KEY.matcher(readme);
        while (m.find()) {
            shown.add(m.group(1));
        }
        List<String> unknown = new ArrayList<>();
        for (String key : shown) {
            boolean known = metadata.containsKey(key) || metadata.entrySet().stream()
                    .anyMatch(e -> e.getValue().startsWith("java.util.Map") && key.startsWith(e.getKey() + "."));
            if (!known) {
                unknown.add(key);
            }
        }

        assertThat(metadata).hasSizeGreaterThan(20);
        assertThat(shown).hasSizeGreaterThan(20);
        assertThat(unknown).as("keys the README shows that the starter does not have").isEmpty();
        assertThat(metadata.keySet()).as("keys the README's table leaves out").allMatch(shown::contains);
    }
}
