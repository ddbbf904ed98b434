package io.financehub.ledger.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.financehub.ledger.LedgerTransaction;
import io.financehub.ledger.repository.TransactionQueryRepository;
import io.financehub.support.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/** Transaction queries and the user's edits, always within the caller's company. */
@ApplicationScoped
public class TransactionService {

    public static final int MAX_BULK = 1_000;

    private final TransactionQueryRepository transactions;
    private final Pool pool;

    TransactionService(TransactionQueryRepository transactions, Pool pool) {
        this.transactions = transactions;
        this.pool = pool;
    }

    /**
     * A page of {@code size} rows after {@code after} (null: the first page), and whether more follow. Reads one row
     * more than asked to know.
     */
    public Uni<Page> page(UUID companyId, TransactionFilter filter, Ordering ordering, PageKey after, int size) {
        return transactions.page(companyId, filter, ordering.column(), ordering.descending(),
                after == null ? null : after.value(), after == null ? null : after.id(), size + 1)
                .map(rows -> rows.size() > size ? new Page(rows.subList(0, size), true) : new Page(rows, false));
    }

    public Uni<Long> count(UUID companyId, TransactionFilter filter) {
        return transactions.count(companyId, filter);
    }

    public Uni<LedgerTransaction> get(UUID companyId, UUID id) {
        return transactions.find(companyId, id).onItem().ifNull().failWith(() -> ProblemException.notFound("Transaction"));
    }

    /** Sets the user's notes and/or category; a later sync never overwrites either. */
    public Uni<LedgerTransaction> edit(UUID companyId, UUID id, boolean setNotes, String notes, boolean setCategory,
            UUID categoryId) {
        return transactions.patch(companyId, id, setNotes, notes, setCategory, categoryId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Transaction"));
    }

    /**
     * All or nothing: if any id is unknown or another company's, the update is rolled back and the call answers 404
     * without telling which.
     */
    public Uni<Integer> categorize(UUID companyId, List<UUID> ids, UUID categoryId) {
        UUID[] distinct = ids.stream().distinct().toArray(UUID[]::new);
        return pool.withTransaction(conn -> transactions.categorize(conn, companyId, distinct, categoryId)
                .invoke(updated -> {
                    if (updated != distinct.length) {
                        throw ProblemException.notFound((distinct.length - updated) + " of " + distinct.length
                                + " transactions were");
                    }
                }));
    }

    public record Page(List<LedgerTransaction> rows, boolean hasMore) {
    }
}
