package io.financehub.connection.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.financehub.connection.OutboxMessage;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** The write side of the outbox, inside the caller's transaction. The relay reads it with the SQL client. */
@ApplicationScoped
@WithSession
public class OutboxRepository implements PanacheRepositoryBase<OutboxMessage, UUID> {

    /**
     * Serialises coalescing decisions on one key until the transaction ends, so two clicks racing each other do not
     * both find "nothing pending" and both insert.
     */
    public Uni<Void> lockKey(String coalesceKey) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "SELECT 1 FROM pg_advisory_xact_lock(hashtextextended(:key, 0))", Integer.class)
                .setParameter("key", coalesceKey)
                .getSingleResult())
                .replaceWithVoid();
    }

    /** The latest request with this key made since {@code since}; only unpublished ones if {@code pendingOnly}. */
    public Uni<OutboxMessage> latestSince(String coalesceKey, Instant since, boolean pendingOnly) {
        return find("coalesceKey = ?1 and createdAt >= ?2" + (pendingOnly ? " and publishedAt is null" : "")
                + " order by createdAt desc", coalesceKey, since).firstResult();
    }
}
