package io.financehub.ledger.service;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.financehub.ledger.repository.RollupRepository;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Tells the database the ledger's time zone, which its rollup triggers use for months; a changed zone rebuilds the
 * rollups (once, by the first instance that starts with it).
 */
@ApplicationScoped
public class LedgerStartup {

    private final Pool pool;
    private final RollupRepository rollups;
    private final LedgerCalendar calendar;

    LedgerStartup(Pool pool, RollupRepository rollups, LedgerCalendar calendar) {
        this.pool = pool;
        this.rollups = rollups;
        this.calendar = calendar;
    }

    void onStart(@Observes StartupEvent event) {
        String zone = calendar.zone().getId();
        boolean changed = pool.withTransaction(conn -> rollups.useTimeZone(conn, zone))
                .await().atMost(Duration.ofMinutes(10));
        if (changed) {
            Log.infof("The ledger's time zone is now %s: rollups rebuilt", zone);
        }
    }
}
