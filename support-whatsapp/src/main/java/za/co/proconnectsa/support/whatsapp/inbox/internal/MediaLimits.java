package za.co.proconnectsa.support.whatsapp.inbox.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import za.co.proconnectsa.support.attachment.AttachmentKind;

/**
 * The media WhatsApp's Cloud API documents as supported, per kind: the content types allowed and the largest size
 * (audio 16 MB; documents 100 MB; images 5 MB; stickers 500 KB animated; video 16 MB). A type's parameters
 * ({@code audio/ogg; codecs=opus}) are left out for the check.
 */
public final class MediaLimits {

    private static final long MB = 1024L * 1024L;

    private static final Map<AttachmentKind, Set<String>> TYPES = Map.of(
            AttachmentKind.AUDIO, Set.of("audio/aac", "audio/amr", "audio/mpeg", "audio/mp4", "audio/ogg"),
            AttachmentKind.DOCUMENT, Set.of("text/plain", "application/pdf", "application/vnd.ms-excel",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/msword",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    "application/vnd.ms-powerpoint",
                    "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
            AttachmentKind.IMAGE, Set.of("image/jpeg", "image/png"),
            AttachmentKind.STICKER, Set.of("image/webp"),
            AttachmentKind.VIDEO, Set.of("video/3gpp", "video/mp4"));

    private static final Map<AttachmentKind, Long> SIZES = Map.of(
            AttachmentKind.AUDIO, 16 * MB,
            AttachmentKind.DOCUMENT, 100 * MB,
            AttachmentKind.IMAGE, 5 * MB,
            AttachmentKind.STICKER, 500 * 1024L,
            AttachmentKind.VIDEO, 16 * MB);

    private MediaLimits() {
    }

    /** @return the largest file of the kind WhatsApp carries */
    public static long maxBytes(AttachmentKind kind) {
        return SIZES.get(kind);
    }

    /** @return whether WhatsApp carries files of this content type as this kind */
    public static boolean allows(AttachmentKind kind, String contentType) {
        return contentType != null && TYPES.get(kind).contains(baseType(contentType));
    }

    /** @return the content type without its parameters, in lower case */
    static String baseType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    /** @return a size in words, e.g. {@code 5 MB} or {@code 700 KB} */
    public static String describe(long bytes) {
        if (bytes >= MB) {
            return String.format(Locale.ROOT, bytes % MB == 0 ? "%.0f MB" : "%.1f MB", bytes / (double) MB);
        }
        return Math.max(1, (bytes + 1023) / 1024) + " KB";
    }
}
