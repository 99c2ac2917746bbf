package za.co.proconnectsa.support.whatsapp.cloud.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import za.co.proconnectsa.support.whatsapp.cloud.DownloadedMedia;
import za.co.proconnectsa.support.whatsapp.cloud.ErrorClass;
import za.co.proconnectsa.support.whatsapp.cloud.MediaInfo;
import za.co.proconnectsa.support.whatsapp.cloud.MediaTransferException;
import za.co.proconnectsa.support.whatsapp.cloud.MediaTransferException.Reason;
import za.co.proconnectsa.support.whatsapp.cloud.ProviderError;
import za.co.proconnectsa.support.whatsapp.cloud.WhatsAppCloudClient;

/**
 * The Cloud API's media endpoints: a media id's metadata ({@code GET /{media-id}}), the download from the short-lived
 * address it gives (with the access token), and uploads ({@code POST /{phone-number-id}/media}). One attempt each:
 * the callers' job queue retries later. Logs media ids and sizes only, never the token or the signed address.
 */
public final class GraphMedia {

    private static final Logger LOG = LoggerFactory.getLogger(WhatsAppCloudClient.class);

    private final URI versionBase;
    private final URI uploadEndpoint;
    private final boolean httpsOnly;
    private final Secret token;
    private final HttpClient http;
    private final Duration timeout;

    /**
     * @param versionBase    {@code {baseUrl}/{apiVersion}}
     * @param phoneNumberId  the business phone number id uploads go to
     * @param token          the access token
     * @param http           the HTTP client
     * @param timeout        how long one request may take
     */
    public GraphMedia(URI versionBase, String phoneNumberId, Secret token, HttpClient http, Duration timeout) {
        this.versionBase = versionBase;
        this.uploadEndpoint = URI.create(versionBase + "/" + phoneNumberId + "/media");
        this.httpsOnly = "https".equalsIgnoreCase(versionBase.getScheme());
        this.token = token;
        this.http = http;
        this.timeout = timeout;
    }

