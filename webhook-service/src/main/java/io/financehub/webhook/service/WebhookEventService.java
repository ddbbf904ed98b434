package io.financehub.webhook.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.financehub.support.ProblemException;
import io.financehub.webhook.DeliveryStatus;
import io.financehub.webhook.OutboxEntry;
import io.financehub.webhook.WebhookEvent;
import io.financehub.webhook.messaging.OutboxRelay;
import io.financehub.webhook.repository.OutboxEntryRepository;
import io.financehub.webhook.repository.WebhookEventRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * The audit of what Pluggy sent, and replays. Every call takes the caller's scope: a company id (an admin sees
 * their company's events) or null (an operator sees all).
 */
@ApplicationScoped
public class WebhookEventService {

    /** A page of the listing; {@code next} is null on the last page. */
    public record EventPage(List<WebhookEvent> events, EventQuery.Cursor next) {
    }

    private final WebhookEventRepository events;
    private final OutboxEntryRepository outbox;
    private final OutboxRelay relay;

    WebhookEventService(WebhookEventRepository events, OutboxEntryRepository outbox, OutboxRelay relay) {
        this.events = events;
        this.outbox = outbox;
        this.relay = relay;
    }

    public Uni<EventPage> list(EventQuery query) {
        return events.list(query).map(found -> {
            if (found.size() <= query.limit()) {
                return new EventPage(found, null);
            }
            List<WebhookEvent> page = found.subList(0, query.limit());
            WebhookEvent last = page.get(page.size() - 1);
            return new EventPage(page, new EventQuery.Cursor(last.receivedAt, last.id));
        });
    }

    public Uni<WebhookEvent> get(UUID id, UUID companyId) {
        return events.findVisible(id, companyId).onItem().ifNull().failWith(() -> notFound());
    }

    /**
     * Publishes an event once more, as a new envelope (new id) so consumers that already applied it apply it again.
     * Only a published event can be replayed: a pending one is already on its way, an ignored one is never
     * forwarded. The transaction is opened here rather than by {@code @WithTransaction} so that the relay is
     * nudged after the commit, when it can see the new row.
     */
    public Uni<WebhookEvent> replay(UUID id, UUID companyId, String by) {
        return Panache.withTransaction(() -> events.lockVisible(id, companyId)
                .onItem().ifNull().failWith(() -> notFound())
                .flatMap(event -> {
                    if (event.status == DeliveryStatus.IGNORED) {
                        throw ProblemException.conflict("not_forwardable",
                                "Events of type " + event.event + " are not forwarded, so they cannot be replayed");
                    }
                    if (event.status == DeliveryStatus.PENDING) {
                        throw ProblemException.conflict("already_pending",
                                "The event is already waiting to be published");
                    }
                    event.status = DeliveryStatus.PENDING;
                    event.lastError = null;
                    return outbox.persist(OutboxEntry.replayOf(event.id, Instant.now())).replaceWith(event);
                }))
                .invoke(event -> {
                    Log.infof("Webhook %s (%s) replayed by %s", event.eventId, event.event, by);
                    relay.nudge();
                });
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("Webhook event");
    }
}
