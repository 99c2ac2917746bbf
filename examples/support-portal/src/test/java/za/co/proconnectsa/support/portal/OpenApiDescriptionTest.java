package za.co.proconnectsa.support.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.yaml.snakeyaml.Yaml;

/**
 * The hand-written OpenAPI description against the real endpoints: it is served without signing in, every operation
 * it lists exists, and what each answers to an empty request is one of the responses it documents.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = PortalBrowserTest.PROPERTIES)
class OpenApiDescriptionTest {

    @LocalServerPort
    int port;

    @Test
    @SuppressWarnings("unchecked")
    void everyDescribedOperationExistsAndAnswersAsDocumented() throws Exception {
        HttpResponse<String> description = PortalSession.anonymous(port).get("/api/openapi.yaml");
        assertThat(description.statusCode()).isEqualTo(200);
        assertThat(description.headers().firstValue("Content-Type")).get().asString().startsWith("application/yaml");
        Map<String, Object> api = new Yaml().load(description.body());
        assertThat(api.get("openapi")).isEqualTo("3.1.0");

        PortalSession agent = PortalSession.basic(port, "sipho", PortalBrowserTest.PASSWORD);
        String number = new ObjectMapper().readTree(PortalSession.basic(port, "thandi", PortalBrowserTest.PASSWORD)
                .postJson("/api/tickets", "{\"subject\":\"Described\",\"body\":\"For the description test\","
                        + "\"category\":\"GENERAL\"}").body()).get("number").asText();
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) api.get("paths");
        assertThat(paths).containsOnlyKeys("/api/tickets", "/api/tickets/mine", "/api/tickets/{number}",
                "/api/tickets/{number}/replies", "/api/tickets/{number}/status", "/api/queue");
        int operations = 0;
        for (Map.Entry<String, Map<String, Object>> path : paths.entrySet()) {
            String address = path.getKey().replace("{number}", number);
            for (Map.Entry<String, Object> operation : path.getValue().entrySet()) {
                Map<String, Object> responses = (Map<String, Object>) ((Map<String, Object>) operation.getValue())
                        .get("responses");
                HttpResponse<String> answer = operation.getKey().equals("get")
                        ? agent.get(address) : agent.postJson(address, "{}");
                assertThat(responses.keySet()).as(operation.getKey() + " " + address + " answered " + answer.body())
                        .contains(String.valueOf(answer.statusCode()));
                assertThat(answer.body()).doesNotContain("The API has no such address");
                HttpResponse<String> anonymous = operation.getKey().equals("get")
                        ? PortalSession.anonymous(port).get(address)
                        : PortalSession.anonymous(port).postJson(address, "{}");
                assertThat(anonymous.statusCode()).isEqualTo(401);
                assertThat(responses).containsKey("401");
                operations++;
            }
        }
        assertThat(operations).isEqualTo(6);
    }
}
