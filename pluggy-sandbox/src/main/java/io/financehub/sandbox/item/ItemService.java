package io.financehub.sandbox.item;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.financehub.sandbox.api.PluggyException;
import io.financehub.sandbox.auth.Caller;
import io.financehub.sandbox.config.JsonCustomizer;
import io.financehub.sandbox.config.SandboxConfig;
import io.financehub.sandbox.data.AccountFactory;
import io.financehub.sandbox.data.AccountKind;
import io.financehub.sandbox.data.Connector;
import io.financehub.sandbox.data.Connector.Credential;
import io.financehub.sandbox.data.Connector.LoginRule;
import io.financehub.sandbox.data.ConnectorCatalog;
import io.financehub.sandbox.data.Ledger;
import io.financehub.sandbox.data.SandboxAccount;
import io.financehub.sandbox.item.ExecutionRecord.AccountChanges;
import io.financehub.sandbox.item.ItemView.ExecutionError;
import io.financehub.sandbox.item.ItemView.ProductState;
import io.financehub.sandbox.item.ItemView.StatusDetail;
import io.financehub.sandbox.item.ItemView.Warning;
import io.financehub.sandbox.webhook.WebhookService;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Items and their status machine. An execution moves through Pluggy's steps on Vert.x timers (one configurable step
 * each): LOGIN_IN_PROGRESS, then WAITING_USER_INPUT for MFA connectors, then ACCOUNTS_IN_PROGRESS,
 * TRANSACTIONS_IN_PROGRESS, and ends UPDATED (SUCCESS or PARTIAL_SUCCESS), LOGIN_ERROR or OUTDATED, firing the
 * webhooks Pluggy fires at each point. Every transition happens under the item's monitor and checks that its
 * execution is still the current one, so a timer of an abandoned execution does nothing.
 */
@ApplicationScoped
public class ItemService {

    public static final String MFA_TOKEN = "123456";
    private static final String PASSWORD_OK = "password-ok";

    /** What an update execution (PATCH with an empty body, or a scheduled one) does to each account by default. */
    public record Evolution(int add, int change, int reId, int delete, boolean postPending) {
        public static final Evolution DEFAULT = new Evolution(3, 1, 1, 1, true);
    }

    private final SandboxConfig config;
    private final SandboxStore store;
    private final ConnectorCatalog connectors;
    private final AccountFactory accounts;
    private final WebhookService webhooks;
    private final Vertx vertx;

    public ItemService(SandboxConfig config, SandboxStore store, ConnectorCatalog connectors, AccountFactory accounts,
            WebhookService webhooks, Vertx vertx) {
        this.config = config;
        this.store = store;
        this.connectors = connectors;
        this.accounts = accounts;
        this.webhooks = webhooks;
        this.vertx = vertx;
    }

    // ------------------------------------------------------------------ reads

    public ItemView view(Item item) {
        return item.snapshot(connectors.find(item.connectorId).orElseThrow());
    }

    /** The item, if the caller may see it: a connect token sees only items it created or was issued for. */
    public Item visible(String id, Caller caller) {
        Item item = store.item(id).orElseThrow(() -> PluggyException.notFound("Item", id));
        if (caller.isConnectToken() && !id.equals(caller.itemId()) && !caller.tokenId().equals(item.createdByToken())) {
            throw PluggyException.forbidden("This connect token cannot access item " + id);
        }
        return item;
    }

    // ------------------------------------------------------------------ create / update / mfa / delete

