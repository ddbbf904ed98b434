package io.financehub.ledger.service;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The filters of GET /transactions/, already validated; null means "not filtered".
 *
 * @param from          first instant included (start of start_date)
 * @param until         first instant excluded (start of the day after end_date)
 * @param searchPattern a LIKE pattern over the folded search text
 */
public record TransactionFilter(UUID accountId, UUID categoryId, OffsetDateTime from, OffsetDateTime until,
        BigDecimal minAmount, BigDecimal maxAmount, String type, String status, String searchPattern) {

    /** Appends " AND ..." conditions on alias t, adding their values to params ($n numbered from params' size). */
    public void appendTo(StringBuilder sql, List<Object> params) {
        condition(sql, params, "t.account_id = ", accountId);
        condition(sql, params, "t.category_id = ", categoryId);
        condition(sql, params, "t.date >= ", from);
        condition(sql, params, "t.date < ", until);
        condition(sql, params, "t.amount >= ", minAmount);
        condition(sql, params, "t.amount <= ", maxAmount);
        condition(sql, params, "t.type = ", type);
        condition(sql, params, "t.status = ", status);
        condition(sql, params, "t.search_text LIKE ", searchPattern);
    }

    private static void condition(StringBuilder sql, List<Object> params, String test, Object value) {
        if (value != null) {
            params.add(value);
            sql.append(" AND ").append(test).append('$').append(params.size());
        }
    }
}
