package io.financehub.webhook.messaging;

import java.time.Instant;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.financehub.webhook.config.OutboxConfig;
import io.financehub.webhook.repository.OutboxStore;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Deletes outbox rows published longer ago than the retention period, in bounded chunks so a large backlog of old
 * rows never holds one long transaction. The webhook events stay: they are the audit trail.
 */
@ApplicationScoped
public class OutboxPruner {

    private static final int CHUNK = 5_000;

    private final OutboxStore store;
    private final OutboxConfig config;

    OutboxPruner(OutboxStore store, OutboxConfig config) {
        this.store = store;
        this.config = config;
    }

    @Scheduled(every = "${webhook.outbox.prune-interval}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> prune() {
        return pruneOlderThan(Instant.now().minus(config.retention()))
                .invoke(deleted -> {
                    if (deleted > 0) {
                        Log.infof("Pruned %d published outbox rows older than %s", deleted, config.retention());
                    }
                })
                .replaceWithVoid();
    }

    /** @return the rows deleted */
    public Uni<Integer> pruneOlderThan(Instant cutoff) {
        return store.prune(cutoff, CHUNK)
                .repeat().whilst(deleted -> deleted == CHUNK)
                .collect().with(Collectors.summingInt(Integer::intValue));
    }
}