    public ItemView create(int connectorId, Map<String, String> parameters, String webhookUrl, String clientUserId,
            List<String> products, boolean avoidDuplicates, Caller caller) {
        Connector connector = connectors.find(connectorId)
                .orElseThrow(() -> PluggyException.notFound("Connector", String.valueOf(connectorId)));
        requireOnline(connector);
        requireParameters(connector, parameters);
        String userId = caller.isConnectToken() ? caller.clientUserId() : clientUserId;
        String hookUrl = caller.isConnectToken() && caller.webhookUrl() != null ? caller.webhookUrl() : webhookUrl;
        if (avoidDuplicates || caller.avoidDuplicates()) {
            for (Item other : store.items()) {
                synchronized (other) {
                    if (!other.deleted && other.connectorId == connectorId && userId != null
                            && userId.equals(other.clientUserId) && parameters.equals(other.parameters)) {
                        throw new PluggyException(409, "ITEM_DUPLICATED",
                                "An item with these credentials already exists for this user: " + other.id);
                    }
                }
            }
        }
        int ordinal = store.nextItemOrdinal();
        Item item = new Item(store.itemId(ordinal), connectorId, Instant.now(),
                caller.isConnectToken() ? caller.tokenId() : null);
        synchronized (item) {
            item.parameters = Map.copyOf(parameters);
            item.webhookUrl = hookUrl;
            item.clientUserId = userId;
            item.products = products == null || products.isEmpty() ? connector.products() : List.copyOf(products);
            item.ordinal = ordinal;
            store.putItem(item);
            startExecution(item, caller.isConnectToken() ? "USER" : "CLIENT");
        }
        return view(item);
    }

    public ItemView update(String id, Map<String, String> parameters, String webhookUrl, String clientUserId,
            Caller caller) {
        Item item = visible(id, caller);
        Connector connector = connectors.find(item.connectorId).orElseThrow();
        requireOnline(connector);
        synchronized (item) {
            if (inProgress(item)) {
                throw PluggyException.badRequest("ITEM_IS_ALREADY_UPDATING",
                        "An update is already in progress, wait until the last execution ends");
            }
            if (parameters != null && !parameters.isEmpty()) {
                Map<String, String> merged = new HashMap<>(item.parameters);
                merged.putAll(parameters);
                item.parameters = Map.copyOf(merged);
            }
            if (webhookUrl != null) {
                item.webhookUrl = webhookUrl;
            }
            if (clientUserId != null && !caller.isConnectToken()) {
                item.clientUserId = clientUserId;
            }
            startExecution(item, caller.isConnectToken() ? "USER" : "CLIENT");
        }
        return view(item);
    }

    public ItemView mfa(String id, Map<String, String> answer, Caller caller) {
        Item item = visible(id, caller);
        synchronized (item) {
            if (!"WAITING_USER_INPUT".equals(item.status) || item.parameter == null) {
                throw PluggyException.badRequest("ITEM_NOT_WAITING_USER_INPUT",
                        "Item " + id + " is not waiting for user input");
            }
            String name = item.parameter.name();
            String value = answer == null ? null : answer.get(name);
            if (value == null && answer != null && answer.size() == 1) {
                value = answer.values().iterator().next();
            }
            cancelUserInputTimer(item);
            item.parameter = null;
            item.status = "UPDATING";
            item.executionStatus = "LOGIN_MFA_IN_PROGRESS";
            item.updatedAt = Instant.now();
            String given = value;
            int execution = item.executionNumber;
            later(item, execution, config.timings().step(), it -> afterMfa(it, given));
        }
        return view(item);
    }

    public void delete(String id, Caller caller) {
        Item item = visible(id, caller);
        if (caller.isConnectToken()) {
            throw PluggyException.forbidden("A connect token cannot delete items");
        }
        String userId;
        String hookUrl;
        synchronized (item) {
            item.deleted = true;
            item.executionNumber++;
            cancelUserInputTimer(item);
            userId = item.clientUserId;
            hookUrl = item.webhookUrl;
        }
        store.removeItem(item);
        webhooks.publish("item/deleted", item.id, "CLIENT", userId, hookUrl, Map.of());
    }

    private static boolean inProgress(Item item) {
        return "UPDATING".equals(item.status) || "WAITING_USER_INPUT".equals(item.status);
    }

    private static void requireOnline(Connector connector) {
        if ("OFFLINE".equals(connector.health().status())) {
            throw PluggyException.badRequest("CONNECTOR_OFFLINE",
                    "Connector " + connector.name() + " is offline, try again later");
        }
    }

    private static void requireParameters(Connector connector, Map<String, String> parameters) {
        for (Credential c : connector.credentials()) {
            if (Boolean.TRUE.equals(c.mfa()) || Boolean.TRUE.equals(c.optional())) {
                continue;
            }
            String value = parameters == null ? null : parameters.get(c.name());
            if (value == null || value.isBlank()) {
                throw PluggyException.badRequest("PARAMETER_VALIDATION_ERROR",
                        "Parameter " + c.name() + " is required");
            }
        }
    }

