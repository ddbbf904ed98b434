package io.financehub.ledger.messaging;

/** Names of the ledger's Kafka channels; their topics are set in application.properties. */
public final class Channels {

    /** banking.transactions: batches of upserts and deletions, keyed by account. */
    public static final String TRANSACTIONS = "ledger-transactions";
    /** banking.accounts: account snapshots and item removals, keyed by item. */
    public static final String ACCOUNTS = "ledger-accounts";
    /** banking.companies: companies and their plans. */
    public static final String COMPANIES = "ledger-companies";

    private Channels() {
    }
}
