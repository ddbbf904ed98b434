package io.financehub.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.UUID;

/**
 * One page of changes to one account's transactions.
 *
 * <p>Keyed by {@code accountId}, not itemId: the ledger works on the accounts of one item in parallel, while the
 * batches of one account stay in order, so a deletion never overtakes the upsert it cancels.
 *
 * @param accountId Pluggy account id; also the Kafka key
 * @param syncRunId the producing run, or null when not produced by a run
 * @param sequence  page number within the run, from 1
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TransactionBatch(
        String itemId,
        String accountId,
        UUID syncRunId,
        int sequence,
        List<TransactionData> upserts,
        List<String> deletedIds) {

    /**
     * Most upserts (and, separately, deleted ids) in one batch. Equals Pluggy's largest page, so one page is one
     * batch, and keeps a message well under Kafka's default 1 MiB limit.
     */
    public static final int MAX_BATCH_SIZE = 500;

    public TransactionBatch {
        upserts = upserts == null ? List.of() : List.copyOf(upserts);
        deletedIds = deletedIds == null ? List.of() : List.copyOf(deletedIds);
    }
}
