package io.financehub.ledger.repository;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The rollups are kept by triggers on transactions (see V3__categories_transfers_rollups.sql); this is only for the
 * rare changes a trigger cannot see: a category's type (it decides the flow of all its transactions) and the
 * ledger's time zone (it decides the months).
 */
@ApplicationScoped
public class RollupRepository {

    /** Rebuilds the company's rollups from its transactions, in the caller's transaction. */
    public Uni<Void> rebuild(SqlClient client, java.util.UUID companyId) {
        return client.preparedQuery("SELECT ledger_rebuild_rollups($1)").execute(Tuple.of(companyId))
                .replaceWithVoid();
    }

    /** Records the ledger's zone; if it changed, rebuilds every rollup. Returns whether it changed. */
    public Uni<Boolean> useTimeZone(SqlClient client, String zone) {
        return client.preparedQuery("UPDATE ledger_settings SET time_zone = $1 WHERE time_zone <> $1")
                .execute(Tuple.of(zone))
                .flatMap(rows -> rows.rowCount() == 0 ? Uni.createFrom().item(false)
                        : client.preparedQuery("SELECT ledger_rebuild_rollups(NULL)").execute().replaceWith(true));
    }
}
