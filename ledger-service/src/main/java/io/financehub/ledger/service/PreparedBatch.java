package io.financehub.ledger.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.financehub.contracts.events.TransactionBatch;
import io.financehub.contracts.events.TransactionData;

/**
 * A batch made safe for the set-based upsert: unreadable rows dropped, one row per Pluggy id (the newest version; an
 * id twice in one INSERT ... ON CONFLICT would fail the statement), and ids the same batch deletes left out.
 */
record PreparedBatch(String pluggyAccountId, List<TransactionData> upserts, List<String> deletedIds, int rejected) {

    private static final BigDecimal MAX_AMOUNT = new BigDecimal("10000000000000"); // numeric(15,2)
    private static final Set<String> TYPES = Set.of("DEBIT", "CREDIT");

    static PreparedBatch of(TransactionBatch batch) {
        Set<String> deleted = new HashSet<>();
        List<String> deletedIds = new ArrayList<>();
        for (String id : batch.deletedIds()) {
            if (id != null && !id.isBlank() && deleted.add(id)) {
                deletedIds.add(id);
            }
        }
        Map<String, TransactionData> newest = new LinkedHashMap<>();
        int rejected = 0;
        for (TransactionData row : batch.upserts()) {
            if (!readable(row, batch.accountId())) {
                rejected++;
            } else if (!deleted.contains(row.id())) {
                newest.merge(row.id(), row, PreparedBatch::newer);
            }
        }
        return new PreparedBatch(batch.accountId(), List.copyOf(newest.values()), deletedIds, rejected);
    }

    private static boolean readable(TransactionData row, String accountId) {
        return row != null && row.id() != null && !row.id().isBlank() && row.date() != null && row.amount() != null
                && row.amount().abs().compareTo(MAX_AMOUNT) < 0 && TYPES.contains(row.type())
                && (row.accountId() == null || row.accountId().equals(accountId));
    }

    private static TransactionData newer(TransactionData before, TransactionData after) {
        Instant a = before.updatedAt();
        Instant b = after.updatedAt();
        return a != null && (b == null || a.isAfter(b)) ? before : after;
    }
}
