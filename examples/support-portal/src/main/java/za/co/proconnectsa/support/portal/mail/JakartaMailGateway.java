package za.co.proconnectsa.support.portal.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import za.co.proconnectsa.support.notify.EmailGateway;
import za.co.proconnectsa.support.notify.EmailMessage;
import za.co.proconnectsa.support.queue.AbandonJobException;

/**
 * The desk's {@link EmailGateway} on Spring's {@link JavaMailSender} (Jakarta Mail over SMTP, configured by
 * {@code spring.mail.*}). Each e-mail is plain text in UTF-8; its {@code Message-ID} is made from the notification's
 * idempotency key, so every attempt at one notification carries the same id and a mailbox that receives a retried
 * copy (the server took the first attempt but the worker crashed before marking it sent) treats it as one message.
 */
public final class JakartaMailGateway implements EmailGateway {

    private static final Logger LOG = LoggerFactory.getLogger(JakartaMailGateway.class);

    private final JavaMailSender sender;
    private final InternetAddress from;
    private final String idDomain;

    /**
     * @param sender the configured mail sender
     * @param from   the From address of every e-mail, e.g. {@code ProConnect Support <support@example.co.za>}
     */
    public JakartaMailGateway(JavaMailSender sender, String from) {
        this.sender = Objects.requireNonNull(sender, "sender");
        try {
            this.from = new InternetAddress(Objects.requireNonNull(from, "from"), true);
        } catch (MessagingException e) {
            throw new IllegalArgumentException("portal.mail.from is not an e-mail address", e);
        }
        String address = this.from.getAddress();
        this.idDomain = address.substring(address.indexOf('@') + 1);
    }

    /**
     * @param idempotencyKey a notification's key
     * @return the {@code Message-ID} of every attempt at it
     */
    public String messageId(String idempotencyKey) {
        // a key may hold characters a Message-ID may not ("sha256:..."): keep letters, digits, '.', '-' and '_'
        return "<" + idempotencyKey.replaceAll("[^A-Za-z0-9._-]", "-") + ".support@" + idDomain + ">";
    }

    @Override
    public void send(EmailMessage message) {
        MimeMessage mime = sender.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(mime, false, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(new InternetAddress(message.to(), true));
            helper.setSubject(message.subject());
            helper.setText(message.body(), false);
            mime.setHeader("Content-Language", message.locale().toLanguageTag());
            // JavaMailSender keeps an id set here instead of making a new one
            mime.setHeader("Message-ID", messageId(message.idempotencyKey()));
        } catch (MessagingException e) {
            // an address that does not parse never will
            throw new AbandonJobException("the e-mail could not be built: " + e.getClass().getSimpleName());
        }
        try {
            sender.send(mime);
            LOG.debug("E-mail {} handed to the mail server", message.idempotencyKey());
        } catch (MailException e) {
            if (hasCause(e, SendFailedException.class) && !hasCause(e, java.net.ConnectException.class)) {
                // the server refused the address itself: trying again changes nothing
                throw new AbandonJobException("the mail server refused the address");
            }
            throw e;   // the worker tries again later, with a doubling pause
        }
    }

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
            if (t instanceof org.springframework.mail.MailSendException send) {
                for (Exception nested : send.getFailedMessages().values()) {
                    if (nested != t && hasCause(nested, type)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
