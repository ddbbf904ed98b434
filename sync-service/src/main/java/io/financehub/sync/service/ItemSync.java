package io.financehub.sync.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import io.financehub.contracts.EventEnvelope;
import io.financehub.contracts.events.ItemStatusChanged;
import io.financehub.contracts.events.SyncRequested;
import io.financehub.pluggy.PluggyApiException;
import io.financehub.pluggy.PluggyClient;
import io.financehub.pluggy.model.Account;
import io.financehub.pluggy.model.Item;
import io.financehub.sync.SyncRun;
import io.financehub.sync.SyncRun.Status;
import io.financehub.sync.config.SyncConfig;
import io.financehub.sync.messaging.EventMapper;
import io.financehub.sync.messaging.EventPublisher;
import io.financehub.sync.repository.ScanStateRepository;
import io.financehub.sync.repository.ScanStateRepository.KnownId;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Syncs one item for one request: reads the item at Pluggy first, stops with a status event when the user must act
 * or Pluggy failed, waits on a timer while Pluggy is still collecting, and otherwise publishes the accounts and scans
 * each account's transactions.
 *
 * <p>An attempt that fails (Pluggy still failing after the client's own retries, Kafka, the database, a page that
 * cannot be read) is repeated after a backoff, resuming from the saved cursors, up to {@code sync.retry.max-attempts}
 * in all, counted across redeliveries. Then the run fails, a status event says so, and the returned Uni fails: the
 * consumer sends the request to the dead-letter topic and moves on.
 */
@ApplicationScoped
public class ItemSync {

    private final PluggyClient pluggy;
    private final SyncRunService runs;
    private final AccountScanner scanner;
    private final EventPublisher publisher;
    private final ScanStateRepository state;
    private final SyncMetrics metrics;
    private final SyncConfig config;

    ItemSync(PluggyClient pluggy, SyncRunService runs, AccountScanner scanner, EventPublisher publisher,
            ScanStateRepository state, SyncMetrics metrics, SyncConfig config) {
        this.pluggy = pluggy;
        this.runs = runs;
        this.scanner = scanner;
        this.publisher = publisher;
        this.state = state;
        this.metrics = metrics;
        this.config = config;
    }

    /** Completes when the request is dealt with; fails only when it is given up (dead-letter it). */
    public Uni<Void> handle(EventEnvelope<SyncRequested> envelope) {
        long started = System.nanoTime();
        return runs.open(envelope).chain(opening -> {
            SyncRun run = opening.run();
            if (!opening.proceed()) {
                String outcome = run.coveredBy != null ? "covered" : "duplicate";
                Log.debugf("Sync request %s needs no work (%s)", envelope.id(), outcome);
                metrics.run(outcome, 0);
                return Uni.createFrom().voidItem();
            }
            RunContext context = new RunContext(run.id, envelope.companyId(), envelope.payload(),
                    new AtomicInteger(run.pages));
            return attempt(context, run.attempts, new Observed())
                    .invoke(status -> metrics.run(status.name().toLowerCase(), System.nanoTime() - started))
                    .replaceWithVoid();
        });
    }

    /** What this delivery has seen of the item, for the status event of a failure. */
    private static final class Observed {
        private Item item;
    }

    private Uni<Status> attempt(RunContext run, int attempt, Observed observed) {
        if (attempt > config.retry().maxAttempts()) {
            return giveUp(run, observed, new IllegalStateException(
                    "Given up after " + config.retry().maxAttempts() + " attempts"));
        }
        return once(run, observed)
                .ifNoItem().after(config.attemptTimeout()).fail()
                .onFailure().recoverWithUni(failure -> {
                    if (attempt >= config.retry().maxAttempts()) {
                        return giveUp(run, observed, failure);
                    }
                    Log.warnf("Sync of item %s, attempt %d of %d failed: %s; retrying in %s", run.itemId(), attempt,
                            config.retry().maxAttempts(), failure.toString(), config.retry().backoff());
                    return runs.retrying(run.runId(), failure.toString())
                            .onItem().delayIt().by(config.retry().backoff())
                            .chain(() -> attempt(run, attempt + 1, observed));
                });
    }

