package io.financehub.webhook.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import io.financehub.support.Caller;
import io.financehub.support.ProblemException;
import io.financehub.support.Roles;
import io.financehub.webhook.DeliveryStatus;
import io.financehub.webhook.PluggyEvents;
import io.financehub.webhook.WebhookEvent;
import io.financehub.webhook.service.EventQuery;
import io.financehub.webhook.service.WebhookEventService;
import io.smallrye.mutiny.Uni;

/**
 * The audit trail of what Pluggy sent: a company admin sees the events of their company's items, an operator every
 * event (including those of no company, such as {@code connector/status_updated}).
 */
@Path("/api/banking/webhooks/events")
@RolesAllowed({ Roles.ADMIN, Roles.OPERATOR })
public class WebhookEventResource {

    private final WebhookEventService events;
    private final Caller caller;

    WebhookEventResource(WebhookEventService events, Caller caller) {
        this.events = events;
        this.caller = caller;
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record EventView(UUID id, String eventId, String event, String itemId, UUID companyId, String status,
            Instant receivedAt, Instant publishedAt, int attempts, String error) {

        static EventView of(WebhookEvent e) {
            return new EventView(e.id, e.eventId, e.event, e.itemId, e.companyId, e.status.label(), e.receivedAt,
                    e.publishedAt, e.attempts, e.lastError);
        }
    }

    /** One event with the body exactly as Pluggy sent it. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record EventDetail(UUID id, String eventId, String event, String itemId, UUID companyId,
            String clientUserId, String status, Instant receivedAt, Instant publishedAt, int attempts, String error,
            String body) {

        static EventDetail of(WebhookEvent e) {
            return new EventDetail(e.id, e.eventId, e.event, e.itemId, e.companyId, e.clientUserId, e.status.label(),
                    e.receivedAt, e.publishedAt, e.attempts, e.lastError, e.body);
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record EventPage(List<EventView> results, String nextCursor) {
    }

    /**
     * @param type   an event name, in either spelling ({@code item/created} or {@code item.created})
     * @param status {@code pending}, {@code published} or {@code ignored}
     * @param cursor the {@code next_cursor} of the previous page
     */
    @GET
    public Uni<EventPage> list(@QueryParam("item_id") String itemId, @QueryParam("type") String type,
            @QueryParam("status") String status, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        EventQuery query = new EventQuery(scope(), blankToNull(itemId),
                blankToNull(type) == null ? null : PluggyEvents.normalise(type),
                status(status), cursor(cursor), limit(limit));
        return events.list(query).map(page -> new EventPage(page.events().stream().map(EventView::of).toList(),
                page.next() == null ? null : page.next().encode()));
    }

    @GET
    @Path("/{id}")
    public Uni<EventDetail> get(@PathParam("id") String id) {
        return events.get(uuid(id), scope()).map(EventDetail::of);
    }

    /** Publishes the event once more; 202 with the event, now pending. */
    @POST
    @Path("/{id}/replay")
    public Uni<Response> replay(@PathParam("id") String id) {
        return events.replay(uuid(id), scope(), caller.userId())
                .map(event -> Response.accepted(EventView.of(event)).build());
    }

    private UUID scope() {
        return caller.isOperator() ? null : caller.companyId();
    }

    /** An id that is not a UUID names no event: 404 like any unknown id. */
    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("Webhook event");
        }
    }

    private static DeliveryStatus status(String status) {
        if (blankToNull(status) == null) {
            return null;
        }
        return DeliveryStatus.fromLabel(status).orElseThrow(() -> ProblemException.badRequest("invalid_status",
                "status must be one of pending, published, ignored"));
    }

    private static EventQuery.Cursor cursor(String cursor) {
        if (blankToNull(cursor) == null) {
            return null;
        }
        return EventQuery.Cursor.decode(cursor.strip())
                .orElseThrow(() -> ProblemException.badRequest("invalid_cursor", "cursor is not one this API gave"));
    }

    private static int limit(String limit) {
        if (blankToNull(limit) == null) {
            return EventQuery.DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit.strip());
            if (value >= 1 && value <= EventQuery.MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below, like an out-of-range value
        }
        throw ProblemException.badRequest("invalid_limit", "limit must be a whole number from 1 to "
                + EventQuery.MAX_LIMIT);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
