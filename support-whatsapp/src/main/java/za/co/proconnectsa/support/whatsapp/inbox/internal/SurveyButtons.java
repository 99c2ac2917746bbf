package za.co.proconnectsa.support.whatsapp.inbox.internal;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import za.co.proconnectsa.support.whatsapp.cloud.ReplyButton;
import za.co.proconnectsa.support.whatsapp.webhook.InboundMessage;

/**
 * The reply buttons of a satisfaction survey sent inside the 24-hour window: "Good", "Okay" and "Poor" (scores 5, 3
 * and 1). A ticket's survey carries the score and the survey's signed token ({@code csat:5:<token>}): the desk checks
 * the token's signature when the tap comes back. A conversation's survey carries the score and the survey's random id
 * ({@code csatc:5:<uuid>}), which cannot be guessed. Either takes one answer per survey.
 */
public final class SurveyButtons {

    /** How every ticket survey button id starts. */
    static final String PREFIX = "csat:";
    /** How every conversation survey button id starts. */
    static final String CONVERSATION_PREFIX = "csatc:";

    private static final List<Choice> CHOICES = List.of(new Choice(5, "Good"), new Choice(3, "Okay"),
            new Choice(1, "Poor"));

    private SurveyButtons() {
    }

    private record Choice(int score, String title) {
    }

    /**
     * A tapped survey button.
     *
     * @param score        1 to 5
     * @param token        a ticket survey's signed token, or {@code null}
     * @param conversation whether it answers a conversation's survey, whose id {@code token} then holds
     */
    public record Answer(int score, String token, boolean conversation) {

        /** @return the conversation survey's id, when it is one and the id is well formed */
        public Optional<java.util.UUID> surveyId() {
            if (!conversation) {
                return Optional.empty();
            }
            try {
                return Optional.of(java.util.UUID.fromString(token));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }

    /**
     * @param token the survey's signed token
     * @return the three buttons
     */
    public static List<ReplyButton> of(String token) {
        return CHOICES.stream().map(c -> new ReplyButton(PREFIX + c.score() + ":" + token, c.title())).toList();
    }

    /**
     * @param surveyId a conversation survey's id
     * @return the three buttons
     */
    public static List<ReplyButton> ofConversation(java.util.UUID surveyId) {
        return CHOICES.stream().map(c -> new ReplyButton(CONVERSATION_PREFIX + c.score() + ":" + surveyId, c.title()))
                .toList();
    }

    /**
     * @param link a survey's answer link
     * @return its {@code t} parameter, decoded
     */
    public static Optional<String> token(URI link) {
        String query = link == null ? null : link.getRawQuery();
        if (query == null) {
            return Optional.empty();
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith("t=") && pair.length() > 2) {
                return Optional.of(URLDecoder.decode(pair.substring(2), StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }

    /**
     * @param message an inbound message
     * @return the survey answer it is, when it is a tap on one of these buttons
     */
    public static Optional<Answer> answer(InboundMessage message) {
        if (message.type() != InboundMessage.Type.INTERACTIVE || message.reply() == null
                || message.reply().kind() != InboundMessage.InteractiveReply.Kind.BUTTON_REPLY) {
            return Optional.empty();
        }
        String id = message.reply().id();
        boolean conversation = id.startsWith(CONVERSATION_PREFIX);
        String prefix = conversation ? CONVERSATION_PREFIX : PREFIX;
        if (!id.startsWith(prefix) || id.length() < prefix.length() + 3 || id.charAt(prefix.length() + 1) != ':') {
            return Optional.empty();
        }
        int score = id.charAt(prefix.length()) - '0';
        if (score < 1 || score > 5) {
            return Optional.empty();
        }
        return Optional.of(new Answer(score, id.substring(prefix.length() + 2), conversation));
    }
}
