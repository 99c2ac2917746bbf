package za.co.proconnectsa.support.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One user's conversation with the running portal over real HTTP: a cookie jar for the session (signed in through
 * the form, with its CSRF token) or HTTP Basic credentials on each request, as the JSON API allows.
 */
final class PortalSession {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final CookieManager cookies = new CookieManager();
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
    private final String base;
    private final String basic;

    private PortalSession(int port, String basic) {
        this.base = "http://localhost:" + port;
        this.basic = basic;
    }

    /** @return nobody signed in */
    static PortalSession anonymous(int port) {
        return new PortalSession(port, null);
    }

    /** @return a session signed in through the sign-in form */
    static PortalSession signedIn(int port, String username) throws Exception {
        return signedIn(port, username, PortalBrowserTest.PASSWORD);
    }

    /** @return a session signed in through the sign-in form with the given password */
    static PortalSession signedIn(int port, String username, String password) throws Exception {
        PortalSession session = new PortalSession(port, null);
        HttpResponse<String> login = session.postForm("/login", Map.of("username", username,
                "password", password), session.csrfOf("/login"));
        assertThat(login.headers().firstValue("Location")).as("signed in as " + username).get().asString()
                .endsWith("/home");
        return session;
    }

    /** @return a client sending HTTP Basic credentials with every request, without a session */
    static PortalSession basic(int port, String username, String password) {
        return new PortalSession(port, "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    /** @return the CSRF token of the first form on the page */
    String csrfOf(String page) throws Exception {
        Matcher m = CSRF_FIELD.matcher(get(page).body());
        assertThat(m.find()).as("a CSRF token on " + page).isTrue();
        return m.group(1);
    }

    /** @return the value of a cookie the portal set, if any */
    java.util.Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(java.net.HttpCookie::getValue).findFirst();
    }

    /** Forgets every cookie but the given one, as a browser handed a planted session id would hold. */
    void keepOnlyCookie(String name, String value) {
        cookies.getCookieStore().removeAll();
        java.net.HttpCookie cookie = new java.net.HttpCookie(name, value);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookies.getCookieStore().add(URI.create(base), cookie);
    }

    /** Sends any method with a raw body and headers given as name, value pairs. */
    HttpResponse<String> send(String method, String path, byte[] body, String... headers) throws Exception {
        HttpRequest.Builder builder = request(path).method(method, body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return send(builder);
    }

    HttpResponse<String> get(String path) throws Exception {
        return send(request(path).header("Accept", "text/html,application/json").GET());
    }

    HttpResponse<byte[]> getBytes(String path) throws Exception {
        return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Sends a form as a browser does, with the token as {@code _csrf} when given. */
    HttpResponse<String> postForm(String path, Map<String, String> fields, String csrf) throws Exception {
        Map<String, String> all = new LinkedHashMap<>(fields);
        if (csrf != null) {
            all.put("_csrf", csrf);
        }
        String body = all.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Sends JSON; extra headers come as name, value pairs. */
    HttpResponse<String> postJson(String path, String json, String... headers) throws Exception {
        HttpRequest.Builder builder = request(path).header("Content-Type", "application/json")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return send(builder);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
        if (basic != null) {
            builder.header("Authorization", basic);
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest.Builder builder) throws Exception {
        return client.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
