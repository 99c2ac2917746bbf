package za.co.proconnectsa.support.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import za.co.proconnectsa.support.SupportException;
import za.co.proconnectsa.support.notify.Notification;
import za.co.proconnectsa.support.notify.NotificationChannel;
import za.co.proconnectsa.support.notify.RequesterContact;
import za.co.proconnectsa.support.spi.NotificationSender;

/** The contracts' notification sender: keeps what it is given, after failing as many sends as it is told to. */
final class RecordingSender implements NotificationSender {
    private final NotificationChannel channel;
    final List<Notification> sent = new CopyOnWriteArrayList<>();
    final AtomicInteger failuresLeft = new AtomicInteger();

    RecordingSender(NotificationChannel channel) {
        this.channel = channel;
    }

    @Override
    public NotificationChannel channel() {
        return channel;
    }

    @Override
    public void send(Notification notification, RequesterContact contact) {
        if (failuresLeft.getAndDecrement() > 0) {
            throw new SupportException("receiver answered 500");
        }
        sent.add(notification);
    }
}
