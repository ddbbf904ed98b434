package io.financehub.ledger.repository;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * What reconciling an account needs: Pluggy's reported balance, the ledger's sum of the account's transactions (kept
 * in account_totals by the rollup triggers), what the plan held back, and the transactions of the account's first day
 * (their running balances give the balance before the first one). Index lookups only; the day-by-day walk that finds
 * when a drift started reads one account's history and is asked for one account at a time.
 */
@ApplicationScoped
public class ReconciliationRepository {

    private static final String FIRST_DAY_END = """
            ((date_trunc('day', (SELECT min(f.date) FROM transactions f WHERE f.account_id = a.id)
                                AT TIME ZONE (SELECT time_zone FROM ledger_settings)) + interval '1 day')
             AT TIME ZONE (SELECT time_zone FROM ledger_settings))""";

    private static final String STATES = """
            SELECT a.id, a.balance, a.balance_date, coalesce(t.total, 0) AS ledger_total, coalesce(t.count, 0) AS count,
                   (SELECT count(*) FROM held_back_transactions h WHERE h.account_id = a.id) AS held_back,
                   first_day.balances, first_day.amounts
            FROM accounts a
            LEFT JOIN account_totals t ON t.account_id = a.id
            LEFT JOIN LATERAL (
                SELECT array_agg(x.balance) AS balances, array_agg(x.amount) AS amounts
                FROM (SELECT d.balance, d.amount FROM transactions d
                      WHERE d.account_id = a.id AND d.date < """ + FIRST_DAY_END + """
                      ORDER BY d.date, d.id LIMIT 5000) x
            ) first_day ON true
            WHERE a.company_id = $1 AND a.removal_mode IS DISTINCT FROM 'DELETE'
            """;

    private static final String DAYS = """
            SELECT (date AT TIME ZONE (SELECT time_zone FROM ledger_settings))::date AS day, sum(amount) AS total,
                   array_agg(balance) FILTER (WHERE balance IS NOT NULL) AS balances
            FROM transactions WHERE account_id = $1
            GROUP BY 1 ORDER BY 1
            """;

    private final Pool pool;

    ReconciliationRepository(Pool pool) {
        this.pool = pool;
    }

    /** Every visible account of the company (optionally one), with what reconciling it needs. */
    public Uni<List<State>> states(UUID companyId, UUID accountId) {
        String sql = accountId == null ? STATES : STATES + " AND a.id = $2";
        Tuple params = accountId == null ? Tuple.of(companyId) : Tuple.of(companyId, accountId);
        return pool.preparedQuery(sql).execute(params).map(rows -> {
            List<State> states = new ArrayList<>(rows.size());
            for (Row r : rows) {
                states.add(new State(r.getUUID("id"), r.getBigDecimal("balance"),
                        CategoryRepository.instant(r, "balance_date"), r.getBigDecimal("ledger_total"),
                        r.getLong("count"), r.getLong("held_back"), list(r.getArrayOfBigDecimals("balances")),
                        list(r.getArrayOfBigDecimals("amounts"))));
            }
            return states;
        });
    }

    /** The account's days in order: each day's sum and the running balances its transactions carry. */
    public Uni<List<Day>> days(UUID accountId) {
        return pool.preparedQuery(DAYS).execute(Tuple.of(accountId)).map(rows -> {
            List<Day> days = new ArrayList<>(rows.size());
            for (Row r : rows) {
                days.add(new Day(r.getLocalDate("day"), r.getBigDecimal("total"),
                        list(r.getArrayOfBigDecimals("balances"))));
            }
            return days;
        });
    }

    private static List<BigDecimal> list(BigDecimal[] values) {
        return values == null ? List.of() : Arrays.asList(values);
    }

    /**
     * @param firstDayBalances the running balances of the first day's transactions (nulls where Pluggy gave none)
     * @param firstDayAmounts  their amounts, in the same order
     */
    public record State(UUID accountId, BigDecimal reportedBalance, java.time.Instant balanceDate,
            BigDecimal ledgerTotal, long count, long heldBack, List<BigDecimal> firstDayBalances,
            List<BigDecimal> firstDayAmounts) {
    }

    public record Day(LocalDate day, BigDecimal total, List<BigDecimal> balances) {
    }
}
