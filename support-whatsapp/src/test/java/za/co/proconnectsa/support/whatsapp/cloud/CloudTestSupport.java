package za.co.proconnectsa.support.whatsapp.cloud;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Shared constants and helpers of the Cloud API tests: WireMock stands in for graph.facebook.com. */
final class CloudTestSupport {

    /** A made-up token: distinctive, so a test can search every text for it. */
    static final String TOKEN = "EAAJzTestTokenQ7x9SecretValue2026ProConnect";
    static final String PHONE_NUMBER_ID = "106540352242922";
    static final String VERSION = "v23.0";
    static final String PATH = "/" + VERSION + "/" + PHONE_NUMBER_ID + "/messages";
    /** The customer: Thandi's number, as the webhook gives it, and masked. */
    static final String TO = "27679518124";
    static final String TO_MASKED = "+27 67 *** **24";
    static final String WAMID = "wamid.HBgLMjc2Nzk1MTgxMjQVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA";

    private CloudTestSupport() {
    }

    static WireMockExtension wireMock() {
        return WireMockExtension.newInstance()
                .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
                .build();
    }

    static URI baseUrl(WireMockExtension wm) {
        return URI.create("http://127.0.0.1:" + wm.getPort());
    }

    /** @return a builder pointed at WireMock, retrying without really waiting (the sleeper records) */
    static WhatsAppCloudClient.Builder client(WireMockExtension wm, RecordingSleeper sleeper) {
        return WhatsAppCloudClient.builder()
                .baseUrl(baseUrl(wm))
                .apiVersion(VERSION)
                .phoneNumberId(PHONE_NUMBER_ID)
                .accessToken(TOKEN)
                .requestTimeout(Duration.ofSeconds(5))
                .retryPolicy(RetryPolicy.defaults())
                .sleeper(sleeper);
    }

    static String fixture(String path) {
        try (InputStream in = CloudTestSupport.class.getResourceAsStream("/cloud/" + path)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture /cloud/" + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MappingBuilder messages() {
        return post(urlEqualTo(PATH));
    }

    static ResponseDefinitionBuilder json(int status, String fixture) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody(fixture(fixture));
    }

    static ResponseDefinitionBuilder graphError(int status, String code) {
        return json(status, "responses/errors/" + code);
    }

    /** Records the waits instead of waiting. */
    static final class RecordingSleeper implements WhatsAppCloudClient.Sleeper {
        final List<Duration> waits = new ArrayList<>();

        @Override
        public synchronized void sleep(Duration duration) {
            waits.add(duration);
        }

        synchronized List<Duration> waits() {
            return List.copyOf(waits);
        }
    }
}
