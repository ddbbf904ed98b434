package io.financehub.sync.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.financehub.contracts.EventEnvelope;
import io.financehub.contracts.events.SyncRequested;
import io.financehub.support.ProblemException;
import io.financehub.sync.SyncRun;
import io.financehub.sync.SyncRun.Status;
import io.financehub.sync.repository.SyncRunRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Sync runs: opened when a request is taken, finished once, read by the API while they progress. */
@ApplicationScoped
public class SyncRunService {

    /** Longest error text kept on a run. */
    private static final int MAX_ERROR = 500;

    /** The run a request maps to, and whether it still has work to do. */
    public record Opening(SyncRun run, boolean proceed) {
    }

    private final SyncRunRepository runs;

    SyncRunService(SyncRunRepository runs) {
        this.runs = runs;
    }

    public Uni<List<SyncRun>> recent(UUID companyId, String itemId, int limit) {
        return runs.recentForCompany(companyId, itemId, limit);
    }

    /** The company's run; another company's id and an unknown one answer alike. */
    public Uni<SyncRun> get(UUID companyId, UUID id) {
        return runs.findForCompany(companyId, id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Sync run"));
    }

    /**
     * Takes a request: a new one gets a QUEUED run, unless a successful run that started after it was made already
     * covered it (then it is recorded as such and needs nothing more); a redelivered one finds its run, done or not.
     * Every taking counts as an attempt.
     */
    @WithTransaction
    public Uni<Opening> open(EventEnvelope<SyncRequested> envelope) {
        SyncRequested request = envelope.payload();
        return runs.findById(envelope.id()).chain(existing -> {
            if (existing != null) {
                if (existing.status.isFinal()) {
                    return Uni.createFrom().item(new Opening(existing, false));
                }
                existing.attempts++;
                existing.updatedAt = Instant.now();
                return Uni.createFrom().item(new Opening(existing, true));
            }
            SyncRun run = newRun(envelope);
            boolean coalescable = !request.force() && request.fromDate() == null && request.toDate() == null
                    && request.deletedTransactionIds().isEmpty();
            Uni<SyncRun> covering = coalescable
                    ? runs.coveringRun(request.itemId(), request.accountId(), run.requestedAt)
                    : Uni.createFrom().nullItem();
            return covering.chain(cover -> {
                if (cover != null) {
                    Instant now = Instant.now();
                    run.status = Status.SUCCEEDED;
                    run.coveredBy = cover.id;
                    run.itemStatus = cover.itemStatus;
                    run.startedAt = now;
                    run.finishedAt = now;
                }
                return runs.persist(run).map(saved -> new Opening(saved, cover == null));
            });
        });
    }

    /** The item is still being updated at Pluggy: the run waits, queued. */
    @WithTransaction
    public Uni<Void> waiting(UUID id, String itemStatus) {
        return runs.findById(id).invoke(run -> {
            run.itemStatus = itemStatus;
            run.updatedAt = Instant.now();
        }).replaceWithVoid();
    }

    /** Fetching begins; returns the run as it is now (its counters say how far an earlier attempt got). */
    @WithTransaction
    public Uni<SyncRun> start(UUID id, String itemStatus, int accounts) {
        return runs.findById(id).invoke(run -> {
            Instant now = Instant.now();
            run.status = Status.RUNNING;
            run.itemStatus = itemStatus;
            run.accounts = accounts;
            if (run.startedAt == null) {
                run.startedAt = now;
            }
            run.updatedAt = now;
        });
    }

    /** An attempt failed and another follows. */
    @WithTransaction
    public Uni<Void> retrying(UUID id, String error) {
        return runs.findById(id).invoke(run -> {
            run.attempts++;
            run.error = truncate(error);
            run.updatedAt = Instant.now();
        }).replaceWithVoid();
    }

    @WithTransaction
    public Uni<SyncRun> finish(UUID id, Status status, String itemStatus, String errorCode, String error) {
        return runs.findById(id).invoke(run -> {
            Instant now = Instant.now();
            run.status = status;
            if (itemStatus != null) {
                run.itemStatus = itemStatus;
            }
            run.errorCode = errorCode;
            run.error = truncate(error);
            if (run.startedAt == null) {
                run.startedAt = now;
            }
            run.finishedAt = now;
            run.updatedAt = now;
        });
    }

    private static SyncRun newRun(EventEnvelope<SyncRequested> envelope) {
        SyncRequested request = envelope.payload();
        SyncRun run = new SyncRun();
        run.id = envelope.id();
        run.requestId = request.requestId();
        run.companyId = envelope.companyId();
        run.pluggyItemId = request.itemId();
        run.pluggyAccountId = request.accountId();
        run.trigger = request.trigger() == null ? "UNKNOWN" : request.trigger().name();
        run.forced = request.force();
        run.windowFrom = request.fromDate();
        run.windowTo = request.toDate();
        run.status = Status.QUEUED;
        run.attempts = 1;
        run.requestedAt = request.requestedAt() != null ? request.requestedAt() : envelope.occurredAt();
        run.updatedAt = Instant.now();
        return run;
    }

    private static String truncate(String error) {
        return error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR);
    }
}
