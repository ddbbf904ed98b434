package io.financehub.ledger.repository;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** The dashboard's figures, read from the rollups the triggers keep: never a scan of transactions. */
@ApplicationScoped
public class DashboardRepository {

    private static final String MONTHS = """
            SELECT r.month, r.flow, r.category_id, r.total, r.count, c.name, c.type
            FROM monthly_rollups r LEFT JOIN categories c ON c.id = r.category_id
            WHERE r.company_id = $1 AND r.month >= $2 AND (r.count <> 0 OR r.total <> 0)
            """;

    private final Pool pool;

    DashboardRepository(Pool pool) {
        this.pool = pool;
    }

    /** Every (month, flow, category) figure of the company from {@code firstMonth} on. */
    public Uni<List<Figure>> figures(UUID companyId, LocalDate firstMonth) {
        return pool.preparedQuery(MONTHS).execute(Tuple.of(companyId, firstMonth)).map(rows -> {
            List<Figure> figures = new ArrayList<>(rows.size());
            for (Row r : rows) {
                // By position, in the order of MONTHS' select list (hundreds of rows per dashboard).
                figures.add(new Figure(r.getLocalDate(0), r.getString(1), r.getUUID(2), r.getString(5),
                        r.getString(6), r.getBigDecimal(3), r.getLong(4)));
            }
            return figures;
        });
    }

    /** @param categoryId the nil uuid for uncategorised */
    public record Figure(LocalDate month, String flow, UUID categoryId, String categoryName, String categoryType,
            BigDecimal total, long count) {
    }
}
