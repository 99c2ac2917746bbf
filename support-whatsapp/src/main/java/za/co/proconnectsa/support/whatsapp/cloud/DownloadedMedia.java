package za.co.proconnectsa.support.whatsapp.cloud;

import za.co.proconnectsa.support.internal.Checks;

/**
 * A media file fetched from the Cloud API with what Meta said about it.
 *
 * @param info    the media id's metadata, from the request that gave the address the bytes came from
 * @param content the bytes, as received
 */
public record DownloadedMedia(MediaInfo info, byte[] content) {

    /**
     * @param info the media id's metadata, from the request that gave the address the bytes came from
     * @param content the bytes, as received
     * @throws za.co.proconnectsa.support.InvalidInputException when a part is missing
     */
    public DownloadedMedia {
        Checks.notNull(info, "info");
        Checks.notNull(content, "content");
    }

    @Override
    public String toString() {
        return "DownloadedMedia[" + info + ", " + content.length + " bytes]";
    }
}
