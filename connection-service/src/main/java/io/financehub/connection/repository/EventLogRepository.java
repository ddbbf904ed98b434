package io.financehub.connection.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;


import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Which events were applied (Kafka redelivers) and which wait for their item (parked). */
@ApplicationScoped
public class EventLogRepository {

    /** A parked event, oldest first when replayed. */
    public record Parked(UUID eventId, String eventType, Instant eventAt, String envelope) {
    }

    /**
     * Serialises everything done to one Pluggy item until the transaction ends, including "not known yet → park",
     * so an event parked while the callback links the item can never be missed by both.
     */
    public Uni<Void> lockItem(String pluggyItemId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "SELECT 1 FROM pg_advisory_xact_lock(hashtextextended(:key, 0))", Integer.class)
                .setParameter("key", "item:" + pluggyItemId)
                .getSingleResult())
                .replaceWithVoid();
    }

    /** True the first time an event id is seen; false on every redelivery. Joins the caller's transaction. */
    public Uni<Boolean> markProcessed(UUID eventId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "INSERT INTO processed_events (event_id) VALUES (:id) ON CONFLICT DO NOTHING")
                .setParameter("id", eventId)
                .executeUpdate())
                .map(rows -> rows == 1);
    }

    public Uni<Void> park(UUID eventId, String pluggyItemId, String eventType, Instant eventAt, String envelope) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "INSERT INTO parked_events (event_id, pluggy_item_id, event_type, event_at, envelope)"
                        + " VALUES (:id, :item, :type, :at, :envelope) ON CONFLICT DO NOTHING")
                .setParameter("id", eventId)
                .setParameter("item", pluggyItemId)
                .setParameter("type", eventType)
                .setParameter("at", eventAt)
                .setParameter("envelope", envelope)
                .executeUpdate())
                .replaceWithVoid();
    }

    /** Takes the item's parked events out, oldest first; they are gone once the caller's transaction commits. */
    public Uni<List<Parked>> takeParked(String pluggyItemId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "SELECT event_id, event_type, event_at, envelope FROM parked_events WHERE pluggy_item_id = :item"
                        + " ORDER BY event_at, event_id FOR UPDATE",
                Object[].class)
                .setParameter("item", pluggyItemId)
                .getResultList()
                .chain(rows -> {
                    List<Parked> parked = rows.stream()
                            .map(r -> new Parked((UUID) r[0], (String) r[1], instant(r[2]), (String) r[3]))
                            .toList();
                    if (parked.isEmpty()) {
                        return Uni.createFrom().item(parked);
                    }
                    return session.createNativeQuery("DELETE FROM parked_events WHERE pluggy_item_id = :item")
                            .setParameter("item", pluggyItemId)
                            .executeUpdate()
                            .replaceWith(parked);
                }));
    }

    public Uni<Long> countParked(String pluggyItemId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "SELECT count(*) FROM parked_events WHERE pluggy_item_id = :item", Long.class)
                .setParameter("item", pluggyItemId)
                .getSingleResult());
    }

    /** True for the one replica whose claim of this run of {@code job} lands first. */
    public Uni<Boolean> claim(String job, Instant fireTime) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "INSERT INTO schedule_claims (job, fire_time) VALUES (:job, :fire) ON CONFLICT DO NOTHING")
                .setParameter("job", job)
                .setParameter("fire", fireTime)
                .executeUpdate())
                .map(rows -> rows == 1);
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.time.LocalDateTime l) {
            return l.toInstant(java.time.ZoneOffset.UTC);
        }
        throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
    }

}
