package za.co.proconnectsa.support.whatsapp.cloud;

import za.co.proconnectsa.support.internal.Checks;

/**
 * What the Cloud API says about a media id ({@code GET /{media-id}}): where to download it for the next few minutes,
 * its type, checksum and size. The address is short-lived and signed: it is never logged nor shown by
 * {@link #toString()}.
 *
 * @param id        the media id
 * @param url       the download address, valid for about five minutes; fetched with the access token
 * @param mimeType  the media type, e.g. {@code image/jpeg}
 * @param sha256    the file's SHA-256 as Meta reports it (hex or base64), or null
 * @param fileSize  the size in bytes Meta reports, or -1 when absent
 */
public record MediaInfo(String id, String url, String mimeType, String sha256, long fileSize) {

    /**
     * @param id the media id
     * @param url the download address, valid for about five minutes; fetched with the access token
     * @param mimeType the media type, e.g. {@code image/jpeg}
     * @param sha256 the file's SHA-256 as Meta reports it (hex or base64), or null
     * @param fileSize the size in bytes Meta reports, or -1 when absent
     * @throws za.co.proconnectsa.support.InvalidInputException when the id, url or type is missing
     */
    public MediaInfo {
        Checks.notNull(id, "id");
        Checks.notNull(url, "url");
        Checks.notNull(mimeType, "mimeType");
    }

    /** Leaves the signed download address out. */
    @Override
    public String toString() {
        return "MediaInfo[id=" + id + ", mimeType=" + mimeType + ", fileSize=" + fileSize + "]";
    }
}
