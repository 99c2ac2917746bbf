package za.co.proconnectsa.support.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import za.co.proconnectsa.support.ticket.Message;
import za.co.proconnectsa.support.ticket.TicketDetails;
import za.co.proconnectsa.support.ticket.TicketStatus;

class QuickstartTest {

    @Test
    @DisplayName("the quickstart submits, converses and prints the receipt and history")
    void runs() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TicketDetails details = Quickstart.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);

        assertThat(details.ticket().number().text()).isEqualTo("PCS-000001");
        assertThat(details.ticket().status()).isEqualTo(TicketStatus.OPEN);
        assertThat(details.messages()).extracting(Message::body)
                .containsExactly("Sorry! Which card was charged?", "The Visa ending 4421.");
        assertThat(out).contains("Your ticket number is PCS-000001")
                .contains("Sipho (Support): Sorry! Which card was charged?")
                .contains("Thandi Nkosi: The Visa ending 4421.")
                .contains("CREATED").contains("REPLIED").contains("NEW -> OPEN");
    }

    @Test
    @DisplayName("the README's getting-started code is the quickstart's code, so it compiles in the build")
    void readmeMatchesSource() throws IOException {
        String source = Files.readString(Path.of("src/main/java/za/co/proconnectsa/support/examples/quickstart/Quickstart.java"));
        String region = source.substring(source.indexOf("// getting-started:begin") + "// getting-started:begin".length(),
                source.indexOf("// getting-started:end"));
        String readme = Files.readString(Path.of("../../README.md"));

        assertThat(normalise(readme)).contains(normalise(region));
    }

    private static String normalise(String text) {
        return Arrays.stream(text.split("\n")).map(String::strip).filter(l -> !l.isEmpty())
                .collect(Collectors.joining("\n"));
    }
}
