package za.co.proconnectsa.support.notify;

/**
 * The host's way of sending e-mail (SMTP through Jakarta Mail, a mail provider's API). The library builds each
 * message; the host only delivers it.
 */
@FunctionalInterface
public interface EmailGateway {

    /**
     * Sends one e-mail. Throw when it was not accepted: the notification is tried again later. Throw
     * {@link za.co.proconnectsa.support.queue.AbandonJobException} for an address that will never work.
     *
     * @param message the e-mail
     */
    void send(EmailMessage message);
}
