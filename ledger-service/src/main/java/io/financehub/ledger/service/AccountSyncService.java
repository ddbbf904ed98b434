package io.financehub.ledger.service;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import io.financehub.contracts.EventEnvelope;
import io.financehub.contracts.events.AccountData;
import io.financehub.contracts.events.AccountsSnapshot;
import io.financehub.contracts.events.ItemRemoved;
import io.financehub.contracts.events.RemovalMode;
import io.financehub.ledger.repository.AccountSnapshotRepository;
import io.financehub.ledger.repository.JsonColumns;
import io.financehub.ledger.repository.TransactionIngestRepository;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Applies banking.accounts: snapshots upsert the accounts (newer wins) and release the batches parked for them;
 * removals make the item's accounts final and, in DELETE mode, erase their transactions.
 */
@ApplicationScoped
public class AccountSyncService {

    private final Pool pool;
    private final AccountSnapshotRepository accounts;
    private final TransactionIngestRepository ingestRepository;
    private final TransactionIngestService ingest;
    private final JsonColumns json;

    AccountSyncService(Pool pool, AccountSnapshotRepository accounts, TransactionIngestRepository ingestRepository,
            TransactionIngestService ingest, JsonColumns json) {
        this.pool = pool;
        this.accounts = accounts;
        this.ingestRepository = ingestRepository;
        this.ingest = ingest;
        this.json = json;
    }

    public Uni<Void> applySnapshot(EventEnvelope<AccountsSnapshot> envelope) {
        AccountsSnapshot snapshot = envelope.payload();
        if (envelope.companyId() == null || snapshot.itemId() == null) {
            Log.warnf("Accounts snapshot %s ignored: no company or item", envelope.id());
            return Uni.createFrom().voidItem();
        }
        List<AccountData> readable = snapshot.accounts().stream()
                .filter(Objects::nonNull).filter(a -> a.pluggyAccountId() != null).toList();
        String[] ids = readable.stream().map(AccountData::pluggyAccountId).toArray(String[]::new);
        Instant observedAt = snapshot.observedAt() != null ? snapshot.observedAt() : envelope.occurredAt();
        return pool.withTransaction(conn -> ingestRepository.lockAccounts(conn, ids)
                .flatMap(locked -> accounts.upsert(conn, envelope.companyId(), snapshot.itemId(),
                        snapshot.connectorName(), observedAt, readable, json))
                .flatMap(upserted -> accounts.deactivateMissing(conn, envelope.companyId(), snapshot.itemId(),
                        observedAt, ids)))
                .invoke(() -> applyParkedLater(snapshot.itemId(), ids))
                .replaceWithVoid();
    }

    /**
     * Applies the batches parked for these accounts in a transaction of its own, after the snapshot committed, without
     * holding up banking.accounts: a backlog of parked batches must not delay other items' accounts. Parked rows are
     * deleted only when applied, so a failure here leaves them for the account's next snapshot (every sync sends one).
     */
    private void applyParkedLater(String itemId, String[] ids) {
        pool.withTransaction(conn -> ingestRepository.lockAccounts(conn, ids)
                .flatMap(locked -> ingest.applyParked(conn, ids)))
                .subscribe().with(
                        applied -> {
                            if (applied > 0) {
                                Log.infof("Applied %d parked batches for item %s", applied, itemId);
                            }
                        },
                        failure -> Log.errorf("Parked batches of item %s not applied yet, kept for its next snapshot: %s",
                                itemId, failure.getMessage()));
    }

    public Uni<Void> applyRemoval(EventEnvelope<ItemRemoved> envelope) {
        ItemRemoved removal = envelope.payload();
        if (removal.itemId() == null) {
            Log.warnf("Item removal %s ignored: no item", envelope.id());
            return Uni.createFrom().voidItem();
        }
        RemovalMode mode = removal.mode() == null ? RemovalMode.DELETE : removal.mode();
        Instant removedAt = removal.removedAt() != null ? removal.removedAt() : envelope.occurredAt();
        String[] ids = removal.pluggyAccountIds().stream().filter(Objects::nonNull).toArray(String[]::new);
        return pool.withTransaction(conn -> accounts.remove(conn, envelope.companyId(), removal.itemId(),
                mode.name(), removedAt, ids))
                .invoke(erased -> Log.infof("Item %s removed (%s): %d transactions erased", removal.itemId(), mode,
                        erased))
                .replaceWithVoid();
    }
}
