package io.financehub.connection.messaging;

/** Kafka channel names of this service (topics in application.properties, from {@code Topics}). */
public final class Channels {

    /** banking.sync-requests, written only by {@link OutboxRelay}. */
    public static final String SYNC_REQUESTS_OUT = "sync-requests-out";
    /** banking.accounts (account snapshots, item removals), written only by {@link OutboxRelay}. */
    public static final String ACCOUNTS_OUT = "accounts-out";
    /** pluggy.webhook-events. */
    public static final String WEBHOOK_EVENTS_IN = "webhook-events-in";
    /** banking.item-status. */
    public static final String ITEM_STATUS_IN = "item-status-in";

    private Channels() {
    }
}
