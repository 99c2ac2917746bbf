package za.co.proconnectsa.support.notify;

import za.co.proconnectsa.support.spi.NotificationSender;
import za.co.proconnectsa.support.internal.Checks;

/**
 * The {@link NotificationChannel#EMAIL} sender: hands each notification to the host's {@link EmailGateway}, with the
 * notification's key as the e-mail's idempotency key.
 *
 * <pre>{@code
 * NotificationSender email = EmailNotifications.using(message -> mailer.send(message));
 * }</pre>
 */
public final class EmailNotifications implements NotificationSender {

    private final EmailGateway gateway;

    private EmailNotifications(EmailGateway gateway) {
        this.gateway = gateway;
    }

    /**
     * @param gateway the host's e-mail sending
     * @return the sender
     */
    public static EmailNotifications using(EmailGateway gateway) {
        return new EmailNotifications(Checks.notNull(gateway, "gateway"));
    }

    @Override
    public NotificationChannel channel() {
        return NotificationChannel.EMAIL;
    }

    @Override
    public boolean canReach(RequesterContact contact) {
        return contact.email() != null && !contact.email().isBlank();
    }

    @Override
    public void send(Notification notification, RequesterContact contact) {
        gateway.send(new EmailMessage(contact.email(), notification.subject(), notification.text(),
                notification.locale(), notification.key()));
    }
}
