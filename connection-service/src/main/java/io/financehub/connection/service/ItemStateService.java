package io.financehub.connection.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.financehub.connection.Connector;
import io.financehub.connection.Item;
import io.financehub.connection.LinkedAccount;
import io.financehub.connection.crypto.MfaVault;
import io.financehub.connection.messaging.EventMapper;
import io.financehub.connection.repository.AccountRepository;
import io.financehub.connection.repository.ConnectorRepository;
import io.financehub.connection.repository.EventLogRepository;
import io.financehub.connection.repository.ItemRepository;
import io.financehub.contracts.EventEnvelope;
import io.financehub.contracts.EventTypes;
import io.financehub.contracts.Topics;
import io.financehub.contracts.events.ItemRemoved;
import io.financehub.contracts.events.ItemStatusChanged;
import io.financehub.contracts.events.PluggyWebhookReceived;
import io.financehub.contracts.events.RemovalMode;
import io.financehub.contracts.events.SyncTrigger;
import io.financehub.pluggy.model.Account;
import io.financehub.pluggy.model.ConnectorCredential;
import io.financehub.support.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Every change of an item's state, in one place: linking an item fetched from Pluggy (the callback, or the
 * item/created webhook when the callback never came), applying webhooks and sync-service's status events, and
 * removing items. All of it is idempotent and newest-state-wins; events for an item not known yet are parked and
 * replayed when it is linked.
 */
@ApplicationScoped
public class ItemStateService {

    /** Everything the API shows of an item, read inside the session. */
    public record ItemDetails(Item item, Connector connector, List<LinkedAccount> accounts) {
    }

    /** Result of linking: the item, its accounts and the sync request it scheduled. */
    public record Linked(ItemDetails details, SyncRequests.Scheduled sync, boolean created) {
    }

    private static final TypeReference<EventEnvelope<PluggyWebhookReceived>> WEBHOOK = new TypeReference<>() {
    };
    private static final TypeReference<EventEnvelope<ItemStatusChanged>> STATUS = new TypeReference<>() {
    };

    private final ItemRepository items;
    private final AccountRepository accounts;
    private final ConnectorRepository connectors;
    private final EventLogRepository eventLog;
    private final OutboxService outbox;
    private final SyncRequests syncRequests;
    private final MfaVault mfa;
    private final ObjectMapper json;

    ItemStateService(ItemRepository items, AccountRepository accounts, ConnectorRepository connectors,
            EventLogRepository eventLog, OutboxService outbox, SyncRequests syncRequests, MfaVault mfa,
            ObjectMapper json) {
        this.items = items;
        this.accounts = accounts;
        this.connectors = connectors;
        this.eventLog = eventLog;
        this.outbox = outbox;
        this.syncRequests = syncRequests;
        this.mfa = mfa;
        this.json = json;
    }

    // ---- linking an item fetched from Pluggy ----

    /**
     * Stores the item and its accounts as Pluggy reports them now, publishes the accounts and a sync request, and
     * replays events that arrived before the item. Calling it twice, or racing it with the webhook that does the
     * same, leaves one item: the row is created once (unique Pluggy id), everything else is an upsert.
     *
     * @throws ProblemException 404 if the item belongs to another company here
     */
    @WithTransaction
    public Uni<Linked> link(UUID companyId, io.financehub.pluggy.model.Item fetched, List<Account> pluggyAccounts,
            SyncTrigger trigger) {
        Instant observedAt = Instant.now();
        io.financehub.pluggy.model.Connector pluggyConnector = fetched.connector();
        return eventLog.lockItem(fetched.id())
                .chain(() -> connectors.upsertOne(pluggyConnector, write(pluggyConnector.products()),
                        write(pluggyConnector.credentials())))
                .chain(() -> items.insertIfAbsent(UUID.randomUUID(), companyId, fetched.id(), pluggyConnector.id(),
                        fetched.status() == null ? ItemStates.UPDATING : fetched.status(), Instant.EPOCH))
                .chain(created -> items.lockByPluggyId(fetched.id()).chain(item -> {
                    if (!item.companyId.equals(companyId)) {
                        Log.warnf("Item %s is linked to another company; not linking it again", fetched.id());
                        return Uni.createFrom().failure(ProblemException.notFound("Item"));
                    }
                    item.deletedAt = null;
                    applyPluggyState(item, fetched, observedAt);
                    return connectors.findById(pluggyConnector.id())
                            .invoke(connector -> item.connector = connector)
                            .chain(() -> upsertAccounts(item, pluggyAccounts))
                            .call(() -> outbox.add(Topics.ACCOUNTS, item.pluggyItemId,
                                    EventEnvelope.of(EventTypes.ACCOUNTS_SNAPSHOT, item.companyId,
                                            EventMapper.snapshot(item.pluggyItemId, pluggyConnector.name(),
                                                    pluggyAccounts, observedAt)),
                                    null))
                            .chain(linkedAccounts -> syncRequests.request(item, null, trigger, false, null, null, null)
                                    .call(() -> replayParked(item))
                                    .map(sync -> new Linked(new ItemDetails(item, item.connector, linkedAccounts),
                                            sync, created)));
                }));
    }

