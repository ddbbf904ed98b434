package io.financehub.sandbox.webhook;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

/** Every delivery attempt, newest last, bounded so a long benchmark cannot exhaust memory. */
@ApplicationScoped
public class DeliveryLog {

    private static final int CAPACITY = 20_000;

    private final ConcurrentLinkedDeque<DeliveryAttempt> attempts = new ConcurrentLinkedDeque<>();
    private final AtomicInteger size = new AtomicInteger();

    public void record(DeliveryAttempt attempt) {
        attempts.addLast(attempt);
        if (size.incrementAndGet() > CAPACITY) {
            attempts.pollFirst();
            size.decrementAndGet();
        }
    }

    public List<DeliveryAttempt> find(String eventId, String event, String itemId, String url) {
        List<DeliveryAttempt> out = new ArrayList<>();
        for (DeliveryAttempt a : attempts) {
            if ((eventId == null || eventId.equals(a.eventId())) && (event == null || event.equals(a.event()))
                    && (itemId == null || itemId.equals(a.itemId())) && (url == null || url.equals(a.url()))) {
                out.add(a);
            }
        }
        return out;
    }

    public void clear() {
        attempts.clear();
        size.set(0);
    }
}
