package io.financehub.sandbox.item;

import java.time.Instant;
import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One execution of an item as the control API reports it: what it ended with and what it did to each account. */
@RegisterForReflection
public record ExecutionRecord(String id, String itemId, int number, String triggeredBy, Instant startedAt,
        Instant finishedAt, String status, String executionStatus, List<AccountChanges> accounts) {

    @RegisterForReflection
    public record AccountChanges(String accountId, List<String> createdTransactionIds,
            List<String> updatedTransactionIds, List<String> deletedTransactionIds) {
    }
}
