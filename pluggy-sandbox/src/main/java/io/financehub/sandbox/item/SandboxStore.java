package io.financehub.sandbox.item;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.financehub.sandbox.config.SandboxConfig;
import io.financehub.sandbox.data.Det;
import io.financehub.sandbox.data.Ledger;
import io.financehub.sandbox.data.SandboxAccount;
import io.financehub.sandbox.data.Transaction;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * All in-memory state of items and accounts, and the counters every generated id derives from: after a reset the
 * same calls give the same ids.
 */
@ApplicationScoped
public class SandboxStore {

    private final SandboxConfig config;
    private final Map<String, Item> items = new ConcurrentHashMap<>();
    private final Map<String, SandboxAccount> accounts = new ConcurrentHashMap<>();
    private final Map<Integer, SandboxAccount> accountsByKey = new ConcurrentHashMap<>();
    private final AtomicInteger itemOrdinal = new AtomicInteger();
    private final AtomicLong executionOrdinal = new AtomicLong();

    public SandboxStore(SandboxConfig config) {
        this.config = config;
    }

    public int nextItemOrdinal() {
        return itemOrdinal.getAndIncrement();
    }

    public String itemId(int ordinal) {
        return Det.uuid(config.seed(), "item", ordinal).toString();
    }

    public String nextExecutionId() {
        return Det.uuid(config.seed(), "execution", executionOrdinal.getAndIncrement()).toString();
    }

    public void putItem(Item item) {
        items.put(item.id(), item);
    }

    public Optional<Item> item(String id) {
        Item item = items.get(id);
        return item == null || item.isDeleted() ? Optional.empty() : Optional.of(item);
    }

    public Collection<Item> items() {
        return items.values();
    }

    public void removeItem(Item item) {
        items.remove(item.id());
        for (String accountId : item.accountIds()) {
            SandboxAccount account = accounts.remove(accountId);
            if (account != null) {
                accountsByKey.remove(account.spec().key());
            }
        }
    }

    public void putAccount(SandboxAccount account) {
        accounts.put(account.id(), account);
        accountsByKey.put(account.spec().key(), account);
    }

    public Optional<SandboxAccount> account(String id) {
        return Optional.ofNullable(accounts.get(id));
    }

    public List<SandboxAccount> accountsOf(Item item) {
        return item.accountIds().stream().map(accounts::get).filter(a -> a != null).toList();
    }

    /** The account a transaction id belongs to, read from the key embedded in the id. */
    public Optional<SandboxAccount> accountOfTransaction(String transactionId) {
        return Ledger.keyOf(transactionId).map(accountsByKey::get);
    }

    public Optional<Transaction> transaction(String id) {
        return accountOfTransaction(id).flatMap(a -> a.ledger().find(id));
    }

    public void reset() {
        items.clear();
        accounts.clear();
        accountsByKey.clear();
        itemOrdinal.set(0);
        executionOrdinal.set(0);
    }
}
