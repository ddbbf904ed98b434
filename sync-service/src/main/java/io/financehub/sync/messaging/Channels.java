package io.financehub.sync.messaging;

/** Channel names of sync-service; application.properties binds each to its topic. */
public final class Channels {

    /** banking.sync-requests, keyed by itemId. */
    public static final String SYNC_REQUESTS = "sync-requests";
    /** banking.item-status, keyed by itemId. */
    public static final String ITEM_STATUS = "item-status";
    /** banking.accounts, keyed by itemId. */
    public static final String ACCOUNTS = "accounts";
    /** banking.transactions, keyed by accountId. */
    public static final String TRANSACTIONS = "transactions";

    private Channels() {
    }
}