    private Uni<Status> giveUp(RunContext run, Observed observed, Throwable failure) {
        Log.errorf("Sync of item %s (run %s) failed for good: %s", run.itemId(), run.runId(), failure.toString());
        Item item = observed.item;
        Uni<Void> status = item == null ? Uni.createFrom().voidItem()
                : publisher.itemStatus(EventMapper.status(run.companyId(), new ItemStatusChanged(item.id(),
                        item.status(), item.executionStatus(), "SYNC_FAILED", "The sync failed: " + failure.getMessage(),
                        false, false, true, run.runId(), Instant.now())));
        return runs.finish(run.runId(), Status.FAILED, item == null ? null : item.status(), "SYNC_FAILED",
                failure.toString())
                .chain(() -> status)
                .invoke(() -> metrics.run("dead_lettered", 0))
                .chain(() -> Uni.createFrom().failure(failure));
    }

    private Uni<Status> once(RunContext run, Observed observed) {
        return forwardDeletions(run)
                .chain(() -> readItem(run, observed, Duration.ZERO, config.updating().initialBackoff()));
    }

    private Uni<Status> readItem(RunContext run, Observed observed, Duration waited, Duration backoff) {
        return metrics.pluggy("item", pluggy.item(run.itemId()))
                .onFailure(ItemSync::itemGone).recoverWithNull()
                .chain(item -> {
                    if (item == null) {
                        return runs.finish(run.runId(), Status.FAILED, null, "ITEM_NOT_FOUND",
                                "Pluggy does not know item " + run.itemId()).map(ignored -> Status.FAILED);
                    }
                    observed.item = item;
                    if (!belongsToCompany(item, run.companyId())) {
                        Log.warnf("Item %s belongs to client user %s, not to company %s: not synced", item.id(),
                                item.clientUserId(), run.companyId());
                        return runs.finish(run.runId(), Status.FAILED, item.status(), "ITEM_OF_ANOTHER_COMPANY",
                                "The item was connected by another company").map(ignored -> Status.FAILED);
                    }
                    ItemVerdict verdict = ItemVerdict.of(item);
                    return switch (verdict.action()) {
                        case SYNC -> sync(run, item);
                        case STOP -> stop(run, item, verdict);
                        case WAIT -> waitForPluggy(run, observed, item, waited, backoff);
                    };
                });
    }

    private Uni<Status> waitForPluggy(RunContext run, Observed observed, Item item, Duration waited,
            Duration backoff) {
        Duration maxWait = config.updating().maxWait();
        if (waited.compareTo(maxWait) >= 0) {
            ItemVerdict stillUpdating = new ItemVerdict(ItemVerdict.Action.STOP, Status.FAILED, "ITEM_STILL_UPDATING",
                    "Pluggy was still updating the item after " + maxWait, false, false, true);
            return stop(run, item, stillUpdating);
        }
        Duration delay = backoff.compareTo(maxWait.minus(waited)) > 0 ? maxWait.minus(waited) : backoff;
        Duration nextBackoff = backoff.multipliedBy(2).compareTo(config.updating().maxBackoff()) > 0
                ? config.updating().maxBackoff() : backoff.multipliedBy(2);
        Log.debugf("Item %s is %s at Pluggy: asking again in %s", item.id(), item.status(), delay);
        // A timer, not a sleeping thread: the consumer's other partitions keep flowing meanwhile.
        return runs.waiting(run.runId(), item.status())
                .onItem().delayIt().by(delay)
                .chain(() -> readItem(run, observed, waited.plus(delay), nextBackoff));
    }

    private Uni<Status> stop(RunContext run, Item item, ItemVerdict verdict) {
        Log.infof("Item %s is %s/%s at Pluggy: not synced (%s)", item.id(), item.status(), item.executionStatus(),
                verdict.errorCode());
        return publisher.itemStatus(EventMapper.status(run.companyId(), verdict.event(item, run.runId())))
                .chain(() -> runs.finish(run.runId(), verdict.runStatus(), item.status(), verdict.errorCode(),
                        verdict.errorMessage()))
                .map(ignored -> verdict.runStatus());
    }

