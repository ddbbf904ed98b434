package io.financehub.ledger.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.financehub.contracts.events.TransactionData;
import io.financehub.ledger.repository.Categorization;
import io.financehub.ledger.repository.CategoryRepository;
import io.financehub.ledger.repository.CategoryRuleRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;

/**
 * What the ingest needs to categorise a batch without extra queries per batch: each company's rules compiled once per
 * version of its rule set (every instance sees a change through the version the batch's target row carries), and the
 * Pluggy category ids already known, so that only a new one costs a statement.
 */
@ApplicationScoped
public class RuleBook {

    private final CategoryRuleRepository rules;
    private final CategoryRepository categories;
    private final ConcurrentMap<UUID, Compiled> compiled = new ConcurrentHashMap<>();
    private final Set<String> knownPluggyCategories = ConcurrentHashMap.newKeySet();
    private volatile boolean pluggyCategoriesLoaded;

    RuleBook(CategoryRuleRepository rules, CategoryRepository categories) {
        this.rules = rules;
        this.categories = categories;
    }

    /** The company's rules at {@code version}; version 0 means the company never had any. */
    public Uni<Categorization> categorization(SqlClient client, UUID companyId, long version) {
        if (version == 0) {
            return Uni.createFrom().item(Categorization.NO_RULES);
        }
        Compiled cached = compiled.get(companyId);
        if (cached != null && cached.version() == version) {
            return Uni.createFrom().item(cached.categorization());
        }
        return rules.list(client, companyId).map(list -> {
            Categorization categorization = Categorization.of(list);
            compiled.put(companyId, new Compiled(version, categorization));
            return categorization;
        });
    }

    /** Adds the Pluggy categories of {@code rows} the ledger does not hold yet (keeping Pluggy's tree in sync). */
    public Uni<Void> learnPluggyCategories(SqlClient client, List<TransactionData> rows) {
        Uni<Void> loaded = pluggyCategoriesLoaded ? Uni.createFrom().voidItem()
                : categories.pluggyIds(client).invoke(ids -> {
                    knownPluggyCategories.addAll(ids);
                    pluggyCategoriesLoaded = true;
                }).replaceWithVoid();
        return loaded.flatMap(v -> {
            Map<String, String> unknown = new LinkedHashMap<>();
            for (TransactionData row : rows) {
                if (row.categoryId() != null && !row.categoryId().isBlank()
                        && !knownPluggyCategories.contains(row.categoryId())) {
                    unknown.putIfAbsent(row.categoryId(), row.category());
                }
            }
            if (unknown.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            return categories.addPluggyCategories(client, unknown.keySet().toArray(String[]::new),
                    unknown.values().toArray(String[]::new))
                    .invoke(() -> knownPluggyCategories.addAll(unknown.keySet()));
        });
    }

    private record Compiled(long version, Categorization categorization) {
    }
}
