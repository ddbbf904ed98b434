package io.financehub.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * "Sync this item".
 *
 * @param accountId             one account only, or null for the whole item
 * @param force                 sync even if a recent run covered the window
 * @param fromDate              window start, or null to continue from the sync cursor
 * @param toDate                window end, or null for today
 * @param deletedTransactionIds ids Pluggy reported deleted ({@code transactions/deleted}): they cannot be fetched, only
 *                              forwarded
 * @param requestId             lets sync-service coalesce requests queued for the same item and trace a run to its cause
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SyncRequested(
        String itemId,
        String accountId,
        SyncTrigger trigger,
        boolean force,
        LocalDate fromDate,
        LocalDate toDate,
        List<String> deletedTransactionIds,
        Instant requestedAt,
        UUID requestId) {

    public SyncRequested {
        deletedTransactionIds = deletedTransactionIds == null ? List.of() : List.copyOf(deletedTransactionIds);
    }
}
