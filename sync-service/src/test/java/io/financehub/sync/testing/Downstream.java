package io.financehub.sync.testing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.core.type.TypeReference;

import io.financehub.contracts.EventEnvelope;
import io.financehub.contracts.EventTypes;

/**
 * What a ledger would hold after applying banking.transactions in order: per account, id → amount (and status),
 * upserts overwriting, deletions removing. It keeps only those few fields, so 100,000 transactions fit in a test.
 */
public final class Downstream {

    /** Only the fields compared: Jackson skips the rest without building it. */
    record Tx(String id, String accountId, BigDecimal amount, String status) {
    }

    record Batch(String itemId, String accountId, UUID syncRunId, List<Tx> upserts, List<String> deletedIds) {
    }

    private static final TypeReference<EventEnvelope<Batch>> BATCH = new TypeReference<>() {
    };

    /** A batch as it came, reduced to what the assertions look at. */
    public record Seen(String key, String accountId, UUID syncRunId, int upserts, List<String> deletedIds) {
    }

    private final Set<String> accounts;
    private final Map<String, Map<String, BigDecimal>> amounts = new HashMap<>();
    private final Map<String, String> statuses = new HashMap<>();
    private final Map<String, Integer> timesUpserted = new HashMap<>();
    private final List<Seen> batches = new ArrayList<>();

    /** Follows only these accounts: other tests and services publish to the same topic. */
    public Downstream(Set<String> accounts) {
        this.accounts = Set.copyOf(accounts);
    }

    public void apply(ConsumerRecord<String, String> record) {
        if (record.key() == null || !accounts.contains(record.key())) {
            return;
        }
        EventEnvelope<Batch> envelope = Broker.read(record.value(), BATCH);
        if (!EventTypes.TRANSACTIONS_BATCH.equals(envelope.type())) {
            return;
        }
        Batch batch = envelope.payload();
        Map<String, BigDecimal> account = amounts.computeIfAbsent(batch.accountId(), ignored -> new HashMap<>());
        for (Tx t : batch.upserts()) {
            if (!batch.accountId().equals(t.accountId())) {
                throw new AssertionError("Transaction " + t.id() + " of " + t.accountId() + " in a batch of "
                        + batch.accountId());
            }
            account.put(t.id(), t.amount());
            statuses.put(t.id(), t.status());
            timesUpserted.merge(t.id(), 1, Integer::sum);
        }
        for (String id : batch.deletedIds()) {
            account.remove(id);
        }
        batches.add(new Seen(record.key(), batch.accountId(), batch.syncRunId(),
                batch.upserts() == null ? 0 : batch.upserts().size(), batch.deletedIds() == null ? List.of()
                        : batch.deletedIds()));
    }

    public Map<String, BigDecimal> account(String accountId) {
        return amounts.getOrDefault(accountId, Map.of());
    }

    public BigDecimal sum(String accountId) {
        return account(accountId).values().stream().reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    public String status(String transactionId) {
        return statuses.get(transactionId);
    }

    public int timesUpserted(String transactionId) {
        return timesUpserted.getOrDefault(transactionId, 0);
    }

    public List<Seen> batches() {
        return batches;
    }

    public List<Seen> batchesOf(UUID runId) {
        return batches.stream().filter(b -> runId.equals(b.syncRunId())).toList();
    }

    public long upsertsOf(UUID runId) {
        return batchesOf(runId).stream().mapToLong(Seen::upserts).sum();
    }

    public List<String> deletedBy(UUID runId) {
        return batchesOf(runId).stream().flatMap(b -> b.deletedIds().stream()).toList();
    }
}