    private void applyPluggyState(Item item, io.financehub.pluggy.model.Item fetched, Instant observedAt) {
        if (!ItemStates.isNewer(item, observedAt)) {
            return;
        }
        item.status = fetched.status();
        item.executionStatus = fetched.executionStatus();
        if (fetched.error() != null) {
            ItemStates.setError(item, fetched.error().code(), fetched.error().message());
        } else if ("USER_INPUT_TIMEOUT".equals(fetched.executionStatus())) {
            ItemStates.setError(item, "USER_INPUT_TIMEOUT", null);
        } else {
            ItemStates.setError(item, null, null);
        }
        item.statusDetail = fetched.statusDetail() == null ? null : write(fetched.statusDetail());
        item.lastUpdatedAt = fetched.lastUpdatedAt();
        item.nextAutoSyncAt = fetched.nextAutoSyncAt();
        item.consentExpiresAt = fetched.consentExpiresAt();
        if (ItemStates.WAITING_USER_INPUT.equals(fetched.status()) && fetched.parameter() != null) {
            mfa.seal(item, fetched.parameter());
        } else {
            mfa.clear(item);
        }
        touch(item, observedAt);
    }

    /** One statement at a time: a reactive session does not run two at once. */
    private Uni<List<LinkedAccount>> upsertAccounts(Item item, List<Account> pluggyAccounts) {
        List<String> ids = pluggyAccounts.stream().map(Account::id).toList();
        return accounts.listForItem(item.id).chain(existing -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (LinkedAccount gone : existing) {
                if (!ids.contains(gone.pluggyAccountId)) {
                    chain = chain.chain(() -> accounts.delete(gone));
                }
            }
            List<LinkedAccount> linked = new ArrayList<>();
            for (Account a : pluggyAccounts) {
                LinkedAccount row = existing.stream().filter(e -> e.pluggyAccountId.equals(a.id())).findFirst()
                        .orElse(null);
                boolean isNew = row == null;
                LinkedAccount target = isNew ? new LinkedAccount() : row;
                target.pluggyAccountId = a.id();
                target.itemId = item.id;
                target.companyId = item.companyId;
                target.type = a.type();
                target.subtype = a.subtype();
                target.name = a.name();
                target.number = a.number();
                target.balance = EventMapper.money(a.balance());
                target.currencyCode = a.currencyCode();
                target.updatedAt = Instant.now();
                linked.add(target);
                if (isNew) {
                    chain = chain.chain(() -> accounts.persist(target).replaceWithVoid());
                }
            }
            return chain.replaceWith(linked);
        });
    }

    // ---- events ----

    /**
     * Applies one accepted Pluggy webhook, once. {@code prompt} is the MFA prompt read from Pluggy for
     * item/waiting_user_input (the webhook does not carry it), else null.
     */
    @WithTransaction
    public Uni<Void> applyWebhook(EventEnvelope<PluggyWebhookReceived> envelope, ConnectorCredential prompt) {
        PluggyWebhookReceived event = envelope.payload();
        return eventLog.markProcessed(envelope.id()).chain(first -> {
            if (!first) {
                Log.debugf("Webhook event %s already applied", envelope.id());
                return Uni.createFrom().voidItem();
            }
            return eventLog.lockItem(event.itemId()).chain(() -> items.lockByPluggyId(event.itemId())).chain(item -> item == null
                    ? eventLog.park(envelope.id(), event.itemId(), envelope.type(), webhookTime(envelope),
                            write(envelope))
                    : onWebhook(item, envelope, prompt));
        });
    }

    /** Applies one status event of sync-service, once. {@code prompt} as for webhooks, when MFA is required. */
    @WithTransaction
    public Uni<Void> applyStatus(EventEnvelope<ItemStatusChanged> envelope, ConnectorCredential prompt) {
        ItemStatusChanged event = envelope.payload();
        return eventLog.markProcessed(envelope.id()).chain(first -> {
            if (!first) {
                return Uni.createFrom().voidItem();
            }
            return eventLog.lockItem(event.itemId()).chain(() -> items.lockByPluggyId(event.itemId())).chain(item -> item == null
                    ? eventLog.park(envelope.id(), event.itemId(), envelope.type(), statusTime(envelope),
                            write(envelope))
                    : onStatus(item, envelope, prompt));
        });
    }

    private Uni<Void> onWebhook(Item item, EventEnvelope<PluggyWebhookReceived> envelope, ConnectorCredential prompt) {
        if (item.deletedAt != null) {
            return Uni.createFrom().voidItem();
        }
        PluggyWebhookReceived event = envelope.payload();
        Instant at = webhookTime(envelope);
        boolean newer = ItemStates.isNewer(item, at);
        switch (event.event()) {
            case "item/created", "item/updated" -> {
                if (newer) {
                    item.status = ItemStates.UPDATED;
                    item.executionStatus = "SUCCESS";
                    ItemStates.setError(item, null, null);
                    mfa.clear(item);
                    item.lastUpdatedAt = at;
                    touch(item, at);
                }
                return requestSync(item, null, List.of());
            }
            case "item/login_succeeded" -> {
                if (newer) {
                    item.status = ItemStates.UPDATING;
                    ItemStates.setError(item, null, null);
                    mfa.clear(item);
                    touch(item, at);
                }
                return Uni.createFrom().voidItem();
            }
            case "item/error" -> {
                if (newer) {
                    String code = event.error() == null ? null : event.error().code();
                    item.status = ItemStates.statusForError(code);
                    item.executionStatus = code;
                    ItemStates.setError(item, code, event.error() == null ? null : event.error().message());
                    mfa.clear(item);
                    touch(item, at);
                }
                return Uni.createFrom().voidItem();
            }
            case "item/waiting_user_input" -> {
                if (newer) {
                    item.status = ItemStates.WAITING_USER_INPUT;
                    item.executionStatus = ItemStates.WAITING_USER_INPUT;
                    if (prompt != null) {
                        mfa.seal(item, prompt);
                    }
                    touch(item, at);
                }
                return Uni.createFrom().voidItem();
            }
            case "item/waiting_user_action" -> {
                if (newer) {
                    item.status = ItemStates.WAITING_USER_ACTION;
                    item.executionStatus = ItemStates.WAITING_USER_ACTION;
                    touch(item, at);
                }
                return Uni.createFrom().voidItem();
            }
            case "item/deleted" -> {
                // Deleted at Pluggy, not by the user here: keep the history, read-only.
                return remove(item, RemovalMode.ARCHIVE);
            }
            case "transactions/created", "transactions/updated" -> {
                return requestSync(item, event.accountId(), List.of());
            }
            case "transactions/deleted" -> {
                return requestSync(item, event.accountId(), event.transactionIds());
            }
            default -> {
                Log.debugf("Webhook %s needs nothing here", event.event());
                return Uni.createFrom().voidItem();
            }
        }
    }

    private Uni<Void> onStatus(Item item, EventEnvelope<ItemStatusChanged> envelope, ConnectorCredential prompt) {
        ItemStatusChanged event = envelope.payload();
        Instant at = statusTime(envelope);
        if (item.deletedAt != null || !ItemStates.isNewer(item, at)) {
            return Uni.createFrom().voidItem();
        }
        item.status = event.status();
        item.executionStatus = event.executionStatus();
        if (event.errorCode() == null && "USER_INPUT_TIMEOUT".equals(event.executionStatus())) {
            ItemStates.setError(item, "USER_INPUT_TIMEOUT", null);
        } else {
            ItemStates.setError(item, event.errorCode(), event.errorMessage());
        }
        if (ItemStates.WAITING_USER_INPUT.equals(event.status()) || event.mfaRequired()) {
            if (prompt != null) {
                mfa.seal(item, prompt);
            }
        } else {
            mfa.clear(item);
        }
        touch(item, at);
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> requestSync(Item item, String accountId, List<String> deletedTransactionIds) {
        return syncRequests.request(item, accountId, SyncTrigger.WEBHOOK, false, null, null, deletedTransactionIds)
                .replaceWithVoid();
    }

    private Uni<Void> replayParked(Item item) {
        return eventLog.takeParked(item.pluggyItemId).chain(parked -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (EventLogRepository.Parked p : parked) {
                chain = chain.chain(() -> replay(item, p));
            }
            return chain;
        });
    }

    private Uni<Void> replay(Item item, EventLogRepository.Parked parked) {
        Log.debugf("Replaying parked event %s (%s) for item %s", parked.eventId(), parked.eventType(),
                item.pluggyItemId);
        try {
            if (EventTypes.WEBHOOK_RECEIVED.equals(parked.eventType())) {
                return onWebhook(item, json.readValue(parked.envelope(), WEBHOOK), null);
            }
            if (EventTypes.ITEM_STATUS_CHANGED.equals(parked.eventType())) {
                return onStatus(item, json.readValue(parked.envelope(), STATUS), null);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("A parked event could not be read back", e);
        }
        return Uni.createFrom().voidItem();
    }

    /** Pluggy took the MFA answer: the prompt is spent. */
    @WithTransaction
    public Uni<Void> mfaAnswered(UUID itemId, io.financehub.pluggy.model.Item updated) {
        return items.findById(itemId, LockModeType.PESSIMISTIC_WRITE).invoke(item -> {
            mfa.clear(item);
            item.status = updated.status() == null ? ItemStates.UPDATING : updated.status();
            item.executionStatus = updated.executionStatus();
            touch(item, Instant.now());
        }).replaceWithVoid();
    }

    // ---- removal ----

    /**
     * Removes the item here and tells the ledger, on banking.accounts (after the item's snapshots), what to do with
     * its accounts and transactions. The row stays as a tombstone so late events for it are recognised and ignored.
     */
    @WithTransaction
    public Uni<Void> removeForCompany(UUID companyId, UUID itemId, RemovalMode mode) {
        return items.findById(itemId, LockModeType.PESSIMISTIC_WRITE).chain(item -> item == null
                || !item.companyId.equals(companyId)
                || item.deletedAt != null ? Uni.createFrom().failure(ProblemException.notFound("Item"))
                        : remove(item, mode));
    }

    private Uni<Void> remove(Item item, RemovalMode mode) {
        if (item.deletedAt != null) {
            return Uni.createFrom().voidItem();
        }
        Instant now = Instant.now();
        return accounts.listForItem(item.id).chain(linked -> {
            List<String> accountIds = linked.stream().map(a -> a.pluggyAccountId).toList();
            item.deletedAt = now;
            mfa.clear(item);
            touch(item, now);
            return accounts.deleteForItem(item.id)
                    .chain(() -> outbox.add(Topics.ACCOUNTS, item.pluggyItemId,
                            EventEnvelope.of(EventTypes.ITEM_REMOVED, item.companyId,
                                    new ItemRemoved(item.pluggyItemId, accountIds, mode, now)),
                            null))
                    .replaceWithVoid();
        });
    }

    // ---- helpers ----

    private static void touch(Item item, Instant stateAt) {
        if (item.stateAt == null || stateAt.isAfter(item.stateAt)) {
            item.stateAt = stateAt;
        }
        item.updatedAt = Instant.now();
    }

    /** When webhook-service received it; the envelope's time if an older producer did not say. */
    static Instant webhookTime(EventEnvelope<PluggyWebhookReceived> envelope) {
        Instant received = envelope.payload().receivedAt();
        return received != null ? received : envelope.occurredAt();
    }

    static Instant statusTime(EventEnvelope<ItemStatusChanged> envelope) {
        Instant observed = envelope.payload().observedAt();
        return observed != null ? observed : envelope.occurredAt();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not serialise " + value.getClass().getSimpleName(), e);
        }
    }
}
