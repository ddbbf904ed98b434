package io.financehub.ledger.repository;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/** The companies read model: a conditional upsert, so a replayed or late event never undoes a newer one. */
@ApplicationScoped
public class CompanyRepository {

    private static final String UPSERT = """
            INSERT INTO companies AS c (id, name, plan, monthly_transaction_limit, changed_at)
            VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (id) DO UPDATE SET name = coalesce(EXCLUDED.name, c.name), plan = EXCLUDED.plan,
                monthly_transaction_limit = EXCLUDED.monthly_transaction_limit, changed_at = EXCLUDED.changed_at
            WHERE EXCLUDED.changed_at >= c.changed_at
            """;

    private final Pool pool;

    CompanyRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<Integer> upsert(UUID id, String name, String plan, Long monthlyLimit, Instant changedAt) {
        return pool.preparedQuery(UPSERT)
                .execute(Tuple.of(id, name, plan, monthlyLimit, changedAt.atOffset(ZoneOffset.UTC)))
                .map(RowSet::rowCount);
    }
}
