package io.financehub.ledger.repository;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Plan usage of a company: its plan, this month's count, and what the limit held back, per account. */
@ApplicationScoped
public class UsageRepository {

    private static final String USAGE = """
            SELECT c.plan, c.monthly_transaction_limit, coalesce(u.used, 0) AS used
            FROM (SELECT $1::uuid AS id) k
            LEFT JOIN companies c ON c.id = k.id
            LEFT JOIN transaction_usage u ON u.company_id = k.id AND u.month = $2
            """;

    private static final String HELD_BACK = """
            SELECT h.account_id, count(*) AS held_back, min(h.date) AS oldest
            FROM held_back_transactions h
            WHERE h.company_id = $1
            GROUP BY h.account_id
            ORDER BY h.account_id
            """;

    private final Pool pool;

    UsageRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<Usage> usage(UUID companyId, LocalDate month) {
        return pool.preparedQuery(USAGE).execute(Tuple.of(companyId, month)).map(rows -> {
            Row row = rows.iterator().next();
            return new Usage(row.getString("plan"), row.getLong("monthly_transaction_limit"), row.getLong("used"));
        });
    }

    public Uni<List<HeldBack>> heldBack(UUID companyId) {
        return pool.preparedQuery(HELD_BACK).execute(Tuple.of(companyId)).map(rows -> {
            List<HeldBack> result = new ArrayList<>(rows.size());
            for (Row row : rows) {
                OffsetDateTime oldest = row.getOffsetDateTime("oldest");
                result.add(new HeldBack(row.getUUID("account_id"), row.getLong("held_back"), oldest));
            }
            return result;
        });
    }

    /** @param plan null when the ledger has not heard of the company yet */
    public record Usage(String plan, Long limit, long used) {
    }

    public record HeldBack(UUID accountId, long count, OffsetDateTime oldest) {
    }
}
