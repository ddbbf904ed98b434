package io.financehub.contracts;

import java.util.Arrays;
import java.util.List;

/**
 * The topic table in one place: which record field is the Kafka key, who writes, who reads, how many partitions,
 * and which envelope types travel on the topic.
 *
 * <p>Keying by itemId serialises all work on one item inside a consumer group, so two syncs of the same item never
 * run at once without any lock. Work topics have 12 partitions so a consumer group can scale to 12 replicas;
 * company events are rare, so 3 are plenty.
 */
public enum TopicSpec {

    WEBHOOK_EVENTS(Topics.WEBHOOK_EVENTS, "itemId",
            List.of("webhook-service"), List.of("connection-service"), 12,
            List.of(EventTypes.WEBHOOK_RECEIVED)),
    SYNC_REQUESTS(Topics.SYNC_REQUESTS, "itemId",
            List.of("connection-service"), List.of("sync-service"), 12,
            List.of(EventTypes.SYNC_REQUESTED)),
    ITEM_STATUS(Topics.ITEM_STATUS, "itemId",
            List.of("sync-service"), List.of("connection-service"), 12,
            List.of(EventTypes.ITEM_STATUS_CHANGED)),
    ACCOUNTS(Topics.ACCOUNTS, "itemId",
            List.of("sync-service", "connection-service"), List.of("ledger-service", "connection-service"), 12,
            List.of(EventTypes.ACCOUNTS_SNAPSHOT, EventTypes.ITEM_REMOVED)),
    /** Keyed by accountId, not itemId: see {@link io.financehub.contracts.events.TransactionBatch}. */
    TRANSACTIONS(Topics.TRANSACTIONS, "accountId",
            List.of("sync-service"), List.of("ledger-service"), 12,
            List.of(EventTypes.TRANSACTIONS_BATCH)),
    COMPANIES(Topics.COMPANIES, "companyId",
            List.of("gateway-service"), List.of("ledger-service"), 3,
            List.of(EventTypes.COMPANY_CREATED, EventTypes.COMPANY_PLAN_CHANGED, EventTypes.COMPANY_UPDATED));

    private final String topic;
    private final String keyField;
    private final List<String> producers;
    private final List<String> consumers;
    private final int partitions;
    private final List<String> eventTypes;

    TopicSpec(String topic, String keyField, List<String> producers, List<String> consumers, int partitions,
            List<String> eventTypes) {
        this.topic = topic;
        this.keyField = keyField;
        this.producers = producers;
        this.consumers = consumers;
        this.partitions = partitions;
        this.eventTypes = eventTypes;
    }

    public static TopicSpec forTopic(String topic) {
        return Arrays.stream(values())
                .filter(spec -> spec.topic.equals(topic))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown topic: " + topic));
    }

    public String topic() {
        return topic;
    }

    /** Name of the payload field whose value is the record key. */
    public String keyField() {
        return keyField;
    }

    public List<String> producers() {
        return producers;
    }

    public List<String> consumers() {
        return consumers;
    }

    public int partitions() {
        return partitions;
    }

    public List<String> eventTypes() {
        return eventTypes;
    }
}