    // ------------------------------------------------------------------ the status machine

    /** Must hold the item's monitor. */
    private void startExecution(Item item, String triggeredBy) {
        item.executionNumber++;
        item.mfaStep = 0;
        item.triggeredBy = triggeredBy;
        item.status = "UPDATING";
        item.executionStatus = "LOGIN_IN_PROGRESS";
        item.error = null;
        item.statusDetail = null;
        item.parameter = null;
        item.executionStartedAt = Instant.now();
        item.updatedAt = item.executionStartedAt;
        later(item, item.executionNumber, config.timings().step(), this::afterLogin);
    }

    private void later(Item item, int execution, Duration delay, Consumer<Item> step) {
        vertx.setTimer(Math.max(1, delay.toMillis()), id -> {
            synchronized (item) {
                if (item.deleted || item.executionNumber != execution) {
                    return;
                }
                step.accept(item);
            }
        });
    }

    private void afterLogin(Item item) {
        Connector connector = connectors.find(item.connectorId).orElseThrow();
        LoginOutcome outcome = judge(connector, item.parameters);
        if (!outcome.isSuccess()) {
            fail(item, outcome);
            return;
        }
        item.outcome = outcome;
        if (connector.login() == LoginRule.MFA_ONE_STEP || connector.login() == LoginRule.MFA_TWO_STEPS) {
            askUserInput(item, ConnectorCatalog.MFA_TOKEN);
            return;
        }
        loggedIn(item);
    }

    private LoginOutcome judge(Connector connector, Map<String, String> p) {
        return switch (connector.login()) {
            case ANY -> p.values().stream().allMatch(v -> v != null && !v.isBlank()) ? LoginOutcome.OK
                    : LoginOutcome.INVALID_CREDENTIALS;
            case OPEN_FINANCE -> p.getOrDefault("cpf", "").replaceAll("\\D", "").length() == 11 ? LoginOutcome.OK
                    : LoginOutcome.INVALID_CREDENTIALS;
            default -> PASSWORD_OK.equals(p.get("password")) ? LoginOutcome.forUser(p.get("user"))
                    : LoginOutcome.INVALID_CREDENTIALS;
        };
    }

    private void askUserInput(Item item, Credential prompt) {
        Instant expires = Instant.now().plus(config.timings().userInputTimeout());
        item.mfaStep++;
        item.status = "WAITING_USER_INPUT";
        item.executionStatus = "WAITING_USER_INPUT";
        item.parameter = prompt.withExpiresAt(expires);
        item.updatedAt = Instant.now();
        int execution = item.executionNumber;
        int step = item.mfaStep;
        item.userInputTimer = vertx.setTimer(Math.max(1, config.timings().userInputTimeout().toMillis()), id -> {
            synchronized (item) {
                if (!item.deleted && item.executionNumber == execution && item.mfaStep == step
                        && "WAITING_USER_INPUT".equals(item.status)) {
                    item.parameter = null;
                    fail(item, LoginOutcome.USER_INPUT_TIMEOUT);
                }
            }
        });
        publish(item, "item/waiting_user_input", Map.of());
    }

    private void cancelUserInputTimer(Item item) {
        if (item.userInputTimer >= 0) {
            vertx.cancelTimer(item.userInputTimer);
            item.userInputTimer = -1;
        }
    }

    private void afterMfa(Item item, String answer) {
        if (!MFA_TOKEN.equals(answer)) {
            fail(item, LoginOutcome.INVALID_CREDENTIALS_MFA);
            return;
        }
        Connector connector = connectors.find(item.connectorId).orElseThrow();
        if (connector.login() == LoginRule.MFA_TWO_STEPS && item.mfaStep < 2) {
            askUserInput(item, ConnectorCatalog.MFA_SECOND_TOKEN);
            return;
        }
        loggedIn(item);
    }

    private void loggedIn(Item item) {
        item.consecutiveFailedLoginAttempts = 0;
        item.status = "UPDATING";
        item.executionStatus = "ACCOUNTS_IN_PROGRESS";
        item.updatedAt = Instant.now();
        publish(item, "item/login_succeeded", Map.of());
        later(item, item.executionNumber, config.timings().step(), this::collectAccounts);
    }

