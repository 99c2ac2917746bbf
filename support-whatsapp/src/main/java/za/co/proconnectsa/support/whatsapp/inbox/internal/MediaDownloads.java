package za.co.proconnectsa.support.whatsapp.inbox.internal;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import za.co.proconnectsa.support.attachment.AttachmentKind;
import za.co.proconnectsa.support.attachment.AttachmentRecord;
import za.co.proconnectsa.support.conversation.Conversation;
import za.co.proconnectsa.support.conversation.ConversationMessage;
import za.co.proconnectsa.support.queue.Job;
import za.co.proconnectsa.support.queue.JobHandler;
import za.co.proconnectsa.support.spi.AttachmentStore;
import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.spi.WorkQueue;
import za.co.proconnectsa.support.ticket.Ticket;
import za.co.proconnectsa.support.internal.Text;
import za.co.proconnectsa.support.whatsapp.cloud.DownloadedMedia;
import za.co.proconnectsa.support.whatsapp.cloud.MediaTransferException;
import za.co.proconnectsa.support.whatsapp.cloud.WhatsAppCloudClient;
import za.co.proconnectsa.support.whatsapp.inbox.WhatsAppInbox;
import za.co.proconnectsa.support.whatsapp.webhook.InboundMessage;

/**
 * Downloads the files of inbound media messages, one job each, after the message itself was recorded: the job is
 * queued with the message, so a failed download is retried by the queue and never loses the message. The file's size
 * and type are checked against WhatsApp's limits and its SHA-256 against Meta's, then it is kept in the
 * {@link AttachmentStore} under an id derived from the message id, so a retry after a crash is one attachment. A
 * file that cannot be kept (too large, a type WhatsApp does not carry, a media id expired, a checksum that never
 * matches) is refused with an internal note on the conversation's ticket.
 */
public final class MediaDownloads implements JobHandler {

    // hosts set one log level for the whole inbox
    private static final Logger LOG = LoggerFactory.getLogger(WhatsAppInbox.class);
    /** Downloads whose checksum does not match before the file is refused. */
    static final int CHECKSUM_ATTEMPTS = 3;

    private final WhatsAppCloudClient client;
    private final AttachmentStore attachments;
    private final ConversationLog conversations;
    private final TicketStore tickets;
    private final TicketWriter writer;
    private final WorkQueue queue;

    /**
     * @param client        downloads
     * @param attachments   keeps the files
     * @param conversations where the messages were recorded
     * @param tickets       the desk's store, for the ticket's number
     * @param writer        writes the notes on refused files
     * @param queue         the job queue downloads wait in
     */
    public MediaDownloads(WhatsAppCloudClient client, AttachmentStore attachments, ConversationLog conversations,
            TicketStore tickets, TicketWriter writer, WorkQueue queue) {
        this.client = client;
        this.attachments = attachments;
        this.conversations = conversations;
        this.tickets = tickets;
        this.writer = writer;
        this.queue = queue;
    }

    /**
     * Queues the download of a media message's file, once per message id whatever the redeliveries; call it after
     * the message was recorded, in the same unit of work when one runs.
     *
     * @param message an inbound message; nothing is queued unless it carries media
     */
    public void enqueue(InboundMessage message) {
        if (message.media() == null) {
            return;
        }
        queue.enqueueJob(WhatsAppInbox.MEDIA_KIND, message.messageId(), PendingMedia.of(message).encode(),
                conversations.now());
    }

