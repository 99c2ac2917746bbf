package za.co.proconnectsa.support.whatsapp.cloud;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.internal.PhoneMasking;
import za.co.proconnectsa.support.internal.Text;
import za.co.proconnectsa.support.whatsapp.cloud.internal.GraphJson;
import za.co.proconnectsa.support.whatsapp.cloud.internal.GraphMedia;
import za.co.proconnectsa.support.whatsapp.cloud.internal.GraphSender;
import za.co.proconnectsa.support.whatsapp.cloud.internal.Problems;
import za.co.proconnectsa.support.whatsapp.cloud.internal.Recipients;
import za.co.proconnectsa.support.whatsapp.cloud.internal.Secret;

/**
 * Sends WhatsApp messages through Meta's Cloud API ({@code POST {baseUrl}/{apiVersion}/{phoneNumberId}/messages}
 * with {@code Authorization: Bearer <token>}), using {@code java.net.http}. Immutable and thread-safe; build
 * it once with {@link #builder()} and share it.
 *
 * <pre>{@code
 * WhatsAppCloudClient whatsApp = WhatsAppCloudClient.builder()
 *         .phoneNumberId("106540352242922")
 *         .accessToken(System.getenv("WHATSAPP_TOKEN"))
 *         .build();
 *
 * CustomerServiceWindow window = CustomerServiceWindow.since(lastInboundAt);
 * agentScreen.show(window.describe());                       // "closes in 40 minutes"
 * SendOutcome outcome = whatsApp.reply(window, customerNumber, "Your ticket T-1042 is resolved.");
 * }</pre>
 *
 * <p><b>Recipients.</b> Every {@code toWaId} is a phone number in international form, sent as {@code to}, or a
 * business-scoped user id such as {@code US.13491208655302741918} (a user who writes with a username and shares no
 * phone number), sent as Meta's {@code recipient} field.
 *
 * <p><b>Outcomes, not exceptions.</b> Every send returns a {@link SendOutcome}. Invalid input (a body over
 * 4096 characters, four buttons, a malformed number) throws {@link InvalidInputException} before anything
 * is sent; provider errors, timeouts and network failures never throw.
 *
 * <p><b>Retries.</b> A {@link ErrorClass#RETRYABLE} failure (rate limits such as 130429 and 131056, transient
 * errors such as 1, 2, 131000, 133004, HTTP 429 and 5xx, a connection that could not be made) is retried by the
 * {@link RetryPolicy}: exponential backoff with full jitter, or the response's {@code Retry-After}. When the
 * attempts run out the outcome is {@link SendOutcome.Failed} with {@code retryable} true. A
 * {@link ErrorClass#PERMANENT} error is returned at once with {@code retryable} false. The Cloud API has no
 * idempotency key, so a request that was sent but not answered (a response timeout, a connection broken
 * mid-exchange) is never sent again: it may have reached Meta. It comes back as {@code Failed} with
 * {@link ProviderError#CODE_OUTCOME_UNKNOWN} and {@code retryable} false; the message's status webhook tells
 * whether it was delivered.
 *
 * <p><b>The 24-hour window.</b> {@link #reply} checks the {@link CustomerServiceWindow} and, when it is
 * closed, returns {@link SendOutcome.RequiresTemplate} without calling the API. Any send the provider refuses
 * with 131047 (re-engagement message) also becomes {@code RequiresTemplate}.
 *
 * <p><b>Secrets.</b> The access token is sent only in the Authorization header. It never appears in a log
 * line, an exception message, a {@link ProviderError} or a {@code toString} (shown as {@code [redacted]}).
 * Logs show recipients masked ({@code +27 67 *** **24}) and never a message's text.
 */
public final class WhatsAppCloudClient {

