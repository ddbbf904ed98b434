package io.financehub.ledger.service;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import io.financehub.ledger.LedgerTransaction;
import io.financehub.ledger.repository.TransactionQueryRepository;
import io.financehub.ledger.repository.TransactionQueryRepository.Replacement;
import io.financehub.ledger.rest.InvalidField;
import io.financehub.support.ProblemException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/** Transaction queries and the user's edits, always within the caller's company. */
@ApplicationScoped
public class TransactionService {

    public static final int MAX_BULK = 1_000;

    /**
     * A search within a date range of at most this many rows (the rollups' count of the months it touches) walks
     * the range in date order and tests each row, which stops after a page of matches; a longer range reads the
     * trigram index. At a few tenths of a microsecond a row, the whole walk costs PostgreSQL about what one
     * trigram scan of a multi-word term of common words costs (see docs/benchmarks/ledger-service.md).
     */
    static final long RANGE_WALK_ROWS = 50_000;

    private final TransactionQueryRepository transactions;
    private final Pool pool;
    private final LedgerCalendar calendar;
    private final SearchStatistics statistics;

    TransactionService(TransactionQueryRepository transactions, Pool pool, LedgerCalendar calendar,
            SearchStatistics statistics) {
        this.transactions = transactions;
        this.pool = pool;
        this.calendar = calendar;
        this.statistics = statistics;
    }

    /**
     * A page of {@code size} rows after {@code after} (null: the first page), and whether more follow. Reads one row
     * more than asked to know.
     */
    public Uni<Page> page(UUID companyId, TransactionFilter filter, Ordering ordering, PageKey after, int size) {
        return planned(companyId, filter).flatMap(planned -> pageOf(companyId, planned, ordering, after, size));
    }

    private Uni<Page> pageOf(UUID companyId, TransactionFilter filter, Ordering ordering, PageKey after, int size) {
        return transactions.page(companyId, filter, ordering.column(), ordering.descending(),
                after == null ? null : after.value(), after == null ? null : after.id(), size + 1)
                .map(rows -> rows.size() > size ? new Page(rows.subList(0, size), true) : new Page(rows, false));
    }

    /**
     * The filter, told to walk its date range when the range is short (see {@link #RANGE_WALK_ROWS}), or else, for
     * a search of a rare word beside common ones, to give the trigram index the rare word alone.
     */
    private Uni<TransactionFilter> planned(UUID companyId, TransactionFilter filter) {
        if (!filter.searchesRange()) {
            return Uni.createFrom().item(indexed(filter));
        }
        LocalDate firstMonth = filter.from() == null ? null : calendar.dayOf(filter.from()).withDayOfMonth(1);
        LocalDate lastMonth = filter.until() == null ? null
                : calendar.dayOf(filter.until().minusNanos(1)).withDayOfMonth(1);
        return transactions.rowsInMonths(companyId, firstMonth, lastMonth)
                .map(rows -> rows <= RANGE_WALK_ROWS ? filter.walkingRange() : indexed(filter));
    }

    private TransactionFilter indexed(TransactionFilter filter) {
        if (!filter.searchesWords()) {
            return filter;
        }
        String word = statistics.current().rareWordAmongCommon(filter.search());
        return word == null ? filter : filter.indexingOnly(word);
    }

    /**
     * Every matching transaction, a keyset page of {@code size} at a time, each page read only when the previous one
     * was consumed: memory stays that of one page whatever the number of rows.
     */
    public Multi<LedgerTransaction> stream(UUID companyId, TransactionFilter filter, Ordering ordering, int size) {
        AtomicReference<PageKey> after = new AtomicReference<>();
        return planned(companyId, filter).onItem().transformToMulti(planned -> Multi.createBy().repeating()
                .uni(() -> pageOf(companyId, planned, ordering, after.get(), size).invoke(p -> {
                    if (!p.rows().isEmpty()) {
                        after.set(PageKey.after(p.rows().get(p.rows().size() - 1), ordering));
                    }
                }))
                .whilst(Page::hasMore)
                .onItem().transformToIterable(Page::rows));
    }

    public Uni<Long> count(UUID companyId, TransactionFilter filter) {
        return planned(companyId, filter).flatMap(planned -> transactions.count(companyId, planned));
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

    /** The transaction with what the ledger decided about it: its transfer's other side and its earlier Pluggy ids. */
    public Uni<Detail> detail(UUID companyId, UUID id) {
        return get(companyId, id).flatMap(t -> {
            Uni<UUID> counterpart = t.transferId() == null ? Uni.createFrom().nullItem()
                    : transactions.counterpart(companyId, t.transferId(), t.id());
            return counterpart.flatMap(other -> transactions.replacements(companyId, id)
                    .map(replaced -> new Detail(t, other, replaced)));
        });
    }

    /**
     * Pairs two of the company's transactions as a transfer between its accounts (money out of one, into the
     * other), replacing any pairing either had; the transfer is then left out of income and expenses.
     */
    public Uni<List<LedgerTransaction>> pair(UUID companyId, UUID id, UUID counterpartId) {
        if (id.equals(counterpartId)) {
            throw new InvalidField("counterpart_id", "must be another transaction");
        }
        UUID[] ids = { id, counterpartId };
        return pool.withTransaction(conn -> transactions.lock(conn, companyId, ids).flatMap(rows -> {
            if (rows.size() != 2) {
                throw ProblemException.notFound("Transaction");
            }
            LedgerTransaction a = rows.get(0);
            LedgerTransaction b = rows.get(1);
            if (a.accountId().equals(b.accountId())) {
                throw new InvalidField("counterpart_id", "must be in another account: a transfer moves money between "
                        + "two of the company's accounts");
            }
            if (a.type().equals(b.type())) {
                throw new InvalidField("counterpart_id", "must go the other way (one DEBIT, one CREDIT)");
            }
            Uni<Integer> unpaired = Uni.createFrom().item(0);
            for (LedgerTransaction t : rows) {
                if (t.transferId() != null) {
                    UUID old = t.transferId();
                    unpaired = unpaired.flatMap(n -> transactions.unpair(conn, companyId, old));
                }
            }
            return unpaired.flatMap(n -> transactions.pair(conn, companyId, ids))
                    .flatMap(n -> transactions.lock(conn, companyId, ids));
        }));
    }

    /** Undoes the transfer the transaction is part of; neither side is paired again automatically. */
    public Uni<List<LedgerTransaction>> unpair(UUID companyId, UUID id) {
        return pool.withTransaction(conn -> transactions.lock(conn, companyId, new UUID[] { id }).flatMap(rows -> {
            if (rows.isEmpty()) {
                throw ProblemException.notFound("Transaction");
            }
            UUID transferId = rows.get(0).transferId();
            if (transferId == null) {
                throw ProblemException.conflict("not_a_transfer", "The transaction is not part of a transfer");
            }
            return transactions.unpairedSides(conn, companyId, transferId);
        }));
    }

    public record Page(List<LedgerTransaction> rows, boolean hasMore) {
    }

    /** @param transferCounterpartId the other side of its transfer, or null */
    public record Detail(LedgerTransaction transaction, UUID transferCounterpartId, List<Replacement> replaces) {
    }
}
