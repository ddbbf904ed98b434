package io.financehub.ledger.repository;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Re-applies the company's rules and mappings to its history with the same {@link Categorization} the ingest uses.
 * Rows whose category the user chose are never touched.
 */
@ApplicationScoped
public class RuleApplicationRepository {

    private static final String DIFFERS = " AND r.category_source IS DISTINCT FROM 'user'"
            + " AND (r.category_id, r.category_source, r.category_rule_id) IS DISTINCT FROM ("
            + Categorization.CATEGORY + ", " + Categorization.SOURCE + ", " + Categorization.RULE + ")";

    /** How many transactions re-application would change. */
    public Uni<Long> preview(SqlClient client, UUID companyId, Categorization categorization) {
        List<Object> params = new ArrayList<>(List.of(companyId));
        String sql = "SELECT count(*) FROM transactions r" + categorization.joins(2, params)
                + " WHERE r.company_id = $1" + DIFFERS;
        return client.preparedQuery(sql).execute(Tuple.from(params)).map(rows -> rows.iterator().next().getLong(0));
    }

    /**
     * Re-applies to the next {@code size} rows after {@code after} in (date, id) order; returns how many changed and
     * where the next chunk starts (null when done).
     */
    public Uni<Chunk> apply(SqlClient client, UUID companyId, Categorization categorization, Position after,
            int size) {
        List<Object> params = new ArrayList<>(List.of(companyId, after.date(), after.id(), size));
        String sql = "WITH chunk AS (SELECT r.id, r.date, " + Categorization.CATEGORY + " AS category_id, "
                + Categorization.SOURCE + " AS category_source, " + Categorization.RULE + " AS category_rule_id"
                + " FROM transactions r" + categorization.joins(5, params)
                + " WHERE r.company_id = $1 AND (r.date, r.id) > ($2, $3) ORDER BY r.date, r.id LIMIT $4"
                + "), changed AS (UPDATE transactions t SET category_id = c.category_id,"
                + " category_source = c.category_source, category_rule_id = c.category_rule_id, updated_at = now()"
                + " FROM chunk c WHERE t.id = c.id AND t.category_source IS DISTINCT FROM 'user'"
                + " AND (t.category_id, t.category_source, t.category_rule_id)"
                + " IS DISTINCT FROM (c.category_id, c.category_source, c.category_rule_id) RETURNING 1)"
                + " SELECT (SELECT count(*) FROM changed) AS changed, last.date, last.id"
                + " FROM (SELECT 1) one LEFT JOIN LATERAL (SELECT date, id FROM chunk ORDER BY date DESC, id DESC"
                + " LIMIT 1) last ON true";
        return client.preparedQuery(sql).execute(Tuple.from(params)).map(rows -> {
            Row row = rows.iterator().next();
            OffsetDateTime date = row.getOffsetDateTime("date");
            return new Chunk(row.getLong("changed"), date == null ? null : new Position(date, row.getUUID("id")));
        });
    }

    public record Position(OffsetDateTime date, UUID id) {

        public static final Position START = new Position(OffsetDateTime.parse("0001-01-01T00:00:00Z"),
                new UUID(0, 0));
    }

    /** @param next null when the walk is done */
    public record Chunk(long changed, Position next) {
    }
}