    /** The Graph API's address. */
    public static final URI DEFAULT_BASE_URL = URI.create("https://graph.facebook.com");
    /** The Graph API version used unless another is set. */
    public static final String DEFAULT_API_VERSION = "v23.0";
    /** How long one attempt may take unless set otherwise. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** The longest text message body. */
    public static final int MAX_TEXT_BODY = 4096;
    /** The longest body of a reply buttons message. */
    public static final int MAX_BUTTONS_BODY = 1024;
    /** The most reply buttons in one message. */
    public static final int MAX_BUTTONS = 3;

    private static final Logger LOG = LoggerFactory.getLogger(WhatsAppCloudClient.class);
    private static final Pattern API_VERSION = Pattern.compile("v\\d{1,3}\\.\\d{1,2}");
    private static final Pattern PHONE_NUMBER_ID = Pattern.compile("\\d{1,32}");
    private static final Duration LONGEST_TIMEOUT = Duration.ofMinutes(5);

    /**
     * How the client waits between attempts. The default sleeps the calling thread; tests pass one that
     * records the waits instead.
     */
    @FunctionalInterface
    public interface Sleeper {
        /**
         * Waits.
         *
         * @param duration how long
         * @throws InterruptedException when the thread is interrupted; the send then stops and returns
         *                              {@link SendOutcome.Failed} with {@code retryable} true
         */
        void sleep(Duration duration) throws InterruptedException;

        /** @return a sleeper that blocks the calling thread ({@link Thread#sleep(long)}) */
        static Sleeper threadSleep() {
            return d -> Thread.sleep(d.toMillis());
        }
    }

    private final URI baseUrl;
    private final String apiVersion;
    private final String phoneNumberId;
    private final Duration requestTimeout;
    private final RetryPolicy retryPolicy;
    private final Clock clock;
    private final URI endpoint;
    private final URI marketingEndpoint;
    private final GraphSender sender;
    private final GraphMedia media;
    private final GraphSender marketingSender;

    private WhatsAppCloudClient(Builder b, URI endpoint, URI marketingEndpoint, HttpClient http) {
        this.baseUrl = b.baseUrl;
        this.apiVersion = b.apiVersion;
        this.phoneNumberId = b.phoneNumberId;
        this.requestTimeout = b.requestTimeout;
        this.retryPolicy = b.retryPolicy;
        this.clock = b.clock;
        this.endpoint = endpoint;
        this.marketingEndpoint = marketingEndpoint;
        Secret token = new Secret(b.accessToken);
        this.sender = new GraphSender(endpoint, token, http, b.requestTimeout, b.retryPolicy, b.sleeper, b.clock);
        this.marketingSender = new GraphSender(marketingEndpoint, token, http, b.requestTimeout, b.retryPolicy,
                b.sleeper, b.clock);
        String messages = endpoint.toString();
        URI versionBase = URI.create(messages.substring(0, messages.length() - ("/" + b.phoneNumberId + "/messages").length()));
        this.media = new GraphMedia(versionBase, b.phoneNumberId, token, http, b.requestTimeout);
    }

