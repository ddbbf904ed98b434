package io.financehub.sync.service;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.financehub.contracts.events.SyncRequested;

/** One attempt of one run: whose it is, what was asked, and the number of the next batch it publishes. */
public record RunContext(UUID runId, UUID companyId, SyncRequested request, AtomicInteger sequence) {

    public String itemId() {
        return request.itemId();
    }

    public int nextSequence() {
        return sequence.incrementAndGet();
    }
}
