package io.financehub.ledger.service;

import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.financehub.ledger.Account;
import io.financehub.ledger.Category;
import io.financehub.ledger.LedgerTransaction;
import io.financehub.ledger.repository.AccountRepository;
import io.financehub.ledger.repository.CategoryRepository;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/** A filtered list of transactions to export, streamed page by page, with the names its rows refer to. */
@ApplicationScoped
public class ExportService {

    static final int PAGE = 1_000;

    private final TransactionService transactions;
    private final AccountRepository accounts;
    private final CategoryRepository categories;
    private final Pool pool;

    ExportService(TransactionService transactions, AccountRepository accounts, CategoryRepository categories,
            Pool pool) {
        this.transactions = transactions;
        this.accounts = accounts;
        this.categories = categories;
        this.pool = pool;
    }

    public Uni<Export> export(UUID companyId, TransactionFilter filter, Ordering ordering) {
        return Uni.combine().all().unis(accounts.listForCompany(companyId, null, null),
                categories.list(pool, companyId, null))
                .with((accountList, categoryList) -> new Export(
                        accountList.stream().collect(Collectors.toMap(a -> a.id, Account::displayName)),
                        categoryList.stream().collect(Collectors.toMap(Category::id, Function.identity())),
                        transactions.stream(companyId, filter, ordering, PAGE)));
    }

    /** @param rows read lazily: a page is fetched when the previous one has been written */
    public record Export(Map<UUID, String> accountNames, Map<UUID, Category> categories,
            Multi<LedgerTransaction> rows) {
    }
}
