package io.financehub.connection.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

import io.financehub.connection.Item;
import io.financehub.connection.repository.EventLogRepository;
import io.financehub.connection.repository.ItemRepository;
import io.financehub.contracts.events.SyncTrigger;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import io.smallrye.mutiny.Uni;

/**
 * The periodic catch-up (daily by default, {@code connection.catch-up.cron}): one sync request per live item, so
 * data a missed webhook announced still arrives. It only reads: it never asks Pluggy to refresh items (PATCH
 * /items), which Pluggy does daily on its own and forbids clients to do in bulk.
 *
 * <p>Every replica fires; the one whose claim of this fire time lands first in PostgreSQL runs it.
 */
@ApplicationScoped
public class CatchUpJob {

    public static final String JOB = "catch-up";

    private final EventLogRepository claims;
    private final ItemRepository items;
    private final SyncRequests requests;

    CatchUpJob(EventLogRepository claims, ItemRepository items, SyncRequests requests) {
        this.claims = claims;
        this.items = items;
        this.requests = requests;
    }

    @Scheduled(identity = JOB, cron = "${connection.catch-up.cron:0 30 3 * * ?}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> onSchedule(ScheduledExecution execution) {
        return run(execution.getScheduledFireTime())
                .invoke(count -> Log.infof(count < 0 ? "Catch-up run claimed by another replica"
                        : "Catch-up requested a sync of %d items", count))
                .replaceWithVoid();
    }

    /** The catch-up of one fire time: the number of items requested, or -1 if another replica ran it. */
    @WithTransaction
    public Uni<Integer> run(Instant fireTime) {
        return claims.claim(JOB, fireTime.truncatedTo(ChronoUnit.SECONDS)).chain(claimed -> {
            if (!claimed) {
                return Uni.createFrom().item(-1);
            }
            return items.listForCatchUp().chain(live -> {
                Uni<Integer> chain = Uni.createFrom().item(0);
                for (Item item : live) {
                    chain = chain.chain(count -> requests
                            .request(item, null, SyncTrigger.SCHEDULE, false, null, null, null)
                            .replaceWith(count + 1));
                }
                return chain;
            });
        });
    }
}
