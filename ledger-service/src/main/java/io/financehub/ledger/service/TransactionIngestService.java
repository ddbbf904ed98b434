package io.financehub.ledger.service;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.financehub.contracts.EventEnvelope;
import io.financehub.contracts.events.TransactionBatch;
import io.financehub.contracts.events.TransactionData;
import io.financehub.ledger.repository.JsonColumns;
import io.financehub.ledger.repository.TransactionIngestRepository;
import io.financehub.ledger.repository.TransactionIngestRepository.Parked;
import io.financehub.ledger.repository.TransactionIngestRepository.Target;
import io.financehub.ledger.repository.TransactionIngestRepository.Unheld;
import io.financehub.ledger.repository.TransactionRows;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Applies batches of banking.transactions, each in one database transaction with one set-based upsert.
 *
 * <p>Idempotent and order-proof without an event log: rows are keyed by Pluggy id; an update older than the stored
 * version (Pluggy's updatedAt) loses; a delete leaves a tombstone, so a create that arrives after its delete, or is
 * replayed, stays deleted. A field the user set (category, notes) is not in the upsert, so a sync never overwrites it.
 *
 * <p>Plan limits: the new rows of a batch ask the company's usage row for a grant in one conditional UPDATE; rows
 * beyond it are not stored but remembered (held_back_transactions) until a later batch carries them again with room in
 * the plan. The usage row is updated after the upsert, so concurrent batches of one company hold its lock only for
 * the end of their transactions.
 */
@ApplicationScoped
public class TransactionIngestService {

    private final Pool pool;
    private final TransactionIngestRepository repository;
    private final JsonColumns json;
    private final ObjectMapper mapper;
    private final LedgerCalendar calendar;
    private final RuleBook ruleBook;
    private final Counter stored;
    private final Counter heldBack;

    TransactionIngestService(Pool pool, TransactionIngestRepository repository, JsonColumns json, ObjectMapper mapper,
            LedgerCalendar calendar, RuleBook ruleBook, MeterRegistry registry) {
        this.pool = pool;
        this.repository = repository;
        this.json = json;
        this.mapper = mapper;
        this.calendar = calendar;
        this.ruleBook = ruleBook;
        this.stored = registry.counter("ledger_transactions_stored_total");
        this.heldBack = registry.counter("ledger_transactions_held_back_total");
    }

    public Uni<IngestOutcome> ingest(EventEnvelope<TransactionBatch> envelope) {
        return pool.withTransaction(conn -> apply(conn, envelope.id(), envelope.companyId(), envelope.payload()))
                // Concurrent batches of one company meet on its rollup rows; PostgreSQL breaks a rare deadlock by
                // failing one transaction, which is simply run again.
                .onFailure(Retryable::deadlockOrSerialization).retry().withBackOff(Duration.ofMillis(20)).atMost(5)
                .call(outcome -> outcome.status() == IngestOutcome.Status.APPLIED
                        ? pairTransfers(envelope.payload()) : Uni.createFrom().voidItem())
                .invoke(outcome -> {
                    stored.increment(outcome.stored());
                    heldBack.increment(outcome.heldBack());
                });
    }

    /**
     * Pairs the batch's unpaired rows with the other side of their transfers, after the batch committed and in a
     * transaction of its own, so that the batch never holds its company's usage row while it looks. The pairings of
     * one company run one at a time (an advisory lock on the company) and each sees every committed row, so the two
     * sides of a transfer arriving in two concurrent batches are paired by whichever comes second. The event's offset
     * is committed only after this too, so a crash before it redelivers the batch and the pairing runs then.
     */
    private Uni<Void> pairTransfers(TransactionBatch batch) {
        String[] ids = batch.upserts().stream().filter(t -> t != null && t.id() != null).map(TransactionData::id)
                .distinct().toArray(String[]::new);
        if (ids.length == 0) {
            return Uni.createFrom().voidItem();
        }
        // Most batches hold no transfer: a read-only look (no lock, nothing to flush at commit) says so first.
        return repository.pairable(pool, ids).flatMap(pairable -> !pairable ? Uni.createFrom().voidItem()
                : pool.withTransaction(conn -> repository.lockCompanyOfAccount(conn, batch.accountId())
                        .flatMap(locked -> repository.pairTransfers(conn, ids)))
                        .onFailure(Retryable::deadlockOrSerialization).retry().withBackOff(Duration.ofMillis(20))
                        .atMost(5)
                        .replaceWithVoid());
    }

    /** Applies, in arrival order, the batches parked for accounts that have now arrived. */
    Uni<Integer> applyParked(SqlConnection conn, String[] pluggyAccountIds) {
        return repository.unpark(conn, pluggyAccountIds)
                .flatMap(parked -> Multi.createFrom().iterable(parked)
                        .onItem().transformToUniAndConcatenate(p -> {
                            TransactionBatch batch = read(p);
                            return batch == null ? Uni.createFrom().item(IngestOutcome.ignored())
                                    : apply(conn, p.eventId(), p.companyId(), batch);
                        })
                        .collect().asList()
                        .map(List::size));
    }

    private Uni<IngestOutcome> apply(SqlConnection conn, UUID eventId, UUID companyId, TransactionBatch batch) {
        PreparedBatch prepared = PreparedBatch.of(batch);
        if (prepared.rejected() > 0) {
            Log.warnf("Batch %s of account %s: %d unreadable rows dropped", eventId, batch.accountId(),
                    prepared.rejected());
        }
        LocalDate month = calendar.currentMonth();
        return repository.target(conn, batch.accountId(), month)
                .flatMap(target -> target != null
                        ? applyTo(conn, target, eventId, companyId, prepared, month)
                        : parkUnlessArrived(conn, eventId, companyId, batch, prepared, month));
    }

    /**
     * The account is unknown: park the batch. The account lock makes "park" and "account arrives, apply what is
     * parked" exclusive, so a batch is never parked just after its account's parked batches were applied.
     */
    private Uni<IngestOutcome> parkUnlessArrived(SqlConnection conn, UUID eventId, UUID companyId,
            TransactionBatch batch, PreparedBatch prepared, LocalDate month) {
        return repository.lockAccount(conn, batch.accountId())
                .flatMap(locked -> repository.target(conn, batch.accountId(), month))
                .flatMap(target -> {
                    if (target != null) {
                        return applyTo(conn, target, eventId, companyId, prepared, month);
                    }
                    Log.infof("Batch %s parked: account %s not known yet", eventId, batch.accountId());
                    return repository.park(conn, eventId, batch.accountId(), companyId, write(batch))
                            .replaceWith(IngestOutcome.parked());
                });
    }

    private Uni<IngestOutcome> applyTo(SqlConnection conn, Target target, UUID eventId, UUID companyId,
            PreparedBatch batch, LocalDate month) {
        if (target.removed()) {
            Log.infof("Batch %s ignored: the item of account %s was removed", eventId, batch.pluggyAccountId());
            return Uni.createFrom().item(IngestOutcome.ignored());
        }
        if (companyId != null && !companyId.equals(target.companyId())) {
            Log.warnf("Batch %s ignored: it names company %s, account %s belongs to another", eventId, companyId,
                    batch.pluggyAccountId());
            return Uni.createFrom().item(IngestOutcome.ignored());
        }
        Uni<Integer> deletions = batch.deletedIds().isEmpty()
                ? Uni.createFrom().item(0)
                : repository.delete(conn, target.accountId(), batch.deletedIds().toArray(String[]::new));
        return deletions.flatMap(deleted -> batch.upserts().isEmpty()
                ? afterStore(conn, target, false, deleted > 0)
                        .replaceWith(new IngestOutcome(IngestOutcome.Status.APPLIED, 0, 0, batch.rejected()))
                : upsert(conn, target, batch, month, deleted > 0));
    }

    private Uni<IngestOutcome> upsert(SqlConnection conn, Target target, PreparedBatch batch, LocalDate month,
            boolean deleted) {
        long limit = target.limit() == null ? Long.MAX_VALUE : target.limit();
        if (batch.upserts().size() <= limit - target.used()) {
            return store(conn, target, batch, month, limit, deleted);
        }
        String[] ids = batch.upserts().stream().map(TransactionData::id).toArray(String[]::new);
        return repository.classify(conn, ids).flatMap(unheld -> {
            Plan plan = Plan.of(batch.upserts(), unheld, target);
            if (plan.rows().isEmpty()) {
                return holdBack(conn, target, plan.heldNow())
                        .flatMap(v -> afterStore(conn, target, false, deleted))
                        .replaceWith(new IngestOutcome(IngestOutcome.Status.APPLIED, 0, plan.heldNow().size(),
                                batch.rejected()));
            }
            TransactionRows rows = new TransactionRows(plan.rows(), "BRL", json);
            return ruleBook.learnPluggyCategories(conn, plan.rows())
                    .flatMap(v -> ruleBook.categorization(conn, target.companyId(), target.rulesVersion()))
                    .flatMap(categorization -> repository.upsert(conn, target.companyId(), target.accountId(), rows,
                            categorization))
                    .flatMap(upserted -> plan.asked().isEmpty()
                            ? Uni.createFrom().item(0)
                            : repository.grant(conn, target.companyId(), month, plan.asked().size(), plan.limit()))
                    .flatMap(granted -> settle(conn, target, plan, granted, batch.rejected(), deleted));
        });
    }

    /**
     * The common case, in one statement: the plan has room for every row of the batch, even were all of them new
     * (unlimited, or below the limit by at least a batch). The usage read by the target row is only a hint, so the
     * grant can still fall short when concurrent batches of the company took the room: then, as in
     * {@link #settle}, the new rows beyond the grant are held back and the stored ones leave the held-back list.
     */
    private Uni<IngestOutcome> store(SqlConnection conn, Target target, PreparedBatch batch, LocalDate month,
            long limit, boolean deleted) {
        TransactionRows rows = new TransactionRows(batch.upserts(), "BRL", json);
        return ruleBook.learnPluggyCategories(conn, batch.upserts())
                .flatMap(v -> ruleBook.categorization(conn, target.companyId(), target.rulesVersion()))
                .flatMap(categorization -> repository.store(conn, target.companyId(), target.accountId(), rows,
                        categorization, month, limit))
                .flatMap(stored -> {
                    List<String> fresh = stored.newIds();
                    int granted = stored.granted();
                    if (granted >= fresh.size()) {
                        return afterStore(conn, target, granted > 0, deleted)
                                .replaceWith(new IngestOutcome(IngestOutcome.Status.APPLIED, granted, 0,
                                        batch.rejected()));
                    }
                    String[] storedIds = fresh.subList(0, granted).toArray(String[]::new);
                    Set<String> beyond = new HashSet<>(fresh.subList(granted, fresh.size()));
                    List<TransactionData> held = batch.upserts().stream().filter(t -> beyond.contains(t.id()))
                            .toList();
                    Uni<Void> release = storedIds.length == 0 ? Uni.createFrom().voidItem()
                            : repository.release(conn, storedIds);
                    return release.flatMap(v -> holdBack(conn, target, held))
                            .flatMap(v -> afterStore(conn, target, storedIds.length > 0, deleted))
                            .replaceWith(new IngestOutcome(IngestOutcome.Status.APPLIED, granted, held.size(),
                                    batch.rejected()));
                });
    }

    /** Moves what the grant did not cover to the held-back list and releases what is now stored. */
    private Uni<IngestOutcome> settle(SqlConnection conn, Target target, Plan plan, int granted, int rejected,
            boolean deleted) {
        List<TransactionData> held = new ArrayList<>(plan.asked().subList(granted, plan.asked().size()));
        held.addAll(plan.heldNow());
        String[] stored = plan.asked().subList(0, granted).stream().map(TransactionData::id).toArray(String[]::new);
        String[] released = Arrays.stream(stored).filter(plan.heldBefore()::contains).toArray(String[]::new);
        Uni<Void> release = released.length == 0 ? Uni.createFrom().voidItem() : repository.release(conn, released);
        return release.flatMap(v -> holdBack(conn, target, held))
                .flatMap(v -> afterStore(conn, target, stored.length > 0, deleted))
                .replaceWith(new IngestOutcome(IngestOutcome.Status.APPLIED, granted, held.size(), rejected));
    }

    /** A re-id'd transaction must stay one, when the batch removed or added rows (see the repository's LINK). */
    private Uni<Void> afterStore(SqlConnection conn, Target target, boolean stored, boolean deleted) {
        if (!stored && !deleted) {
            return Uni.createFrom().voidItem();
        }
        return repository.link(conn, target.accountId()).invoke(links -> {
            if (links > 0) {
                Log.infof("Account %s: %d re-id'd transactions kept as one", target.accountId(), links);
            }
        }).replaceWithVoid();
    }

    private Uni<Void> holdBack(SqlConnection conn, Target target, List<TransactionData> held) {
        if (held.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Log.infof("Plan limit reached for company %s: %d transactions held back", target.companyId(), held.size());
        String[] ids = held.stream().map(TransactionData::id).toArray(String[]::new);
        OffsetDateTime[] dates = held.stream().map(t -> t.date().atOffset(ZoneOffset.UTC))
                .toArray(OffsetDateTime[]::new);
        return repository.holdBack(conn, target.companyId(), target.accountId(), ids, dates);
    }

    private String write(TransactionBatch batch) {
        try {
            return mapper.writeValueAsString(batch);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A batch that was read cannot be written back", e);
        }
    }

    /** The parked batch, or null (logged, and dropped with its row) if it cannot be read back. */
    private TransactionBatch read(Parked parked) {
        try {
            return mapper.readValue(parked.batchJson(), TransactionBatch.class);
        } catch (JsonProcessingException e) {
            Log.errorf("Parked batch %s dropped: unreadable (%s)", parked.eventId(), e.getOriginalMessage());
            return null;
        }
    }

    /**
     * Which rows of a batch go to the upsert.
     *
     * @param rows       stored rows (updates) plus the new rows that ask for a grant, in batch order
     * @param asked      the new rows in the upsert, which the grant may still cut short
     * @param heldNow    new rows held back without asking: the plan had no room left when the batch started
     * @param heldBefore ids that were held back by earlier batches
     * @param limit      the company's monthly limit, Long.MAX_VALUE when unlimited
     */
    private record Plan(List<TransactionData> rows, List<TransactionData> asked, List<TransactionData> heldNow,
            Set<String> heldBefore, long limit) {

        static Plan of(List<TransactionData> upserts, List<Unheld> unheld, Target target) {
            Set<String> notStored = new HashSet<>();
            Set<String> deleted = new HashSet<>();
            Set<String> heldBefore = new HashSet<>();
            for (Unheld u : unheld) {
                notStored.add(u.id());
                if (u.deleted()) {
                    deleted.add(u.id());
                }
                if (u.held()) {
                    heldBefore.add(u.id());
                }
            }
            long limit = target.limit() == null ? Long.MAX_VALUE : target.limit();
            long room = Math.max(0, limit - target.used());
            List<TransactionData> rows = new ArrayList<>(upserts.size());
            List<TransactionData> asked = new ArrayList<>();
            List<TransactionData> heldNow = new ArrayList<>();
            for (TransactionData t : upserts) {
                if (deleted.contains(t.id())) {
                    continue;
                }
                if (!notStored.contains(t.id())) {
                    rows.add(t);
                } else if (asked.size() < room) {
                    rows.add(t);
                    asked.add(t);
                } else {
                    heldNow.add(t);
                }
            }
            return new Plan(rows, asked, heldNow, heldBefore, limit);
        }
    }
}
