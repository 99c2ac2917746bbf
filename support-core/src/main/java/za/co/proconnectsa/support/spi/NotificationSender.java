package za.co.proconnectsa.support.spi;

import za.co.proconnectsa.support.notify.Notification;
import za.co.proconnectsa.support.notify.NotificationChannel;
import za.co.proconnectsa.support.notify.RequesterContact;

/**
 * Sends the notifications of one channel. The notification worker calls it inside the unit of work that marks the
 * notification's job done, so a sender that writes through the store (the WhatsApp sender queues a send) commits
 * with that mark.
 *
 * <p>Return normally when the notification was delivered (or handed on to a queue). Throw to have it tried again
 * later with a growing pause; throw {@link za.co.proconnectsa.support.queue.AbandonJobException} when trying again
 * would not help (the receiver refused it for good, the requester cannot be reached on this channel): it is then
 * kept as dead in the delivery log for a person to look at. A sender never logs an address, a secret or a full
 * phone number.
 */
public interface NotificationSender {

    /** @return the channel this sender serves */
    NotificationChannel channel();

    /**
     * @param contact the requester
     * @return whether this sender can reach them (an e-mail sender needs an address); the desk picks the next
     *         channel when not
     */
    default boolean canReach(RequesterContact contact) {
        return true;
    }

    /**
     * @param notification what to send, the same on every attempt (its {@link Notification#key()} is the
     *                     idempotency key to hand to the receiver)
     * @param contact      the requester, as the host's directory knows them now
     */
    void send(Notification notification, RequesterContact contact);
}
