package za.co.proconnectsa.support.whatsapp.inbox.internal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import za.co.proconnectsa.support.conversation.Conversation;
import za.co.proconnectsa.support.conversation.ConversationMessage;
import za.co.proconnectsa.support.ticket.NewTicket;
import za.co.proconnectsa.support.ticket.Ticket;
import za.co.proconnectsa.support.internal.PhoneMasking;
import za.co.proconnectsa.support.internal.Text;
import za.co.proconnectsa.support.whatsapp.webhook.InboundMessage;

/**
 * How WhatsApp messages read as text: a message's words for the transcript, and a conversation as a ticket's
 * subject and description.
 */
public final class Transcripts {

    private static final int SUBJECT_LENGTH = 80;
    private static final String TRANSCRIPT_CUT = "(%d earlier messages are in conversation %s)";

    private final DateTimeFormatter time;

    /** @param zone the desk's time zone, in which transcripts show the time of each message */
    public Transcripts(ZoneId zone) {
        this.time = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH).withZone(zone);
    }

    /**
     * @param m an inbound message
     * @return its words for the transcript and the ticket: the text, a media caption (the file itself is kept as an
     *         attachment) or a tapped button's title; a media message without a caption reads {@code [image]} or
     *         {@code [document invoice.pdf]}
     */
    public static String words(InboundMessage m) {
        String text = m.text() == null ? null : m.text().strip();
        String out = switch (m.type()) {
            case TEXT -> text == null || text.isEmpty() ? "(empty message)" : text;
            case INTERACTIVE, BUTTON -> m.reply().title() == null || m.reply().title().isBlank()
                    ? "[tapped " + m.reply().id() + "]" : m.reply().title();
            default -> text == null || text.isEmpty()
                    ? "[" + m.type().name().toLowerCase(Locale.ROOT)
                            + (m.media().filename() == null ? "" : " " + m.media().filename()) + "]"
                    : text;
        };
        return Text.truncate(out, ConversationMessage.MAX_BODY);
    }

    /** @param trigger the message a ticket is about @return the ticket's subject: its first line, shortened */
    public static String subject(String trigger) {
        String line = trigger.strip().lines().findFirst().orElse("").strip();
        String s = "WhatsApp: " + (line.isEmpty() ? "conversation" : line);
        return s.length() <= SUBJECT_LENGTH ? s : Text.truncate(s, SUBJECT_LENGTH - 3).strip() + "...";
    }

    /**
     * @return the conversation as a ticket's description: a header, then one line a message, the newest kept when
     *         they do not all fit
     */
    public String ticketBody(Conversation conversation, Contact contact, List<ConversationMessage> messages) {
        String header = "WhatsApp conversation " + conversation.number() + " with " + contact.name() + " ("
                + PhoneMasking.mask(conversation.contact()) + ")\n\n";
        List<String> lines = messages.stream().map(this::line).toList();
        int budget = NewTicket.MAX_BODY_LENGTH - header.length() - 80;
        int used = 0;
        int first = lines.size();
        while (first > 0 && used + lines.get(first - 1).length() + 1 <= budget) {
            first--;
            used += lines.get(first).length() + 1;
        }
        StringBuilder out = new StringBuilder(header);
        if (first > 0) {
            out.append(String.format(Locale.ROOT, TRANSCRIPT_CUT, first, conversation.number())).append('\n');
        }
        if (first == lines.size() && !lines.isEmpty()) {
            // one message longer than the whole budget: keep its start
            out.append(lines.get(lines.size() - 1), 0, Math.max(0, budget)).append('\n');
        }
        for (int i = first; i < lines.size(); i++) {
            out.append(lines.get(i)).append('\n');
        }
        return out.toString().strip();
    }

    /** @return whether the ticket's description shows the message as one of its lines */
    public boolean describes(Ticket ticket, ConversationMessage m) {
        return (ticket.body() + "\n").contains(line(m) + "\n");
    }

    /** One message as the ticket's description shows it: {@code [Mon 2 Mar 10:02] Thandi Nkosi: text}. */
    private String line(ConversationMessage m) {
        String who = switch (m.author()) {
            case CUSTOMER -> m.authorName();
            case AGENT -> m.authorName() + " (support)";
            case AUTOMATED -> m.authorName() + " (automated)";
        };
        return "[" + time.format(m.at()) + "] " + who + ": " + m.body();
    }
}
