package io.financehub.contracts;

/**
 * Kafka topic names. Keys, producers, consumers and partition counts are in {@link TopicSpec}.
 */
public final class Topics {

    /** Key: itemId. Every accepted Pluggy webhook, as received. */
    public static final String WEBHOOK_EVENTS = "pluggy.webhook-events";
    /** Key: itemId. */
    public static final String SYNC_REQUESTS = "banking.sync-requests";
    /** Key: itemId. */
    public static final String ITEM_STATUS = "banking.item-status";
    /** Key: itemId. Account snapshots and item removals. */
    public static final String ACCOUNTS = "banking.accounts";
    /** Key: accountId. */
    public static final String TRANSACTIONS = "banking.transactions";
    /** Key: companyId. */
    public static final String COMPANIES = "banking.companies";

    private Topics() {
    }
}
