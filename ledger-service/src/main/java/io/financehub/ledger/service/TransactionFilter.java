package io.financehub.ledger.service;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.financehub.ledger.SearchText;

/**
 * The filters of GET /transactions/, already validated; null means "not filtered".
 *
 * @param from       first instant included (start of start_date)
 * @param until      first instant excluded (start of the day after end_date)
 * @param search     the folded search term (see {@link SearchText#fold}), matched anywhere in the search text
 * @param walkRange  test the search term on each row of the date range rather than reading the trigram index: set
 *                   by {@link TransactionService} when the range holds few enough rows
 * @param indexWord  the one word of a several-word search the trigram index is given (a rare word beside common
 *                   ones, see {@link WordFrequencies}), or null for all of them: set by {@link TransactionService}
 */
public record TransactionFilter(UUID accountId, UUID categoryId, OffsetDateTime from, OffsetDateTime until,
        BigDecimal minAmount, BigDecimal maxAmount, String type, String status, String search, boolean walkRange,
        String indexWord) {

    public TransactionFilter(UUID accountId, UUID categoryId, OffsetDateTime from, OffsetDateTime until,
            BigDecimal minAmount, BigDecimal maxAmount, String type, String status, String search) {
        this(accountId, categoryId, from, until, minAmount, maxAmount, type, status, search, false, null);
    }

    /** A search of several words: the only one whose index condition can leave words out. */
    public boolean searchesWords() {
        return search != null && search.indexOf(' ') >= 0;
    }

    /** The trigram index is given only {@code word}, one of the search's words; the phrase is tested on its rows. */
    public TransactionFilter indexingOnly(String word) {
        return new TransactionFilter(accountId, categoryId, from, until, minAmount, maxAmount, type, status, search,
                walkRange, word);
    }

    /** A search within a date range: the only filters for which walking the range can beat the trigram index. */
    public boolean searchesRange() {
        return search != null && (from != null || until != null);
    }

    public TransactionFilter walkingRange() {
        return new TransactionFilter(accountId, categoryId, from, until, minAmount, maxAmount, type, status, search,
                true, indexWord);
    }

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
        if (search == null) {
            return;
        }
        if (walkRange) {
            // Not a condition the trigram index can serve: the planner walks the range's date index and tests rows.
            params.add(search);
            sql.append(" AND strpos(t.search_text, $").append(params.size()).append(") > 0");
            return;
        }
        String words = indexWord != null ? SearchText.containsPattern(indexWord) : SearchText.wordsPattern(search);
        if (words == null) {
            condition(sql, params, "t.search_text LIKE ", SearchText.containsPattern(search));
            return;
        }
        // Several words: the trigram index gets '%w1%w2%', whose trigrams lie inside the words (or '%w2%' alone,
        // when w2 is rare and w1 common: every row with the phrase has w2, and w1's long posting lists are not read).
        // The phrase's own pattern adds the trigrams that span a word's edge (' si', 'ia '), the most frequent ones, which made the
        // index scan 2-3 times slower. The exact phrase is then tested on the candidates; it is written as
        // NOT (... = 0) so that the planner takes it as nearly always true and keeps the LIKE's estimate, which
        // comes from the column's statistics, as the estimate of the search.
        condition(sql, params, "t.search_text LIKE ", words);
        params.add(search);
        sql.append(" AND NOT strpos(t.search_text, $").append(params.size()).append(") = 0");
    }

    private static void condition(StringBuilder sql, List<Object> params, String test, Object value) {
        if (value != null) {
            params.add(value);
            sql.append(" AND ").append(test).append('$').append(params.size());
        }
    }
}
