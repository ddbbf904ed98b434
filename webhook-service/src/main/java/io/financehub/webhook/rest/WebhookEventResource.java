package io.financehub.webhook.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import io.financehub.support.Caller;
import io.financehub.support.Roles;
import io.financehub.webhook.WebhookEvent;
import io.financehub.webhook.service.WebhookEventService;
import io.smallrye.mutiny.Uni;

/** The audit trail of what Pluggy sent about the caller's items. */
@Path("/api/banking/webhooks/events")
@RolesAllowed(Roles.ADMIN)
public class WebhookEventResource {

    private final WebhookEventService events;
    private final Caller caller;

    WebhookEventResource(WebhookEventService events, Caller caller) {
        this.events = events;
        this.caller = caller;
    }

    @GET
    public Uni<List<EventView>> list() {
        return events.recent(caller.companyId()).map(list -> list.stream().map(EventView::of).toList());
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record EventView(UUID id, String eventId, String event, String itemId, Instant receivedAt,
            Instant publishedAt, int attempts, String error) {

        static EventView of(WebhookEvent e) {
            return new EventView(e.id, e.eventId, e.event, e.itemId, e.receivedAt, e.publishedAt, e.attempts,
                    e.lastError);
        }
    }
}