    private void collectAccounts(Item item) {
        if (item.accountIds.isEmpty()) {
            createAccounts(item, item.outcome, accounts.seed(), accounts.defaultFromMillis(),
                    accounts.defaultToMillis(),
                    (long) config.defaultTransactionsPerAccount() * item.outcome.transactionMultiplier(), null);
        }
        item.executionStatus = "TRANSACTIONS_IN_PROGRESS";
        item.updatedAt = Instant.now();
        later(item, item.executionNumber, config.timings().step(), it -> finish(it, Evolution.DEFAULT));
    }

    /** Must hold the item's monitor. {@code kinds} null: the connector's. */
    void createAccounts(Item item, LoginOutcome outcome, long seed, long from, long to, long perAccount,
            List<AccountKind> kinds) {
        Connector connector = connectors.find(item.connectorId).orElseThrow();
        List<AccountKind> chosen = kinds != null ? kinds : connector.accountKinds();
        Instant now = Instant.now();
        int index = 0;
        for (AccountKind kind : chosen) {
            if (outcome.accountsFail() && !kind.isCredit()) {
                index++;
                continue;
            }
            SandboxAccount account = accounts.create(seed, item.id, item.ordinal, index++, kind, perAccount, from, to,
                    connector.isOpenFinance(), now);
            store.putAccount(account);
            item.accountIds.add(account.id());
        }
    }

    private void finish(Item item, Evolution evolution) {
        Instant now = Instant.now();
        List<AccountChanges> changes = new ArrayList<>();
        boolean first = !item.everSucceeded;
        if (!first) {
            changes = evolveAccounts(item, evolution, now);
        }
        LoginOutcome outcome = item.outcome;
        item.status = "UPDATED";
        item.executionStatus = outcome.executionStatus();
        item.error = null;
        item.parameter = null;
        item.lastUpdatedAt = now;
        item.updatedAt = now;
        item.nextAutoSyncAt = now.plus(Duration.ofDays(1));
        Connector connector = connectors.find(item.connectorId).orElseThrow();
        if (connector.isOpenFinance() && item.consentExpiresAt == null) {
            item.consentExpiresAt = now.plus(Duration.ofDays(365));
        }
        item.statusDetail = statusDetail(outcome, now);
        item.everSucceeded = true;
        item.executions.add(new ExecutionRecord(store.nextExecutionId(), item.id, item.executionNumber,
                item.triggeredBy, item.executionStartedAt, now, item.status, item.executionStatus, changes));
        publish(item, first ? "item/created" : "item/updated", Map.of());
        publishTransactionEvents(item, changes, item.executionStartedAt);
    }

    private static StatusDetail statusDetail(LoginOutcome outcome, Instant now) {
        if (!outcome.accountsFail() && !outcome.accountsWarning()) {
            return null;
        }
        ProductState ok = new ProductState(true, now, List.of());
        ProductState accounts = outcome.accountsFail() ? new ProductState(false, null, List.of())
                : new ProductState(true, now, List.of(new Warning("001",
                        "Some accounts could not be fully collected", "Conta temporariamente indisponível")));
        return new StatusDetail(accounts, ok, ok, null, null, null, null, null, null);
    }

    private List<AccountChanges> evolveAccounts(Item item, Evolution e, Instant now) {
        List<AccountChanges> changes = new ArrayList<>();
        for (SandboxAccount account : store.accountsOf(item)) {
            Ledger.Changes c = account.ledger().evolve(item.executionNumber, e.add(), e.change(), e.reId(),
                    e.delete(), now, e.postPending());
            changes.add(new AccountChanges(account.id(), c.created(), c.updated(), c.deleted()));
        }
        return changes;
    }

