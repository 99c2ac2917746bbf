package za.co.proconnectsa.support.spi;

import java.util.Optional;
import za.co.proconnectsa.support.notify.RequesterContact;

/**
 * The host's answer to "how do I reach this requester?": their e-mail address, WhatsApp number, preferred channel
 * and language. The desk asks when it writes a notification (to choose its channel and language) and the senders ask
 * again when they send (so a changed address is used). Implementations must be fast and must not throw for an
 * unknown requester: return empty.
 */
@FunctionalInterface
public interface RequesterDirectory {

    /**
     * @param requesterId the requester's id in the host
     * @return how to reach them, or empty when the host does not know them
     */
    Optional<RequesterContact> find(String requesterId);
}