    /**
     * @param mediaId a media id from a webhook
     * @return its metadata
     * @throws MediaTransferException when Graph does not give it
     */
    public MediaInfo info(String mediaId) {
        URI uri = URI.create(versionBase + "/" + URLEncoder.encode(mediaId, StandardCharsets.UTF_8));
        HttpResponse<String> response = exchange("reading media " + mediaId, HttpRequest.newBuilder(uri).GET(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        int status = response.statusCode();
        if (status < 200 || status > 299) {
            throw refusal("reading media " + mediaId, status, response.body(),
                    response.headers().firstValue("Content-Type").orElse(""));
        }
        MediaInfo info = GraphJson.mediaInfo(response.body());
        if (info == null) {
            throw new MediaTransferException(Reason.UNAVAILABLE, status, "Graph answered the metadata of media "
                    + mediaId + " without a url and mime_type");
        }
        return info;
    }

    /**
     * Downloads a media file: reads its metadata, then fetches the address with the token; when the address has
     * expired (404, 401, 403 or 410 there) the metadata is read once more for a fresh one.
     *
     * @param mediaId  a media id from a webhook
     * @param maxBytes the most bytes accepted; a larger file is refused before or while it is read
     * @return the file and its metadata
     * @throws MediaTransferException when it cannot be downloaded
     */
    public DownloadedMedia download(String mediaId, long maxBytes) {
        MediaInfo info = info(mediaId);
        for (int round = 1;; round++) {
            if (info.fileSize() > maxBytes) {
                throw tooLarge(mediaId, info.fileSize(), maxBytes);
            }
            URI address = address(mediaId, info.url());
            HttpResponse<InputStream> response = exchange("downloading media " + mediaId,
                    HttpRequest.newBuilder(address).GET(), HttpResponse.BodyHandlers.ofInputStream());
            int status = response.statusCode();
            if (status >= 200 && status <= 299) {
                long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
                if (declared > maxBytes) {
                    close(response.body());
                    throw tooLarge(mediaId, declared, maxBytes);
                }
                return new DownloadedMedia(info, read(mediaId, response.body(), maxBytes));
            }
            close(response.body());
            boolean expired = status == 404 || status == 401 || status == 403 || status == 410;
            if (expired && round == 1) {
                LOG.debug("The download address of media {} answered HTTP {}: asking Graph for a fresh one", mediaId,
                        status);
                info = info(mediaId);
                continue;
            }
            throw new MediaTransferException(Reason.UNAVAILABLE, status, "The download of media " + mediaId
                    + " answered HTTP " + status + (expired ? " with a fresh address too" : ""));
        }
    }

    /**
     * @param content     the file
     * @param contentType its media type
     * @param fileName    the name sent with it
     * @return the new media id
     * @throws MediaTransferException when Graph does not take it
     */
    public String upload(byte[] content, String contentType, String fileName) {
        String boundary = "----support-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream(content.length + 512);
        String safeName = fileName.replaceAll("[\"\\\\\\r\\n]", "_");
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"messaging_product\"\r\n\r\nwhatsapp\r\n");
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"type\"\r\n\r\n" + contentType + "\r\n");
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + safeName
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n");
        body.writeBytes(content);
        write(body, "\r\n--" + boundary + "--\r\n");
        HttpResponse<String> response = exchange("uploading media", HttpRequest.newBuilder(uploadEndpoint)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        int status = response.statusCode();
        String id = status >= 200 && status <= 299 ? GraphJson.uploadedMediaId(response.body()) : null;
        if (id == null) {
            throw refusal("uploading media", status, response.body(),
                    response.headers().firstValue("Content-Type").orElse(""));
        }
        LOG.debug("Uploaded {} bytes of {} as media {}", content.length, contentType, id);
        return id;
    }

    private URI address(String mediaId, String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new MediaTransferException(Reason.UNAVAILABLE, 0, "Graph gave media " + mediaId
                    + " a download address that is not a URI");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        // the token goes with the request: only to an https address when Graph itself is reached over https
        if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("https") || !httpsOnly && scheme.equals("http"))) {
            throw new MediaTransferException(Reason.REFUSED, 0, "Graph gave media " + mediaId
                    + " a download address that is not " + (httpsOnly ? "https" : "http(s)") + "; not fetched");
        }
        return uri;
    }

    private <T> HttpResponse<T> exchange(String what, HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request.timeout(timeout).header("Authorization", "Bearer " + token.reveal()).build(),
                    handler);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MediaTransferException(Reason.UNAVAILABLE, 0, what + " was interrupted");
        } catch (IOException | RuntimeException e) {
            throw new MediaTransferException(Reason.UNAVAILABLE, 0, what + " failed: "
                    + token.redact(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())));
        }
    }

    private MediaTransferException refusal(String what, int status, String body, String contentType) {
        ProviderError error = GraphJson.error(status, body, contentType, token);
        String summary = LogText.maskNumbers(error.summary());
        // Graph answers an unknown or expired media id with 404, or 400 and code 100 (object does not exist)
        if (status == 404 || status == 400 && error.code() == 100) {
            return new MediaTransferException(Reason.NOT_FOUND, status, what + ": the media is unknown or expired ("
                    + summary + ")");
        }
        boolean retryable = status == 401 || error.code() == 190 || error.errorClass() == ErrorClass.RETRYABLE
                || status == 429 || status >= 500;
        return new MediaTransferException(retryable ? Reason.UNAVAILABLE : Reason.REFUSED, status, what + ": " + summary);
    }

    private static MediaTransferException tooLarge(String mediaId, long size, long max) {
        return new MediaTransferException(Reason.TOO_LARGE, 0, "Media " + mediaId + " is " + size
                + " bytes, over the limit of " + max);
    }

    private static byte[] read(String mediaId, InputStream in, long maxBytes) {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int n; (n = in.read(buffer)) != -1;) {
                total += n;
                if (total > maxBytes) {
                    throw tooLarge(mediaId, total, maxBytes);
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new MediaTransferException(Reason.UNAVAILABLE, 0, "The download of media " + mediaId
                    + " broke off: " + e.getClass().getSimpleName());
        }
    }

    private static void close(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // the response is dropped anyway
        }
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