    private Uni<Status> sync(RunContext run, Item item) {
        String onlyAccount = run.request().accountId();
        ItemVerdict ok = ItemVerdict.of(item);
        return publisher.itemStatus(EventMapper.status(run.companyId(), ok.event(item, run.runId())))
                .chain(() -> metrics.pluggy("accounts", pluggy.accounts(item.id())))
                .chain(accounts -> {
                    List<Account> chosen = onlyAccount == null ? accounts
                            : accounts.stream().filter(a -> onlyAccount.equals(a.id())).toList();
                    if (chosen.isEmpty() && onlyAccount != null) {
                        return publisher.accounts(EventMapper.accounts(run.companyId(), item, accounts))
                                .chain(() -> runs.finish(run.runId(), Status.FAILED, item.status(),
                                        "ACCOUNT_NOT_FOUND", "Pluggy does not list account " + onlyAccount
                                                + " under item " + item.id()))
                                .map(ignored -> Status.FAILED);
                    }
                    return publisher.accounts(EventMapper.accounts(run.companyId(), item, accounts))
                            .chain(() -> runs.start(run.runId(), item.status(), chosen.size()))
                            .chain(() -> scanAll(run, chosen))
                            .chain(() -> runs.finish(run.runId(), Status.SUCCEEDED, item.status(), null, null))
                            .map(ignored -> Status.SUCCEEDED);
                });
    }

    /** One account after another: Pluggy's rate limit is per client, so parallel accounts would only queue. */
    private Uni<Void> scanAll(RunContext run, List<Account> accounts) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Account account : accounts) {
            chain = chain.chain(() -> scanner.scan(run, account.id()));
        }
        return chain;
    }

    /**
     * transactions/deleted: Pluggy no longer serves these ids, so they are forwarded as deletions, under the account
     * the webhook named or, without one, under the account each was published for.
     */
    private Uni<Void> forwardDeletions(RunContext run) {
        List<String> ids = run.request().deletedTransactionIds();
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String accountId = run.request().accountId();
        Uni<Map<String, List<String>>> byAccount = accountId != null
                ? Uni.createFrom().item(Map.of(accountId, ids))
                : state.locate(run.itemId(), ids).map(ItemSync::groupByAccount);
        return byAccount.chain(groups -> {
            if (groups.isEmpty()) {
                Log.infof("None of the %d deleted ids of item %s was ever published: nothing to forward", ids.size(),
                        run.itemId());
            }
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Map.Entry<String, List<String>> group : groups.entrySet()) {
                List<String> all = group.getValue();
                for (int from = 0; from < all.size(); from += 500) {
                    List<String> chunk = List.copyOf(all.subList(from, Math.min(all.size(), from + 500)));
                    chain = chain.chain(() -> publisher.transactions(EventMapper.deletions(run.companyId(),
                            run.itemId(), group.getKey(), run.runId(), run.nextSequence(), chunk)))
                            .chain(() -> state.deletionsDelivered(run.runId(), group.getKey(), chunk))
                            .invoke(() -> metrics.deletions(chunk.size()));
                }
            }
            return chain;
        });
    }

    private static Map<String, List<String>> groupByAccount(List<KnownId> known) {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (KnownId k : known) {
            groups.computeIfAbsent(k.accountId(), ignored -> new ArrayList<>()).add(k.id());
        }
        return groups;
    }

    /** Pluggy's clientUserId is the company id for items connected through this suite; other values are not ours. */
    private static boolean belongsToCompany(Item item, UUID companyId) {
        String owner = item.clientUserId();
        if (owner == null || owner.isBlank()) {
            return true;
        }
        try {
            return UUID.fromString(owner).equals(companyId);
        } catch (IllegalArgumentException notAnId) {
            return true;
        }
    }

    private static boolean itemGone(Throwable failure) {
        return failure instanceof PluggyApiException api && api.isNotFound();
    }
}
