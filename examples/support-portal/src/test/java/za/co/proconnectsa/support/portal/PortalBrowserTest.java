package za.co.proconnectsa.support.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import za.co.proconnectsa.support.SupportDesk;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.portal.security.DemoUsers;
import za.co.proconnectsa.support.ticket.Category;
import za.co.proconnectsa.support.ticket.NewTicket;
import za.co.proconnectsa.support.ticket.TicketStatus;
import za.co.proconnectsa.support.whatsapp.inbox.WhatsAppInbox;
import za.co.proconnectsa.support.whatsapp.webhook.InboundMessage;

/** The portal's flows in headless Chromium, against the whole application on a random port. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = PortalBrowserTest.PROPERTIES)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalBrowserTest {

    static final String PASSWORD = "browser-test-password";
    static final String PROPERTIES = "spring.datasource.url=jdbc:h2:mem:portal-browser;DB_CLOSE_DELAY=-1\n"
            + "portal.demo-password=" + PASSWORD + "\nportal.demo-data=true";

    @LocalServerPort
    int port;

    @Autowired
    SupportDesk desk;

    @Autowired
    WhatsAppInbox inbox;

    Browser browser;

    @BeforeAll
    void startBrowser() throws Exception {
        browser = Browser.start(port);
    }

    @AfterAll
    void stopBrowser() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void supportPageShowsTheWhatsAppCardFirstWithItsLinkAndQrCode() throws Exception {
        browser.open("/support");
        List<WebElement> cards = browser.driver.findElements(By.cssSelector(".cards > section"));
        assertThat(cards).extracting(c -> c.getAttribute("data-card")).containsExactly("whatsapp", "ticket");
        assertThat(browser.text("#whatsapp-card h2")).isEqualTo("Quick Support (Recommended)");
        assertThat(browser.text("#whatsapp-number")).isEqualTo("+27 67 951 8124");
        assertThat(browser.text("#availability")).isEqualTo("Available: Mon-Fri 8am-6pm");
        assertThat(browser.text("#open-now")).matches("Open now|Closed now, opens .+");
        assertThat(browser.text("#ticket-card h2")).isEqualTo("Create Support Ticket");
        assertThat(browser.text("#guidance")).startsWith("For quick questions, WhatsApp us");

        String reference = browser.text("#reference");
        assertThat(reference).matches("REF-[2-9A-HJ-NP-Z]{5}");
        String link = browser.find("#open-whatsapp").getAttribute("href");
        assertThat(link).startsWith("https://wa.me/27679518124?text=").doesNotContain("+");
        String prefilled = URLDecoder.decode(link.substring(link.indexOf("text=") + 5), StandardCharsets.UTF_8);
        assertThat(prefilled).isEqualTo("Hi, I have a quick question: [ref: " + reference + "]");

        String qrUrl = browser.find("#whatsapp-qr").getAttribute("src");
        assertThat(decodeQr(qrUrl)).isEqualTo(link);
        assertThat((Long) browser.driver.executeScript(
                "return document.getElementById('whatsapp-qr').naturalWidth")).isGreaterThan(0L);
        browser.screenshot("support-page");
    }

    @Test
    void providerCreatesATicketSeesTheRoutingHintAndTheSuccessMessageWithItsNumber() throws Exception {
        browser.signIn("thandi", PASSWORD);
        fillTicketForm("Invoice INV-3001 charged twice", "My card was billed twice for the April subscription.",
                "BILLING");
        browser.waitFor("#routing-hint");
        new WebDriverWait(browser.driver, Duration.ofSeconds(10))
                .until(d -> !browser.text("#routing-hint-reason").isEmpty());
        assertThat(browser.find("#routing-hint").getAttribute("data-channel")).isIn("WHATSAPP", "TICKET");
        assertThat(browser.text("#routing-hint-text")).isNotEmpty();
        assertThat(browser.text("#routing-hint-reason")).startsWith("Why: ");
        browser.screenshot("create-ticket");

        browser.find("#submit-ticket").click();
        String number = browser.waitFor("#ticket-number").getText();
        assertThat(number).matches("PCS-\\d{6}");
        assertThat(browser.text("#confirmation")).contains(number);
        assertThat(browser.text("#first-response")).isNotEmpty();
        assertThat(desk.tickets().myTicket(thandi(), number).ticket().subject())
                .isEqualTo("Invoice INV-3001 charged twice");
        browser.screenshot("ticket-submitted");
    }

    @Test
    void aMissingSubjectAndDescriptionAreExplainedInPlainWords() throws Exception {
        browser.signIn("thandi", PASSWORD);
        browser.open("/tickets/new");
        browser.type("#subject", "   ");
        browser.find("#submit-ticket").click();
        assertThat(browser.waitFor("#subject-error").getText())
                .isEqualTo("Please add a subject: one line that says what the problem is.");
        assertThat(browser.text("#body-error"))
                .isEqualTo("Please describe the problem, so that we can help without having to ask you again.");
        assertThat(browser.text("#category-error")).isEqualTo("Please choose what the problem is about.");
        assertThat(browser.driver.getPageSource()).doesNotContain("must not be blank").doesNotContain("NotBlank");
        browser.screenshot("create-ticket-errors");
    }

    @Test
    void providerRepliesOnTheirOwnTicket() throws Exception {
        String number = submit(thandi(), "Payout not received", "My payout for March has not arrived.");
        browser.signIn("thandi", PASSWORD);
        browser.open("/tickets");
        assertThat(browser.driver.findElements(By.cssSelector("#my-tickets tbody tr")))
                .extracting(r -> r.getAttribute("data-number")).contains(number);
        browser.screenshot("my-tickets");
        browser.open("/tickets/" + number);
        browser.type("#reply-body", "It was due on the 25th, my bank is FNB.");
        browser.find("#send-reply").click();
        assertThat(browser.waitFor("#notice").getText()).isEqualTo("Your reply was added to " + number + ".");
        assertThat(browser.driver.findElements(By.cssSelector("#messages .message-body")))
                .extracting(WebElement::getText).contains("It was due on the 25th, my bank is FNB.");
        assertThat(browser.find("#ticket-chat").getAttribute("href"))
                .startsWith("https://wa.me/27679518124?text=").contains("%5Bref%3A%20" + number + "%5D");
        browser.screenshot("my-ticket");
    }

    @Test
    void adminSeesANewTicketWithoutReloadingAssignsNotesRepliesAndResolves() throws Exception {
        browser.signIn("lerato", PASSWORD);
        browser.open("/admin");
        browser.waitFor("#queue");
        browser.driver.executeScript("window.portalNotReloaded = 'same page';");

        String number = submit(thandi(), "Cannot upload my ID document", "The upload button does nothing.");
        String rowCss = "#queue tr[data-number='" + number + "']";
        // the live feed may redraw the row again (assignment on submit is a change too): look it up each time
        WebDriverWait wait = new WebDriverWait(browser.driver, Duration.ofSeconds(15));
        wait.ignoring(StaleElementReferenceException.class);
        String shown = wait.until(d -> d.findElement(By.cssSelector(rowCss + " .subject")).getText());
        assertThat(shown).isEqualTo("Cannot upload my ID document");
        assertThat(browser.driver.executeScript("return window.portalNotReloaded")).isEqualTo("same page");
        browser.screenshot("dashboard");

        wait.until(d -> {
            d.findElement(By.cssSelector(rowCss)).findElement(By.linkText(number)).click();
            return true;
        });
        browser.waitFor("#assign-agent");
        new Select(browser.find("#assign-agent")).selectByValue("sipho");
        browser.find("#assign-button").click();
        assertThat(browser.waitForText("#assignee", "Assigned to sipho")).isEqualTo("Assigned to sipho");

        browser.type("#reply-body", "Checked the logs: the upload service timed out.");
        browser.find("#visibility-internal").click();
        browser.find("#send-reply").click();
        assertThat(browser.waitForText("#notice", "Internal note added")).startsWith("Internal note added");

        browser.type("#reply-body", "Please try again now, we fixed the upload.");
        browser.find("#send-reply").click();
        assertThat(browser.waitForText("#notice", "Reply sent")).isEqualTo("Reply sent to the requester.");

        new Select(browser.find("#status-select")).selectByValue("RESOLVED");
        browser.find("#status-button").click();
        assertThat(browser.waitForText("#ticket-status", "Resolved")).isEqualTo("Resolved");
        browser.screenshot("dashboard-ticket");

        browser.signIn("thandi", PASSWORD);
        browser.open("/tickets/" + number);
        List<String> visible = browser.driver.findElements(By.cssSelector("#messages .message-body")).stream()
                .map(WebElement::getText).toList();
        assertThat(visible).contains("Please try again now, we fixed the upload.")
                .doesNotContain("Checked the logs: the upload service timed out.");
        assertThat(browser.driver.getPageSource()).doesNotContain("upload service timed out");
        assertThat(browser.text("#ticket-status")).isEqualTo("Resolved");
    }

    @Test
    void theStatusSelectStartsAtTheTicketsCurrentStatus() throws Exception {
        String number = submit(thandi(), "Quote for a geyser repair", "Waiting for the plumber's quote.");
        Actor sipho = DemoUsers.find("sipho").orElseThrow().actor();
        desk.tickets().changeStatus(sipho, number, TicketStatus.PENDING);
        browser.signIn("sipho", PASSWORD);
        browser.open("/admin/tickets/" + number);
        Select select = new Select(browser.waitFor("#status-select"));
        assertThat(select.getFirstSelectedOption().getAttribute("value")).isEqualTo("PENDING");
        assertThat(select.getFirstSelectedOption().getText()).isEqualTo("Pending (now)");
        assertThat(select.getOptions()).extracting(o -> o.getAttribute("value"))
                .containsExactly("PENDING", "OPEN", "ON_HOLD", "RESOLVED", "CLOSED");

        // sending the form as it opened keeps the status instead of moving the ticket to the first option
        browser.find("#status-button").click();
        assertThat(browser.waitForText("#notice", "The status stays")).isEqualTo("The status stays Pending.");
        assertThat(browser.text("#ticket-status")).isEqualTo("Pending");
        assertThat(desk.tickets().get(sipho, number).ticket().status()).isEqualTo(TicketStatus.PENDING);
    }

    @Test
    void theQueueFitsA1280PixelWindowWithALongUnbrokenSubject() throws Exception {
        String number = submit(thandi(), "Error on https://proconnectsa.co.za/provider/jobs/1234567/invoices/"
                + "INV-2291/payment-confirmation-page", "The page fails.");
        browser.signIn("sipho", PASSWORD);
        browser.open("/admin");
        browser.waitFor("#queue tr[data-number='" + number + "']");
        assertThat((Long) browser.driver.executeScript("return window.innerWidth")).isEqualTo(1280L);
        Number pageWidth = (Number) browser.driver.executeScript("return document.documentElement.scrollWidth");
        Number tableRight = (Number) browser.driver.executeScript(
                "return document.getElementById('queue').getBoundingClientRect().right");
        Number updatedRight = (Number) browser.driver.executeScript(
                "return document.querySelector('#queue th:last-child').getBoundingClientRect().right");
        assertThat(browser.text("#queue th:last-child")).isEqualTo("Updated");
        assertThat(pageWidth.doubleValue()).isLessThanOrEqualTo(1280);
        assertThat(tableRight.doubleValue()).isLessThanOrEqualTo(1280);
        assertThat(updatedRight.doubleValue()).isLessThanOrEqualTo(1280);
        // the time stays on one line: its text makes one line box
        Number updatedLines = (Number) browser.driver.executeScript("var range = document.createRange();"
                + "range.selectNodeContents(document.querySelector(\"#queue tr[data-number='" + number + "'] td.updated\"));"
                + "return range.getClientRects().length;");
        assertThat(updatedLines.intValue()).isEqualTo(1);
        browser.screenshot("dashboard-long-subject");
    }

    @Test
    void anotherProvidersTicketLooksExactlyLikeAMissingOne() throws Exception {
        String pietersTicket = submit(DemoUsers.find("pieter").orElseThrow().actor(), "VAT number on invoices",
                "Please add my VAT number to my invoices.");
        browser.signIn("thandi", PASSWORD);
        browser.open("/tickets/" + pietersTicket);
        String foreign = browser.waitFor("#not-found").getText();
        assertThat(browser.driver.getPageSource()).doesNotContain("VAT number");
        browser.screenshot("not-found");
        browser.open("/tickets/PCS-999999");
        assertThat(browser.waitFor("#not-found").getText()).isEqualTo(foreign);
        assertThat(status("/tickets/" + pietersTicket)).isEqualTo(status("/tickets/PCS-999999"));
    }

    @Test
    void aScriptInASubjectIsShownAsText() throws Exception {
        String subject = "<script>window.portalInjected=1</script><img src=x onerror=\"window.portalInjected=2\">";
        browser.signIn("thandi", PASSWORD);
        fillTicketForm(subject, "Testing <b>markup</b> in a description.", "TECHNICAL");
        browser.find("#submit-ticket").click();
        String number = browser.waitFor("#ticket-number").getText();
        browser.find("#view-ticket").click();
        assertThat(browser.waitFor("#ticket-subject").getText()).isEqualTo(subject);
        assertThat(browser.driver.executeScript("return window.portalInjected")).isNull();

        browser.signIn("sipho", PASSWORD);
        browser.open("/admin");
        assertThat(browser.waitFor("#queue tr[data-number='" + number + "'] .subject").getText()).isEqualTo(subject);
        assertThat(browser.driver.executeScript("return window.portalInjected")).isNull();
    }

    @Test
    void agentAnswersAWhatsAppChatAndEscalatesIt() throws Exception {
        inbox.ingest(new InboundMessage("wamid.browser-test-1", "0",
                new InboundMessage.Sender("27831234567", null, null, "Zanele Mokoena", null), desk.clock().instant(),
                InboundMessage.Type.TEXT, "Hello, what are your opening hours?", null, null, null, null, null));
        browser.signIn("sipho", PASSWORD);
        browser.open("/admin/inbox");
        WebElement link = browser.driver.findElements(By.cssSelector("#conversations tbody tr")).stream()
                .filter(r -> r.getText().contains("Zanele Mokoena")).findFirst().orElseThrow()
                .findElement(By.cssSelector("a"));
        String conversation = link.getText();
        assertThat(conversation).matches("WA-\\d{6}");
        assertThat(browser.text("#sending-off")).startsWith("Sending is off");
        browser.screenshot("inbox");

        link.click();
        assertThat(browser.waitFor("#window").getText()).startsWith("24-hour window: ");
        assertThat(browser.driver.findElements(By.cssSelector("#transcript .message-body")))
                .extracting(WebElement::getText).contains("Hello, what are your opening hours?");
        browser.type("#inbox-reply", "We are open Mon-Fri 8am-6pm.");
        browser.find("#inbox-reply-form button").click();
        assertThat(browser.waitForText("#notice", "Reply queued")).isEqualTo("Reply queued for WhatsApp.");
        assertThat(browser.driver.findElements(By.cssSelector("#transcript .message-body")))
                .extracting(WebElement::getText).contains("We are open Mon-Fri 8am-6pm.");

        new Select(browser.find("#escalate-category")).selectByValue("GENERAL");
        browser.find("#escalate").click();
        String notice = browser.waitFor("#notice").getText();
        assertThat(notice).matches("Escalated to ticket PCS-\\d{6}\\.");
        String ticket = notice.substring("Escalated to ticket ".length(), notice.length() - 1);
        assertThat(desk.tickets().get(DemoUsers.find("sipho").orElseThrow().actor(), ticket).ticket().body())
                .contains("Hello, what are your opening hours?");
        browser.screenshot("conversation");

        browser.open("/admin/dead-letters");
        assertThat(browser.waitFor("#event-count").getText()).isEqualTo("0");
        assertThat(browser.text("#no-dead-events")).startsWith("None");
        browser.screenshot("dead-letters");
    }

    private void fillTicketForm(String subject, String body, String category) {
        browser.open("/tickets/new");
        browser.type("#subject", subject);
        browser.type("#body", body);
        new Select(browser.find("#category")).selectByValue(category);
    }

    private int status(String path) throws Exception {
        // the status a browser would get, with thandi's session cookie
        String cookie = browser.driver.manage().getCookieNamed("JSESSIONID").getValue();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Cookie", "JSESSIONID=" + cookie).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private String submit(Actor requester, String subject, String body) {
        return desk.tickets().submit(requester, NewTicket.builder().subject(subject).body(body)
                .category(Category.TECHNICAL).build()).ticketNumber().text();
    }

    private static Actor thandi() {
        return DemoUsers.find("thandi").orElseThrow().actor();
    }

    private static String decodeQr(String url) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.headers().firstValue("Content-Type")).hasValue("image/png");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(response.body()));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)))).getText();
    }
}
