package za.co.proconnectsa.support.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import za.co.proconnectsa.support.SupportDesk;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.conversation.ConversationQuery;
import za.co.proconnectsa.support.ticket.NewTicket;
import za.co.proconnectsa.support.ticket.Reply;
import za.co.proconnectsa.support.ticket.TicketQuery;
import za.co.proconnectsa.support.whatsapp.inbox.WhatsAppInbox;

/**
 * The portal as an attacker meets it: every URL the application maps has an access rule that another provider cannot
 * get past (someone else's ticket answers exactly as a missing one), every form found by crawling the pages as each
 * role carries a CSRF token and every POST without one or with a wrong one is refused, the session id changes at
 * sign-in, and every page carries the security headers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = PortalSecurityTest.PROPERTIES)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalSecurityTest {

    static final String PROPERTIES = "spring.datasource.url=jdbc:h2:mem:portal-security;DB_CLOSE_DELAY=-1\n"
            + "portal.demo-password=" + PortalBrowserTest.PASSWORD + "\nportal.demo-data=true\n"
            + "support.whatsapp.webhook.enabled=true\nsupport.whatsapp.webhook.app-secret=security-test-app-secret\n"
            + "support.whatsapp.webhook.verify-token=security-test-verify-token";

    private static final String SECRET_SUBJECT = "Thandi private banking detail 7731";
    private static final String MISSING_TICKET = "PCS-099999";
    private static final String MISSING_CONVERSATION = "WA-099999";
    private static final Pattern HREF = Pattern.compile("href=\"(/[^\"#]*)\"");
    private static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>(.*?)</form>", Pattern.DOTALL);
    private static final Pattern CSRF_VALUE = Pattern.compile("(?<=name=\"_csrf\" value=\")[^\"]*|"
            + "(?<=name=\"_csrf\" content=\")[^\"]*");
    private static final Pattern TIMESTAMP = Pattern.compile("(?<=\"timestamp\":\")[^\"]*");
    private static final Pattern ATTRIBUTE = Pattern.compile("\\b(method|action)=\"([^\"]*)\"");

    /** Who may reach each URL the portal maps, by pattern and method; a new URL without a rule fails the test. */
    private static final Map<String, Rule> RULES = new TreeMap<>(Map.ofEntries(
            Map.entry("GET /", Rule.PUBLIC),
            Map.entry("GET /support", Rule.PUBLIC),
            Map.entry("GET /support/qr.png", Rule.PUBLIC),
            Map.entry("GET /login", Rule.PUBLIC),
            Map.entry("GET /error", Rule.PUBLIC),
            Map.entry("GET /api/openapi.yaml", Rule.PUBLIC),
            // Meta's webhook: no sign-in, the body's signature (and the handshake's verify token) is checked instead
            Map.entry("GET /webhooks/whatsapp", Rule.PUBLIC),
            Map.entry("POST /webhooks/whatsapp", Rule.PUBLIC),
            // the "How did we do?" page reached from an e-mail: the signed token in the link says which ticket
            Map.entry("GET /survey", Rule.PUBLIC),
            Map.entry("POST /survey", Rule.PUBLIC),
            Map.entry("GET /home", Rule.SIGNED_IN),
            Map.entry("GET /tickets", Rule.SIGNED_IN),
            Map.entry("GET /tickets/new", Rule.SIGNED_IN),
            Map.entry("POST /tickets", Rule.SIGNED_IN),
            Map.entry("GET /tickets/routing-hint", Rule.SIGNED_IN),
            Map.entry("GET /tickets/{number}", Rule.OWNER),
            Map.entry("GET /tickets/{number}/submitted", Rule.OWNER),
            Map.entry("POST /tickets/{number}/reply", Rule.OWNER),
            Map.entry("POST /tickets/{number}/resolve", Rule.OWNER),
            Map.entry("POST /tickets/{number}/close", Rule.OWNER),
            Map.entry("POST /api/tickets", Rule.SIGNED_IN),
            Map.entry("GET /api/tickets/mine", Rule.SIGNED_IN),
            Map.entry("GET /api/tickets/{number}", Rule.OWNER),
            Map.entry("POST /api/tickets/{number}/replies", Rule.OWNER),
            Map.entry("POST /api/tickets/{number}/status", Rule.SUPPORT),
            Map.entry("GET /api/queue", Rule.SUPPORT),
            Map.entry("GET /api/**", Rule.SIGNED_IN),
            Map.entry("GET /admin", Rule.SUPPORT),
            Map.entry("GET /admin/changes", Rule.SUPPORT),
            Map.entry("GET /admin/tickets/{number}", Rule.SUPPORT),
            Map.entry("POST /admin/tickets/{number}/assign", Rule.SUPPORT),
            Map.entry("POST /admin/tickets/{number}/reply", Rule.SUPPORT),
            Map.entry("POST /admin/tickets/{number}/status", Rule.SUPPORT),
            Map.entry("GET /admin/inbox", Rule.SUPPORT),
            Map.entry("GET /admin/inbox/{number}", Rule.SUPPORT),
            Map.entry("POST /admin/inbox/{number}/reply", Rule.SUPPORT),
            Map.entry("POST /admin/inbox/{number}/escalate", Rule.SUPPORT),
            Map.entry("GET /admin/dead-letters", Rule.SUPPORT),
            Map.entry("POST /admin/dead-letters/events/{id}/retry", Rule.SUPPORT),
            Map.entry("POST /admin/dead-letters/jobs/{id}/retry", Rule.SUPPORT),
            Map.entry("GET /admin/analytics", Rule.SUPPORT),
            Map.entry("GET /admin/analytics/charts", Rule.SUPPORT),
            Map.entry("GET /admin/analytics.csv", Rule.SUPPORT),
            Map.entry("GET /admin/data-subjects", Rule.ADMIN),
            Map.entry("POST /admin/data-subjects/export", Rule.ADMIN),
            Map.entry("POST /admin/data-subjects/anonymise", Rule.ADMIN),
            Map.entry("POST /admin/data-subjects/erase", Rule.ADMIN),
            Map.entry("POST /admin/data-subjects/erase/confirmed", Rule.ADMIN),
            Map.entry("POST /admin/data-subjects/consent", Rule.SUPPORT)));

    /** Who may reach a URL. */
    private enum Rule {
        /** Anyone, signed in or not. */
        PUBLIC,
        /** Any signed-in user. */
        SIGNED_IN,
        /** The requester of the ticket in the URL, and the support team through its own pages. */
        OWNER,
        /** Agents and admins. */
        SUPPORT,
        /** Admins alone. */
        ADMIN
    }

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMapping;

    @LocalServerPort
    int port;

    @Autowired
    WhatsAppInbox inbox;

    @Autowired
    SupportDesk desk;

    private String thandisTicket;
    private String conversation;

    @BeforeAll
    void thandiHasATicketWithAnInternalNote() {
        Actor thandi = Actor.requester("thandi", "Thandi Nkosi");
        thandisTicket = desk.tickets().submit(thandi, NewTicket.builder().subject(SECRET_SUBJECT)
                .body("My account number is in here").build()).ticketNumber().text();
        desk.tickets().reply(Actor.agent("sipho", "Sipho (Support)"), thandisTicket,
                Reply.internalNote("Internal: verify " + SECRET_SUBJECT));
        conversation = inbox.conversations(Actor.agent("sipho", "Sipho (Support)"), ConversationQuery.builder().build())
                .items().get(0).number().text();
    }

    @Test
    void everyMappedUrlHasAnAccessRule() {
        Set<String> mapped = mappedUrls();
        Set<String> withoutRule = new TreeSet<>(mapped);
        withoutRule.removeAll(RULES.keySet());
        assertThat(withoutRule).as("URLs the portal maps without an access rule in this test").isEmpty();
        Set<String> stale = new TreeSet<>(RULES.keySet());
        stale.removeAll(mapped);
        assertThat(stale).as("rules for URLs the portal no longer maps").isEmpty();
    }

    @Test
    void anotherProviderNeverReachesThandisTicketConversationOrAnyoneElsesData() throws Exception {
        PortalSession pieter = PortalSession.signedIn(port, "pieter");
        PortalSession pieterApi = PortalSession.basic(port, "pieter", PortalBrowserTest.PASSWORD);
        PortalSession anonymous = PortalSession.anonymous(port);
        String csrf = pieter.csrfOf("/tickets/new");
        List<String> problems = new ArrayList<>();
        long versionBefore = version(thandisTicket);
        for (Map.Entry<String, Rule> entry : RULES.entrySet()) {
            String method = entry.getKey().substring(0, entry.getKey().indexOf(' '));
            String pattern = entry.getKey().substring(method.length() + 1);
            Rule rule = entry.getValue();
            boolean api = pattern.startsWith("/api/");
            PortalSession as = api ? pieterApi : pieter;
            HttpResponse<String> onThandis = call(as, method, fill(pattern, thandisTicket, conversation), csrf);
            String cell = entry.getKey() + " as pieter";
            if (onThandis.body().contains(SECRET_SUBJECT) || onThandis.body().contains("Internal: verify")) {
                problems.add(cell + ": Thandi's ticket leaked");
            }
            if (onThandis.statusCode() >= 500) {
                problems.add(cell + ": server error " + onThandis.statusCode());
            }
            if (rule == Rule.OWNER || rule == Rule.SUPPORT || rule == Rule.ADMIN) {
                // a redirect is fine when a missing number gets the same one: it reveals nothing
                if (onThandis.statusCode() < 300) {
                    problems.add(cell + ": allowed with " + onThandis.statusCode());
                }
                HttpResponse<String> onMissing = call(as, method, fill(pattern, MISSING_TICKET, MISSING_CONVERSATION),
                        csrf);
                String a = withoutTokens(onThandis.statusCode() + " " + onThandis.headers().firstValue("Location")
                        .orElse("") + " " + onThandis.body()).replace(thandisTicket, "<n>").replace(conversation, "<n>");
                String b = withoutTokens(onMissing.statusCode() + " " + onMissing.headers().firstValue("Location")
                        .orElse("") + " " + onMissing.body()).replace(MISSING_TICKET, "<n>")
                        .replace(MISSING_CONVERSATION, "<n>");
                if (!a.equals(b)) {
                    int at = 0;
                    while (at < Math.min(a.length(), b.length()) && a.charAt(at) == b.charAt(at)) {
                        at++;
                    }
                    problems.add(cell + ": Thandi's ticket answers differently from a missing one, from "
                            + a.substring(Math.max(0, at - 60), Math.min(a.length(), at + 60)) + " versus "
                            + b.substring(Math.max(0, at - 60), Math.min(b.length(), at + 60)));
                }
            }
            if (rule != Rule.PUBLIC) {
                HttpResponse<String> nobody = call(anonymous, method, fill(pattern, thandisTicket, conversation), null);
                boolean refused = nobody.statusCode() == 401 || nobody.statusCode() == 403
                        || nobody.statusCode() == 302 && nobody.headers().firstValue("Location").orElse("")
                        .endsWith("/login");
                if (!refused || nobody.body().contains(SECRET_SUBJECT)) {
                    problems.add(entry.getKey() + " signed out: not refused (" + nobody.statusCode() + ")");
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(version(thandisTicket)).as("nothing Pieter sent changed Thandi's ticket").isEqualTo(versionBefore);
        assertThat(pieter.get("/tickets").body()).doesNotContain(thandisTicket).doesNotContain(SECRET_SUBJECT);
        assertThat(pieterApi.get("/api/tickets/mine").body()).doesNotContain(thandisTicket);
    }

    @Test
    void everyFormCarriesACsrfTokenAndEveryPostWithoutAValidOneIsRefused() throws Exception {
        Map<String, PortalSession> roles = new LinkedHashMap<>();
        roles.put("signed out", PortalSession.anonymous(port));
        for (String user : List.of("thandi", "pieter", "sipho", "lerato")) {
            roles.put(user, PortalSession.signedIn(port, user));
        }
        Set<String> forms = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, PortalSession> role : roles.entrySet()) {
            for (Map.Entry<String, String> page : crawl(role.getValue(), role.getKey().equals("signed out")).entrySet()) {
                Matcher form = FORM.matcher(page.getValue());
                while (form.find()) {
                    Map<String, String> attributes = new TreeMap<>();
                    Matcher attribute = ATTRIBUTE.matcher(form.group(1));
                    while (attribute.find()) {
                        attributes.put(attribute.group(1), attribute.group(2));
                    }
                    if (!"post".equalsIgnoreCase(attributes.getOrDefault("method", "get"))) {
                        continue;
                    }
                    String action = attributes.getOrDefault("action", page.getKey());
                    forms.add(action);
                    if (!form.group(2).contains("name=\"_csrf\"")) {
                        problems.add("form " + action + " on " + page.getKey() + " as " + role.getKey()
                                + " has no CSRF token");
                    }
                }
            }
        }
        // every POST the portal maps, whether the crawl showed its form or not (some appear only after a step)
        for (String url : mappedUrls()) {
            if (url.startsWith("POST ") && !url.startsWith("POST /api/")) {
                forms.add(fill(url.substring(5), thandisTicket, conversation));
            }
        }
        forms.add("/logout");
        assertThat(forms).as("forms found by crawling").contains("/login", "/tickets", "/tickets/" + thandisTicket
                + "/reply", "/admin/tickets/" + thandisTicket + "/status", "/admin/data-subjects/export",
                "/admin/inbox/" + conversation + "/reply");
        long versionBefore = version(thandisTicket);
        int ticketsBefore = ticketCount();
        for (String action : forms) {
            for (PortalSession session : roles.values()) {
                HttpResponse<String> without = session.postForm(action, Map.of("body", "forged", "subject", "forged",
                        "status", "CLOSED", "category", "BILLING", "username", "thandi",
                        "password", PortalBrowserTest.PASSWORD), null);
                HttpResponse<String> wrong = session.postForm(action, Map.of("body", "forged", "status", "CLOSED"),
                        "not-the-token");
                for (HttpResponse<String> forged : List.of(without, wrong)) {
                    if (forged.statusCode() != 403) {
                        problems.add("POST " + action + " without a valid token answered " + forged.statusCode());
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(version(thandisTicket)).isEqualTo(versionBefore);
        assertThat(ticketCount()).isEqualTo(ticketsBefore);
        assertThat(forms).hasSizeGreaterThan(15);
    }

    @Test
    void theSessionIdChangesAtSignInAndThePlantedOneStaysSignedOut() throws Exception {
        PortalSession visitor = PortalSession.anonymous(port);
        String csrf = visitor.csrfOf("/login");
        String planted = visitor.cookie("JSESSIONID").orElseThrow();
        HttpResponse<String> login = visitor.postForm("/login", Map.of("username", "thandi",
                "password", PortalBrowserTest.PASSWORD), csrf);
        assertThat(login.headers().firstValue("Location")).get().asString().endsWith("/home");
        String signedIn = visitor.cookie("JSESSIONID").orElseThrow();
        assertThat(signedIn).isNotEqualTo(planted);
        assertThat(visitor.get("/tickets").statusCode()).isEqualTo(200);

        PortalSession attacker = PortalSession.anonymous(port);
        attacker.keepOnlyCookie("JSESSIONID", planted);
        HttpResponse<String> withPlanted = attacker.get("/tickets");
        assertThat(withPlanted.statusCode()).isEqualTo(302);
        assertThat(withPlanted.headers().firstValue("Location")).get().asString().endsWith("/login");
        assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c)
                .startsWith("JSESSIONID=").containsIgnoringCase("HttpOnly"));
    }

    @Test
    void everyPageCarriesTheSecurityHeadersAndSignedInPagesAreNotCached() throws Exception {
        List<String> problems = new ArrayList<>();
        int pages = 0;
        for (String user : List.of("", "thandi", "sipho", "lerato")) {
            PortalSession session = user.isEmpty() ? PortalSession.anonymous(port) : PortalSession.signedIn(port, user);
            Set<String> urls = new LinkedHashSet<>(crawl(session, user.isEmpty()).keySet());
            urls.addAll(List.of("/no-such-page", "/tickets/" + MISSING_TICKET, "/api/tickets/" + MISSING_TICKET,
                    "/support/qr.png", "/admin/analytics.csv", "/api/openapi.yaml"));
            for (String url : urls) {
                pages++;
                HttpResponse<String> page = session.get(url);
                String where = url + (user.isEmpty() ? " signed out" : " as " + user);
                Map<String, String> expected = Map.of(
                        "Content-Security-Policy", "frame-ancestors 'none'",
                        "X-Frame-Options", "DENY",
                        "X-Content-Type-Options", "nosniff",
                        "Referrer-Policy", "same-origin");
                expected.forEach((header, value) -> {
                    if (!page.headers().firstValue(header).orElse("").contains(value)) {
                        problems.add(where + ": " + header + " is " + page.headers().firstValue(header));
                    }
                });
                if (!user.isEmpty() && !page.headers().firstValue("Cache-Control").orElse("").contains("no-store")) {
                    problems.add(where + ": Cache-Control is " + page.headers().firstValue("Cache-Control"));
                }
                if (page.statusCode() >= 500) {
                    problems.add(where + ": " + page.statusCode());
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(pages).isGreaterThan(20);
    }

    /** The page with its CSRF tokens (masked afresh on each answer) left out, so two answers compare alike. */
    private static String withoutTokens(String page) {
        return TIMESTAMP.matcher(CSRF_VALUE.matcher(page).replaceAll("<csrf>")).replaceAll("<time>");
    }

    /** Every page reachable by links from the start pages, with its HTML; assets, downloads and the API left out. */
    private static Map<String, String> crawl(PortalSession session, boolean signedOut) throws Exception {
        Map<String, String> seen = new LinkedHashMap<>();
        Deque<String> todo = new ArrayDeque<>(signedOut ? List.of("/", "/support", "/login")
                : List.of("/home", "/tickets", "/tickets/new", "/admin", "/admin/inbox", "/admin/data-subjects",
                        "/admin/analytics", "/admin/dead-letters"));
        while (!todo.isEmpty() && seen.size() < 80) {
            String url = todo.poll().replace("&amp;", "&");
            if (seen.containsKey(url) || url.startsWith("/css/") || url.startsWith("/js/") || url.startsWith("/api/")
                    || url.endsWith(".png") || url.endsWith(".csv") || url.startsWith("/logout")) {
                continue;
            }
            HttpResponse<String> page = session.get(url);
            if (page.statusCode() != 200 || !page.headers().firstValue("Content-Type").orElse("").contains("html")) {
                seen.put(url, "");
                continue;
            }
            seen.put(url, page.body());
            Matcher link = HREF.matcher(page.body());
            while (link.find()) {
                todo.add(link.group(1));
            }
        }
        return seen;
    }

    private Set<String> mappedUrls() {
        Set<String> urls = new TreeSet<>();
        for (RequestMappingInfo info : handlerMapping.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (methods.isEmpty()) {
                    urls.add("GET " + pattern);
                }
                for (RequestMethod method : methods) {
                    urls.add(method.name() + " " + pattern);
                }
            }
        }
        return urls;
    }

    private static String fill(String pattern, String ticket, String conversation) {
        String filled = pattern.startsWith("/admin/inbox/") ? pattern.replace("{number}", conversation)
                : pattern.replace("{number}", ticket);
        return filled.replace("{id}", "1").replace("/**", "/anything");
    }

    private static HttpResponse<String> call(PortalSession session, String method, String path, String csrf)
            throws Exception {
        if (method.equals("GET")) {
            return session.get(path);
        }
        if (path.startsWith("/api/")) {
            return session.postJson(path, "{\"body\":\"Let me in\",\"status\":\"CLOSED\",\"expectedVersion\":1}");
        }
        return session.postForm(path, Map.of("body", "Let me in", "status", "CLOSED", "agentId", "pieter",
                "category", "BILLING", "subject", "Hi"), csrf);
    }

    private long version(String number) {
        return desk.tickets().get(Actor.admin("lerato", "Lerato"), number).ticket().version();
    }

    private int ticketCount() {
        return desk.tickets().queue(Actor.admin("lerato", "Lerato"), TicketQuery.builder().limit(200).build())
                .items().size();
    }
}