    private void publishTransactionEvents(Item item, List<AccountChanges> changes, Instant createdAtFrom) {
        for (AccountChanges c : changes) {
            if (!c.createdTransactionIds().isEmpty()) {
                String from = JsonCustomizer.format(createdAtFrom);
                Map<String, Object> fields = new LinkedHashMap<>();
                fields.put("accountId", c.accountId());
                fields.put("transactionsCreatedAtFrom", from);
                fields.put("createdTransactionsLink", config.publicUrl() + "/v2/transactions?accountId="
                        + c.accountId() + "&createdAtFrom=" + from);
                publish(item, "transactions/created", fields);
            }
            if (!c.updatedTransactionIds().isEmpty()) {
                publish(item, "transactions/updated", Map.of("accountId", c.accountId(), "clientId",
                        config.clientId(), "transactionIds", c.updatedTransactionIds()));
            }
            if (!c.deletedTransactionIds().isEmpty()) {
                publish(item, "transactions/deleted", Map.of("accountId", c.accountId(), "clientId",
                        config.clientId(), "transactionIds", c.deletedTransactionIds()));
            }
        }
    }

    private void fail(Item item, LoginOutcome outcome) {
        Instant now = Instant.now();
        cancelUserInputTimer(item);
        item.status = outcome.itemStatus();
        item.executionStatus = outcome.executionStatus();
        item.error = new ExecutionError(outcome.executionStatus(), outcome.message(), outcome.providerMessage(), null);
        item.updatedAt = now;
        if ("INVALID_CREDENTIALS".equals(outcome.executionStatus())
                || "INVALID_CREDENTIALS_MFA".equals(outcome.executionStatus())) {
            item.consecutiveFailedLoginAttempts++;
        }
        item.executions.add(new ExecutionRecord(store.nextExecutionId(), item.id, item.executionNumber,
                item.triggeredBy, item.executionStartedAt, now, item.status, item.executionStatus, List.of()));
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", outcome.executionStatus());
        error.put("message", outcome.message());
        publish(item, "item/error", Map.of("error", error));
    }

    private void publish(Item item, String event, Map<String, Object> fields) {
        webhooks.publish(event, item.id, item.triggeredBy, item.clientUserId, item.webhookUrl, fields);
    }

    // ------------------------------------------------------------------ control API

    /** Runs an execution at once (no timers): the bank's data evolves and the webhooks fire. */
    public ExecutionRecord runExecution(String itemId, Evolution evolution, String triggeredBy) {
        Item item = store.item(itemId).orElseThrow(() -> PluggyException.notFound("Item", itemId));
        synchronized (item) {
            if (inProgress(item)) {
                throw new PluggyException(409, "ITEM_IS_ALREADY_UPDATING", "Item " + itemId + " is updating");
            }
            if (!item.everSucceeded) {
                throw new PluggyException(409, "ITEM_NEVER_CONNECTED",
                        "Item " + itemId + " has never connected successfully");
            }
            item.executionNumber++;
            item.triggeredBy = triggeredBy;
            item.executionStartedAt = Instant.now();
            if (item.outcome == null) {
                item.outcome = LoginOutcome.OK;
            }
            finish(item, evolution);
            return item.executions.get(item.executions.size() - 1);
        }
    }

    /** An item already connected, with the given accounts and history: the control API's scenarios. */
    public Item createConnected(int connectorId, String clientUserId, String webhookUrl, List<AccountKind> kinds,
            long transactionsPerAccount, long fromMillis, long toMillis, Long seed) {
        Connector connector = connectors.find(connectorId)
                .orElseThrow(() -> PluggyException.notFound("Connector", String.valueOf(connectorId)));
        int ordinal = store.nextItemOrdinal();
        Item item = new Item(store.itemId(ordinal), connectorId, Instant.now(), null);
        synchronized (item) {
            item.ordinal = ordinal;
            item.parameters = Map.of("user", "user-ok", "password", PASSWORD_OK);
            item.clientUserId = clientUserId;
            item.webhookUrl = webhookUrl;
            item.products = connector.products();
            item.outcome = LoginOutcome.OK;
            item.triggeredBy = "CLIENT";
            item.executionNumber = 1;
            item.executionStartedAt = Instant.now();
            createAccounts(item, LoginOutcome.OK, seed == null ? accounts.seed() : seed, fromMillis, toMillis,
                    transactionsPerAccount,
                    kinds == null || kinds.isEmpty() ? connector.accountKinds() : kinds);
            store.putItem(item);
            finish(item, Evolution.DEFAULT);
        }
        return item;
    }

    public long defaultFromMillis() {
        return accounts.defaultFromMillis();
    }

    public long defaultToMillis() {
        return accounts.defaultToMillis();
    }
}
