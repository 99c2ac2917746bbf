package za.co.proconnectsa.support.spring.boot.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import za.co.proconnectsa.support.whatsapp.webhook.WebhookHandshake;
import za.co.proconnectsa.support.whatsapp.webhook.WebhookReceipt;
import za.co.proconnectsa.support.whatsapp.webhook.WebhookReceiver;

/**
 * Meta's webhook: the GET handshake and the signed POST, whose raw body goes to the library's receiver unread, so the
 * signature is checked on the exact bytes Meta signed. When a secret is not configured it answers 503 with a problem
 * detail naming the missing property, instead of failing the application's start.
 */
@RestController
@RequestMapping("${support.whatsapp.webhook.path:/webhooks/whatsapp}")
public class WhatsAppWebhookController {

    private static final Logger LOG = LoggerFactory.getLogger(WhatsAppWebhookController.class);
    private static final MediaType PROBLEM = MediaType.parseMediaType("application/problem+json");

    private final ObjectProvider<WebhookReceiver> receiver;
    private final ObjectProvider<WebhookHandshake> handshake;
    private final ObjectProvider<WebhookOutcomes> outcomes;

    /**
     * @param receiver  the receiver, absent when the app secret is not set
     * @param handshake the handshake, absent when the verify token is not set
     * @param outcomes  the metrics, absent without Micrometer
     */
    public WhatsAppWebhookController(ObjectProvider<WebhookReceiver> receiver, ObjectProvider<WebhookHandshake> handshake,
            ObjectProvider<WebhookOutcomes> outcomes) {
        this.receiver = receiver;
        this.handshake = handshake;
        this.outcomes = outcomes;
    }

    /**
     * Meta's verification request.
     *
     * @param mode      {@code hub.mode}
     * @param token     {@code hub.verify_token}
     * @param challenge {@code hub.challenge}
     * @return the challenge (200), 403 when the token is wrong, 503 when no verify token is configured
     */
    @GetMapping
    public ResponseEntity<String> verify(@RequestParam(name = WebhookHandshake.MODE, required = false) String mode,
            @RequestParam(name = WebhookHandshake.VERIFY_TOKEN, required = false) String token,
            @RequestParam(name = WebhookHandshake.CHALLENGE, required = false) String challenge) {
        WebhookHandshake check = handshake.getIfAvailable();
        if (check == null) {
            record("handshake", "not_configured");
            return notConfigured("support.whatsapp.webhook.verify-token");
        }
        Optional<String> answer = check.verify(mode, token, challenge);
        record("handshake", answer.isPresent() ? "verified" : "refused");
        return answer.map(c -> ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(c))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.TEXT_PLAIN)
                        .body("verification refused"));
    }

    /**
     * A webhook delivery; the body is read only by the receiver, at most its size limit.
     *
     * @param signature {@code X-Hub-Signature-256}
     * @param request   the request, for its raw body
     * @return the receiver's status (200 accepted, 403 bad signature, 400, 413), 503 when no app secret is configured
     * @throws IOException when the request's body stream cannot be opened
     */
    @PostMapping
    public ResponseEntity<String> receive(@RequestHeader(name = "X-Hub-Signature-256", required = false) String signature,
            HttpServletRequest request) throws IOException {
        WebhookReceiver r = receiver.getIfAvailable();
        if (r == null) {
            record("post", "not_configured");
            return notConfigured("support.whatsapp.webhook.app-secret");
        }
        WebhookReceipt receipt = r.receive(request.getInputStream(), signature);
        record("post", receipt.outcome().name().toLowerCase(Locale.ROOT));
        if (!receipt.isAccepted()) {
            LOG.info("Refused a WhatsApp webhook POST: {}", receipt.outcome());
        }
        return ResponseEntity.status(receipt.httpStatus()).build();
    }

    private void record(String kind, String outcome) {
        outcomes.ifAvailable(o -> o.record(kind, outcome));
    }

    private static ResponseEntity<String> notConfigured(String property) {
        String body = "{\"type\":\"about:blank\",\"title\":\"WhatsApp webhook not configured\",\"status\":503,"
                + "\"detail\":\"Set " + property + " to serve the WhatsApp webhook.\"}";
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(PROBLEM)
                .body(body);
    }
}
