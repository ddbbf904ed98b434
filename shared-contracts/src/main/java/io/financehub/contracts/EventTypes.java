package io.financehub.contracts;

import io.financehub.contracts.events.AccountsSnapshot;
import io.financehub.contracts.events.CompanyChanged;
import io.financehub.contracts.events.ItemRemoved;
import io.financehub.contracts.events.ItemStatusChanged;
import io.financehub.contracts.events.PluggyWebhookReceived;
import io.financehub.contracts.events.SyncRequested;
import io.financehub.contracts.events.TransactionBatch;
import java.util.Map;

/** Values of {@link EventEnvelope#type()}. */
public final class EventTypes {

    public static final String WEBHOOK_RECEIVED = "webhook.received";
    public static final String SYNC_REQUESTED = "sync.requested";
    public static final String ITEM_STATUS_CHANGED = "item.status-changed";
    public static final String ACCOUNTS_SNAPSHOT = "accounts.snapshot";
    public static final String ITEM_REMOVED = "item.removed";
    public static final String TRANSACTIONS_BATCH = "transactions.batch";
    public static final String COMPANY_CREATED = "company.created";
    public static final String COMPANY_PLAN_CHANGED = "company.plan-changed";
    public static final String COMPANY_UPDATED = "company.updated";

    /**
     * Payload record of each type. A topic may carry several types ({@code banking.accounts} carries snapshots and
     * removals), so a consumer looks the payload class up by type. Read the payload as that class rather than
     * through a {@code JsonNode}: Jackson's tree model turns 12.30 into 12.3 unless configured not to.
     */
    public static final Map<String, Class<? extends Record>> PAYLOAD_CLASSES = Map.of(
            WEBHOOK_RECEIVED, PluggyWebhookReceived.class,
            SYNC_REQUESTED, SyncRequested.class,
            ITEM_STATUS_CHANGED, ItemStatusChanged.class,
            ACCOUNTS_SNAPSHOT, AccountsSnapshot.class,
            ITEM_REMOVED, ItemRemoved.class,
            TRANSACTIONS_BATCH, TransactionBatch.class,
            COMPANY_CREATED, CompanyChanged.class,
            COMPANY_PLAN_CHANGED, CompanyChanged.class,
            COMPANY_UPDATED, CompanyChanged.class);

    private EventTypes() {
    }
}