    @Override
    public void handle(Job job) {
        PendingMedia media = PendingMedia.decode(job.payload());
        if (attachments.find(media.attachmentId()).isPresent()) {
            return;
        }
        // the job is queued in the unit that records the message: a missing line is a unit not yet visible, so retry
        ConversationMessage line = conversations.findMessage(media.messageId()).orElseThrow(() ->
                new IllegalStateException("WhatsApp message " + media.messageId() + " is not recorded yet"));
        Conversation conversation = conversations.find(line.conversationId()).orElseThrow(() ->
                new IllegalStateException("the conversation of WhatsApp message " + media.messageId() + " is missing"));
        AttachmentKind kind = media.kind();
        if (media.mimeType() != null && !MediaLimits.allows(kind, media.mimeType())) {
            refuse(conversation, media, "its type " + MediaLimits.baseType(media.mimeType()) + " is not one WhatsApp"
                    + " carries as " + article(kind));
            return;
        }
        DownloadedMedia download;
        try {
            download = client.downloadMedia(media.mediaId(), MediaLimits.maxBytes(kind));
        } catch (MediaTransferException e) {
            if (e.retryable()) {
                throw e;
            }
            refuse(conversation, media, switch (e.reason()) {
                case TOO_LARGE -> "it is over the " + MediaLimits.describe(MediaLimits.maxBytes(kind))
                        + " limit for " + kind.label() + (kind == AttachmentKind.AUDIO ? "" : "s");
                case NOT_FOUND -> "WhatsApp no longer has it (media are kept for 7 days)";
                default -> "WhatsApp refused the download (HTTP " + e.httpStatus() + ")";
            });
            return;
        }
        String type = download.info().mimeType();
        if (!MediaLimits.allows(kind, type)) {
            refuse(conversation, media, "its type " + MediaLimits.baseType(type) + " is not one WhatsApp carries as "
                    + article(kind));
            return;
        }
        byte[] content = download.content();
        String sha256 = AttachmentRecord.sha256Of(content);
        if (!matches(sha256, download.info().sha256()) || !matches(sha256, media.sha256())) {
            if (job.attempts() < CHECKSUM_ATTEMPTS) {
                throw new IllegalStateException("the SHA-256 of media " + media.mediaId() + " is not the one WhatsApp"
                        + " stated (download " + job.attempts() + " of " + CHECKSUM_ATTEMPTS + ")");
            }
            refuse(conversation, media, "its checksum did not match what WhatsApp stated in " + CHECKSUM_ATTEMPTS
                    + " downloads");
            return;
        }
        AttachmentRecord record = new AttachmentRecord(media.attachmentId(), kind, type, content.length, sha256,
                media.fileName() == null ? null : Text.truncate(media.fileName(), AttachmentRecord.MAX_FILE_NAME),
                media.caption() == null ? null : Text.truncate(media.caption(), AttachmentRecord.MAX_CAPTION),
                conversations.now(), conversation.id(), conversation.ticketId(), conversation.requesterId(),
                media.messageId());
        attachments.save(record, content);
        LOG.debug("Kept {} of WhatsApp message {} ({} bytes) on conversation {}", kind.label(), media.messageId(),
                content.length, conversation.number());
    }

    /** Meta states the SHA-256 in hex on the media endpoint and in base64 in webhooks; absent means nothing to check. */
    static boolean matches(String actualHex, String stated) {
        if (stated == null || stated.isBlank()) {
            return true;
        }
        String s = stated.strip();
        if (s.length() == 64 && s.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return s.toLowerCase(Locale.ROOT).equals(actualHex);
        }
        try {
            return HexFormat.of().formatHex(Base64.getDecoder().decode(s)).equals(actualHex);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private void refuse(Conversation conversation, PendingMedia media, String why) {
        String what = "The customer's " + media.kind().label()
                + (media.fileName() == null ? "" : " \"" + Text.truncate(media.fileName(), 100) + "\"");
        LOG.warn("WhatsApp {} of message {} on conversation {} was not kept: {}", media.kind().label(),
                media.messageId(), conversation.number(), why);
        Optional<Ticket> ticket = Optional.ofNullable(conversation.ticketId()).flatMap(tickets::findById);
        ticket.ifPresent(t -> writer.note(t.number().text(), what + " sent on WhatsApp in conversation "
                + conversation.number() + " was not kept: " + why + ". Ask the customer to send it another way."));
    }

    private static String article(AttachmentKind kind) {
        return (kind == AttachmentKind.IMAGE || kind == AttachmentKind.AUDIO ? "an " : "a ") + kind.label();
    }
}