    /** @return a builder with the defaults: Graph API {@value #DEFAULT_API_VERSION}, 10 s timeout, 4 attempts */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Sends a free-form text message. Allowed only inside the customer-service window; prefer
     * {@link #reply(CustomerServiceWindow, String, String)}, which checks it first.
     *
     * @param toWaId the recipient's number in international form ({@code 27679518124} or {@code +27 67 951 8124})
     * @param body   the text, 1 to {@value #MAX_TEXT_BODY} characters
     * @return the outcome
     * @throws InvalidInputException when the number or the body is refused
     */
    public SendOutcome sendText(String toWaId, String body) {
        String to = recipient(toWaId, p -> p.requireText("body", body, MAX_TEXT_BODY));
        return sender.send("text", target(to), GraphJson.text(to, body), GraphJson::sentMessageId, null);
    }

    /**
     * Sends a free-form text message if the customer-service window is open; when it is closed, returns
     * {@link SendOutcome.RequiresTemplate} with the window's closing time and sends nothing.
     *
     * @param window the customer's window
     * @param toWaId the recipient's number in international form
     * @param body   the text, 1 to {@value #MAX_TEXT_BODY} characters
     * @return the outcome
     * @throws InvalidInputException when the window is null or the number or the body is refused (checked
     *                             even when the window is closed)
     */
    public SendOutcome reply(CustomerServiceWindow window, String toWaId, String body) {
        String to = recipient(toWaId, p -> {
            p.check(window != null, "window", "must not be null");
            p.requireText("body", body, MAX_TEXT_BODY);
        });
        if (!window.isOpen()) {
            LOG.debug("WhatsApp reply to {} not sent: the customer-service window {}", PhoneMasking.mask(to),
                    window.describe());
            return new SendOutcome.RequiresTemplate(window.closesAt());
        }
        return sender.send("text", target(to), GraphJson.text(to, body), GraphJson::sentMessageId,
                window.closesAt());
    }

    /**
     * Sends an approved template: the one kind of message allowed outside the customer-service window. A template of
     * category {@link TemplateCategory#MARKETING} goes to Meta's Marketing Messages API
     * ({@link #marketingMessagesEndpoint()}), every other one to the messages endpoint. Whether the recipient agreed to
     * marketing is the caller's to check (the inbox checks the desk's consent ledger).
     *
     * @param toWaId   the recipient's number in international form
     * @param template the template and its parameters
     * @return the outcome
     * @throws InvalidInputException when the number is refused or the template is null
     */
    public SendOutcome sendTemplate(String toWaId, TemplateMessage template) {
        String to = recipient(toWaId, p -> p.check(template != null, "template", "must not be null"));
        // Meta's Marketing Messages API takes marketing templates only, in the same body as the messages endpoint
        GraphSender via = template.category().orElse(null) == TemplateCategory.MARKETING ? marketingSender : sender;
        return via.send("template " + template.name(), target(to), GraphJson.template(to, template),
                GraphJson::sentMessageId, null);
    }

    /**
     * Sends an interactive message with 1 to {@value #MAX_BUTTONS} reply buttons (inside the window only).
     *
     * @param toWaId  the recipient's number in international form
     * @param body    the text above the buttons, 1 to {@value #MAX_BUTTONS_BODY} characters
     * @param buttons 1 to {@value #MAX_BUTTONS} buttons with distinct ids and distinct titles
     * @return the outcome
     * @throws InvalidInputException listing every refused field
     */
    public SendOutcome sendButtons(String toWaId, String body, List<ReplyButton> buttons) {
        String to = recipient(toWaId, p -> {
            p.requireText("body", body, MAX_BUTTONS_BODY);
            if (p.check(buttons != null && !buttons.isEmpty(), "buttons", "must contain at least one button")
                    && p.check(buttons.stream().allMatch(Objects::nonNull), "buttons", "must not contain null")) {
                p.check(buttons.size() <= MAX_BUTTONS, "buttons",
                        "must contain at most " + MAX_BUTTONS + " buttons, was " + buttons.size());
                Set<String> ids = new HashSet<>();
                Set<String> titles = new HashSet<>();
                for (int i = 0; i < buttons.size(); i++) {
                    p.check(ids.add(buttons.get(i).id()), "buttons[" + i + "].id", "must be unique");
                    p.check(titles.add(buttons.get(i).title()), "buttons[" + i + "].title", "must be unique");
                }
            }
        });
        return sender.send("buttons", target(to), GraphJson.buttons(to, body, List.copyOf(buttons)),
                GraphJson::sentMessageId, null);
    }

    /**
     * Sends an interactive list message (inside the window only).
     *
     * @param toWaId the recipient's number in international form
     * @param list   the list, already checked against Meta's limits by {@link ListMessage.Builder#build()}
     * @return the outcome
     * @throws InvalidInputException when the number is refused or the list is null
     */
    public SendOutcome sendList(String toWaId, ListMessage list) {
        String to = recipient(toWaId, p -> p.check(list != null, "list", "must not be null"));
        return sender.send("list", target(to), GraphJson.list(to, list), GraphJson::sentMessageId, null);
    }

    /**
     * Marks a received message (and the earlier ones of the conversation) as read: the customer sees blue
     * ticks. The success is {@link SendOutcome.Sent} carrying {@code messageId} itself.
     *
     * @param messageId the {@code wamid....} of the received message, from the webhook
     * @return the outcome
     * @throws InvalidInputException when the id is blank or contains spaces
     */
    public SendOutcome markRead(String messageId) {
        checkMessageId(messageId);
        return sender.send("read receipt", "for " + messageId, GraphJson.markRead(messageId),
                body -> GraphJson.readSucceeded(body) ? messageId : null, null);
    }

    /**
     * Marks a received message as read and shows the customer a typing indicator ("typing…") while an answer is
     * written: {@code "typing_indicator":{"type":"text"}} on the mark-as-read request, as Meta's typing indicators
     * page documents it. WhatsApp dismisses the indicator when the answer arrives or after 25 seconds, whichever
     * comes first; show it only when an answer is coming. The success is {@link SendOutcome.Sent} carrying
     * {@code messageId} itself.
     *
     * @param messageId the {@code wamid....} of the received message being answered
     * @return the outcome
     * @throws InvalidInputException when the id is blank or contains spaces
     */
    public SendOutcome showTypingIndicator(String messageId) {
        checkMessageId(messageId);
        return sender.send("typing indicator", "for " + messageId, GraphJson.typingIndicator(messageId),
                body -> GraphJson.readSucceeded(body) ? messageId : null, null);
    }

    private static void checkMessageId(String messageId) {
        Problems p = new Problems();
        if (p.requireText("messageId", messageId, 1000)) {
            p.check(messageId.chars().noneMatch(Character::isWhitespace), "messageId", "must not contain spaces");
        }
        p.throwIfAny();
    }

    /** @return the endpoint marketing templates are posted to: {@code {base}/{version}/{phone-number-id}/marketing_messages} */
    public URI marketingMessagesEndpoint() {
        return marketingEndpoint;
    }

    /**
     * Sends an image, video, audio, document or sticker, by an uploaded media id or by a public https link (inside
     * the window only, like a text).
     *
     * @param toWaId the recipient's number in international form
     * @param media  the media message
     * @return the outcome
     * @throws InvalidInputException when the number is refused or the media is null
     */
    public SendOutcome sendMedia(String toWaId, OutboundMedia media) {
        String to = recipient(toWaId, p -> p.check(media != null, "media", "must not be null"));
        return sender.send(media.kind().label(), target(to), GraphJson.media(to, media), GraphJson::sentMessageId, null);
    }

    /**
     * Reads what Graph knows of a media id from a webhook ({@code GET /{media-id}}): the download address (valid for
     * minutes), type, SHA-256 and size. Media ids expire 7 days after the message. One attempt, no retries.
     *
     * @param mediaId the media id
     * @return its metadata
     * @throws InvalidInputException    when the id is not an identifier
     * @throws MediaTransferException when Graph does not give it ({@link MediaTransferException#retryable()} says
     *                                whether to try later)
     */
    public MediaInfo mediaInfo(String mediaId) {
        return media.info(Text.identifier(mediaId, "mediaId"));
    }

    /**
     * Downloads a media file of a webhook: its metadata, then the file from the address with the access token; an
     * expired address (404, 401, 403 or 410) is asked for afresh once. A file over {@code maxBytes} is refused before
     * it is read when Graph states its size, else as soon as the bytes pass the limit. The checksum and type are the
     * caller's to check. One attempt, no retries.
     *
     * @param mediaId  the media id
     * @param maxBytes the largest file accepted, at least 1
     * @return the file and its metadata
     * @throws InvalidInputException    when the id is not an identifier or the limit not positive
     * @throws MediaTransferException when it cannot be downloaded ({@link MediaTransferException#retryable()} says
     *                                whether to try later)
     */
    public DownloadedMedia downloadMedia(String mediaId, long maxBytes) {
        Text.identifier(mediaId, "mediaId");
        if (maxBytes < 1) {
            throw InvalidInputException.of("maxBytes", "must be at least 1");
        }
        return media.download(mediaId, maxBytes);
    }

    /**
     * Uploads a file for a later {@link #sendMedia} ({@code POST /{phone-number-id}/media}). Uploading twice does
     * no harm (it makes a second media id), so a failed upload may be repeated. One attempt, no retries.
     *
     * @param content     the file, not empty
     * @param contentType its media type, e.g. {@code application/pdf}
     * @param fileName    the file's name, 1 to 240 characters
     * @return the new media id
     * @throws InvalidInputException    when a part is missing or malformed
     * @throws MediaTransferException when Graph does not take it
     */
    public String uploadMedia(byte[] content, String contentType, String fileName) {
        Problems p = new Problems();
        p.check(content != null && content.length > 0, "content", "must not be empty");
        if (p.requireText("contentType", contentType, 100)) {
            p.check(contentType.chars().allMatch(c -> c >= 0x20 && c < 0x7f), "contentType", "must be printable ASCII");
        }
        p.requireText("fileName", fileName, 240);
        p.throwIfAny();
        return media.upload(content, contentType, fileName);
    }

    /** @return the Graph API's base address */
    public URI baseUrl() {
        return baseUrl;
    }

    /** @return the Graph API version, e.g. {@code v23.0} */
    public String apiVersion() {
        return apiVersion;
    }

    /** @return the business phone number id messages are sent from */
    public String phoneNumberId() {
        return phoneNumberId;
    }

    /** @return the endpoint requests are posted to */
    public URI messagesEndpoint() {
        return endpoint;
    }

    /** @return how long one attempt may take */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /** @return the retry policy */
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /** @return the clock */
    public Clock clock() {
        return clock;
    }

    @Override
    public String toString() {
        return "WhatsAppCloudClient{endpoint=" + endpoint + ", accessToken=" + Secret.REDACTED + ", requestTimeout="
                + requestTimeout + ", retryPolicy=" + retryPolicy + '}';
    }

    private static String target(String waId) {
        return "to " + PhoneMasking.mask(waId);
    }

    private interface Checker {
        void check(Problems problems);
    }

    private static String recipient(String toWaId, Checker more) {
        Problems p = new Problems();
        String to = null;
        try {
            to = Recipients.phoneOrUserId("to", toWaId);
        } catch (InvalidInputException e) {
            e.fieldErrors().forEach(f -> p.add(f.field(), f.message()));
        }
        more.check(p);
        p.throwIfAny();
        return to;
    }

    /** Builds a {@link WhatsAppCloudClient}; {@link #phoneNumberId} and {@link #accessToken} are required. */
    public static final class Builder {
        private URI baseUrl = DEFAULT_BASE_URL;
        private String apiVersion = DEFAULT_API_VERSION;
        private String phoneNumberId;
        private String accessToken;
        private HttpClient httpClient;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private Sleeper sleeper = Sleeper.threadSleep();
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * @param value the Graph API's address, http or https, default {@code https://graph.facebook.com}
         *              (tests point it at a local stand-in)
         * @return this builder
         */
        public Builder baseUrl(URI value) {
            this.baseUrl = value;
            return this;
        }

        /**
         * @param value the Graph API version, e.g. {@code v23.0}
         * @return this builder
         */
        public Builder apiVersion(String value) {
            this.apiVersion = value;
            return this;
        }

        /**
         * @param value the business phone number id (digits), from WhatsApp Manager
         * @return this builder
         */
        public Builder phoneNumberId(String value) {
            this.phoneNumberId = value;
            return this;
        }

        /**
         * @param value the access token (a system user token), sent only in the Authorization header and
         *              never shown anywhere
         * @return this builder
         */
        public Builder accessToken(String value) {
            this.accessToken = value;
            return this;
        }

        /**
         * @param value the HTTP client to use; by default one is built with the request timeout as connect
         *              timeout and redirects off (so the token is never sent elsewhere)
         * @return this builder
         */
        public Builder httpClient(HttpClient value) {
            this.httpClient = value;
            return this;
        }

        /**
         * @param value how long one attempt may take, positive, at most 5 minutes
         * @return this builder
         */
        public Builder requestTimeout(Duration value) {
            this.requestTimeout = value;
            return this;
        }

        /**
         * @param value the retry policy, default {@link RetryPolicy#defaults()}
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy value) {
            this.retryPolicy = value;
            return this;
        }

        /**
         * @param value how to wait between attempts, default {@link Sleeper#threadSleep()}
         * @return this builder
         */
        public Builder sleeper(Sleeper value) {
            this.sleeper = value;
            return this;
        }

        /**
         * @param value the clock, default the system clock in UTC
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        /**
         * @return the client
         * @throws InvalidInputException listing every refused setting (never quoting the token)
         */
        public WhatsAppCloudClient build() {
            Problems p = new Problems();
            if (p.check(baseUrl != null, "baseUrl", "must not be null")) {
                String scheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(Locale.ROOT);
                p.check(baseUrl.isAbsolute() && (scheme.equals("https") || scheme.equals("http"))
                        && baseUrl.getHost() != null && baseUrl.getRawQuery() == null
                        && baseUrl.getRawFragment() == null && baseUrl.getRawUserInfo() == null, "baseUrl",
                        "must be an absolute http(s) address without query, fragment or user info");
            }
            if (p.requireText("apiVersion", apiVersion, 10)) {
                p.check(API_VERSION.matcher(apiVersion).matches(), "apiVersion", "must look like v23.0");
            }
            if (p.requireText("phoneNumberId", phoneNumberId, 32)) {
                p.check(PHONE_NUMBER_ID.matcher(phoneNumberId).matches(), "phoneNumberId", "must be digits only");
            }
            if (accessToken == null || accessToken.isBlank()) {
                p.add("accessToken", "must not be blank");
            } else {
                p.check(accessToken.chars().allMatch(c -> c > 0x20 && c < 0x7f), "accessToken",
                        "must be the token alone: printable ASCII without spaces (the value is not shown)");
            }
            if (p.check(requestTimeout != null, "requestTimeout", "must not be null")) {
                p.check(!requestTimeout.isNegative() && !requestTimeout.isZero()
                        && requestTimeout.compareTo(LONGEST_TIMEOUT) <= 0, "requestTimeout",
                        "must be positive and at most " + LONGEST_TIMEOUT + ", was " + requestTimeout);
            }
            p.check(retryPolicy != null, "retryPolicy", "must not be null");
            p.check(sleeper != null, "sleeper", "must not be null");
            p.check(clock != null, "clock", "must not be null");
            p.throwIfAny();
            String base = baseUrl.toString();
            while (base.endsWith("/")) {
                base = base.substring(0, base.length() - 1);
            }
            URI endpoint = URI.create(base + "/" + apiVersion + "/" + phoneNumberId + "/messages");
            URI marketing = URI.create(base + "/" + apiVersion + "/" + phoneNumberId + "/marketing_messages");
            HttpClient http = httpClient != null ? httpClient
                    : HttpClient.newBuilder().connectTimeout(requestTimeout)
                            .followRedirects(HttpClient.Redirect.NEVER).build();
            return new WhatsAppCloudClient(this, endpoint, marketing, http);
        }

        @Override
        public String toString() {
            return "WhatsAppCloudClient.Builder{baseUrl=" + baseUrl + ", apiVersion=" + apiVersion
                    + ", phoneNumberId=" + phoneNumberId + ", accessToken="
                    + (accessToken == null ? "null" : Secret.REDACTED) + '}';
        }
    }
}
