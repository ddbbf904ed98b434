package io.financehub.sync.service;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import io.financehub.contracts.events.SyncRequested;
import io.financehub.pluggy.model.TransactionFilter;
import io.financehub.sync.repository.ScanStateRepository.Cursor;
import io.financehub.sync.repository.ScanStateRepository.Scope;

/**
 * What one account's scan asks Pluggy for, which known transactions it answers for (those of its scope it does not
 * see are deleted), and whether it moves the account's high-water mark.
 *
 * @param key the query in a stable text form: an unfinished scan is resumed only by a scan with the same key
 */
public record ScanPlan(TransactionFilter filter, Scope scope, boolean advancesMark, String key) {

    /**
     * A window when the request has one (dates are UTC days, both ends inclusive, as Pluggy's dateFrom/dateTo);
     * otherwise everything created since the mark minus the overlap; otherwise (first sync) everything.
     */
    public static ScanPlan of(SyncRequested request, Cursor cursor, Duration overlap) {
        LocalDate from = request.fromDate();
        LocalDate to = request.toDate();
        if (from != null || to != null) {
            Scope scope = new Scope(null, startOf(from), to == null ? null : startOf(to.plusDays(1)));
            // Without an upper bound the window holds every transaction created since, whatever its date.
            return new ScanPlan(TransactionFilter.window(from, to), scope, to == null, "window|" + from + "|" + to);
        }
        if (cursor != null && cursor.createdAtMark() != null) {
            Instant since = cursor.createdAtMark().minus(overlap);
            return new ScanPlan(TransactionFilter.createdSince(since), new Scope(since, null, null), true,
                    "since|" + since);
        }
        return new ScanPlan(TransactionFilter.ALL, Scope.ALL, true, "all");
    }

    private static Instant startOf(LocalDate day) {
        return day == null ? null : day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
