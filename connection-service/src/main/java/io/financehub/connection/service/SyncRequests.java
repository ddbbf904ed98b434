package io.financehub.connection.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.financehub.connection.Item;
import io.financehub.connection.config.ConnectionConfig;
import io.financehub.connection.repository.OutboxRepository;
import io.financehub.contracts.EventEnvelope;
import io.financehub.contracts.EventTypes;
import io.financehub.contracts.Topics;
import io.financehub.contracts.events.SyncRequested;
import io.financehub.contracts.events.SyncTrigger;
import io.smallrye.mutiny.Uni;

/**
 * Decides, inside the caller's transaction, whether a sync request is new or the same as one just made, and saves a
 * new one to the outbox (keyed by itemId on banking.sync-requests).
 *
 * <p>Coalescing: a user's request joins any request with the same item, account, window and force made within the
 * coalesce window (repeated clicks). A webhook's or the schedule's joins only one not yet published: once
 * sync-service may have read a request, a newer event needs a newer request or its data could be missed. Requests
 * carrying deleted transaction ids never coalesce: the ids exist nowhere else.
 */
@ApplicationScoped
public class SyncRequests {

    /** What was scheduled: the request id (also the envelope id) and whether it joined an earlier request. */
    public record Scheduled(UUID requestId, boolean coalesced, String itemId, String accountId, boolean force,
            LocalDate fromDate, LocalDate toDate) {
    }

    private final OutboxRepository outbox;
    private final OutboxService writer;
    private final ConnectionConfig config;

    SyncRequests(OutboxRepository outbox, OutboxService writer, ConnectionConfig config) {
        this.outbox = outbox;
        this.writer = writer;
        this.config = config;
    }

    public Uni<Scheduled> request(Item item, String accountId, SyncTrigger trigger, boolean force, LocalDate fromDate,
            LocalDate toDate, List<String> deletedTransactionIds) {
        List<String> deleted = deletedTransactionIds == null ? List.of() : deletedTransactionIds;
        if (!deleted.isEmpty()) {
            return save(item, accountId, trigger, force, fromDate, toDate, deleted, null);
        }
        String key = item.pluggyItemId + "|" + (accountId == null ? "*" : accountId) + "|" + fromDate + "|" + toDate
                + "|" + force;
        Instant since = Instant.now().minus(config.sync().coalesceWindow());
        return outbox.lockKey(key)
                .chain(() -> outbox.latestSince(key, since, trigger != SyncTrigger.USER))
                .chain(existing -> existing != null
                        ? Uni.createFrom().item(new Scheduled(existing.id, true, item.pluggyItemId, accountId, force,
                                fromDate, toDate))
                        : save(item, accountId, trigger, force, fromDate, toDate, deleted, key));
    }

    private Uni<Scheduled> save(Item item, String accountId, SyncTrigger trigger, boolean force, LocalDate fromDate,
            LocalDate toDate, List<String> deleted, String coalesceKey) {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        SyncRequested payload = new SyncRequested(item.pluggyItemId, accountId, trigger, force, fromDate, toDate,
                deleted, now, id);
        EventEnvelope<SyncRequested> envelope = new EventEnvelope<>(id, EventTypes.SYNC_REQUESTED,
                EventEnvelope.CURRENT_VERSION, now, item.companyId, payload);
        return writer.add(Topics.SYNC_REQUESTS, item.pluggyItemId, envelope, coalesceKey)
                .replaceWith(new Scheduled(id, false, item.pluggyItemId, accountId, force, fromDate, toDate));
    }
}
