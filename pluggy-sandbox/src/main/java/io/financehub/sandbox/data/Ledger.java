package io.financehub.sandbox.data;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import io.financehub.sandbox.data.Det.Draw;

/**
 * One account's transactions: the generated ("base") history, never materialised, plus the small overlay that
 * executions and clients write on top of it (deletions, status and category changes, added transactions).
 *
 * <p>The overlay is an immutable {@link State} swapped atomically on each (rare) write, so reads never lock. Running
 * balances come from prefix sums of the base amounts, checkpointed every {@value #BLOCK} transactions the first time
 * they are needed; a page deep inside a million-transaction account costs at most one block of amount derivations.
 */
public final class Ledger {

    /** The currency of every account. */
    public static final String CURRENCY = "BRL";
    private static final int BLOCK = 512;
    private static final long DAY = 86_400_000L;

    /** A transaction an execution added (or a re-id'd one under its new id), held in full. */
    public record Added(long seq, Draft draft, Instant createdAt, Instant updatedAt) {
    }

    /** A base transaction changed in place (same id): new status or category. */
    public record Changed(Draft draft, Instant updatedAt) {
    }

    /** Immutable overlay. {@code deleted} is sorted, {@code deletedCum[k]} sums the amounts of deleted[0..k]. */
    record State(long version, long[] deleted, long[] deletedCum, Map<Long, Changed> changed, List<Added> added,
            long nextSeq, long addedDrafts) {

        boolean isDeletedBase(long seq) {
            return deleted.length > 0 && Arrays.binarySearch(deleted, seq) >= 0;
        }

        /** The change of a base transaction, if any (most accounts have none: no boxing, no probe). */
        Changed changedAt(long seq) {
            return changed.isEmpty() ? null : changed.get(seq);
        }

        /** Sum of the amounts of deleted base transactions with seq < s. */
        long deletedSumBefore(long s) {
            int at = Arrays.binarySearch(deleted, s);
            int n = at >= 0 ? at : -at - 1;
            return n == 0 ? 0 : deletedCum[n - 1];
        }

        long deletedSum() {
            return deleted.length == 0 ? 0 : deletedCum[deleted.length - 1];
        }

        int deletedBetween(long lo, long hi) {
            int a = Arrays.binarySearch(deleted, lo);
            int b = Arrays.binarySearch(deleted, hi);
            return (b >= 0 ? b : -b - 1) - (a >= 0 ? a : -a - 1);
        }
    }

    /**
     * One transaction of a page as the ledger has it, before it is a {@link Transaction}: a page writer reads its
     * fields from here ({@link Ledger#category}, {@link Ledger#idHigh}, {@link Ledger#idLow}) without building the
     * record, its id string, its {@code BigDecimal}s and {@code Instant}s.
     */
    public record Row(long seq, Draft draft, long balanceCents, Instant createdAt, Instant updatedAt) {
    }

    /**
     * What a listing returns: the page, the seq of its last element and whether more follow. A generated page holds
     * its {@link Row}s and renders the records only when {@link #results()} is asked for.
     */
    public static final class Slice {
        private final Ledger ledger;
        private final List<Row> rows;
        private List<Transaction> results;
        private final long lastSeq;
        private final boolean hasMore;
        private final long total;

        private Slice(Ledger ledger, List<Row> rows, List<Transaction> results, long lastSeq, boolean hasMore,
                long total) {
            this.ledger = ledger;
            this.rows = rows;
            this.results = results;
            this.lastSeq = lastSeq;
            this.hasMore = hasMore;
            this.total = total;
        }

        public List<Transaction> results() {
            if (results == null) {
                List<Transaction> out = new ArrayList<>(rows.size());
                for (Row r : rows) {
                    out.add(ledger.render(r));
                }
                results = out;
            }
            return results;
        }

        /** The page as rows, or null when it was built from records (a listing by ids). */
        public List<Row> rows() {
            return rows;
        }

        public long lastSeq() {
            return lastSeq;
        }

        public boolean hasMore() {
            return hasMore;
        }

        public long total() {
            return total;
        }
    }

    /** A live transaction in the truth: the fields a ledger is compared on. */
    public record TruthEntry(String id, BigDecimal amount, Instant date, String status) {
    }

    private static final AtomicLong SERIALS = new AtomicLong();

    private final long serial = SERIALS.incrementAndGet();
    private final AccountSpec spec;
    private final TransactionGenerator.Context generator;
    private final Instant baseCreatedAt;
    /** Category id to description, read once (the catalog is fixed, a page looks up 500) and never written again. */
    private final Map<String, String> categoryDescriptions;
    private volatile State state;
    private volatile long[] checkpoints;

    public Ledger(AccountSpec spec, Instant baseCreatedAt, CategoryCatalog categories) {
        this.spec = spec;
        this.generator = TransactionGenerator.context(spec);
        this.baseCreatedAt = baseCreatedAt;
        this.categoryDescriptions = new HashMap<>();
        categories.all().forEach(c -> categoryDescriptions.put(c.id(), c.description()));
        this.state = new State(0, new long[0], new long[0], Map.of(), List.of(), spec.count(), 0);
    }

    public AccountSpec spec() {
        return spec;
    }

    public long version() {
        return state.version();
    }

    /** Unique to this ledger within the process: a recreated account (same id after a reset) gets another one. */
    public long serial() {
        return serial;
    }

    // ---------------------------------------------------------------- ids

    /**
     * Transaction ids look like Pluggy's UUIDs but carry the account key and the seq, guarded by a hash, so an id
     * finds its transaction without an index and a forged id is not found.
     */
    public static String transactionId(AccountSpec spec, long seq) {
        long check = Det.hash(spec.seed(), seq, 99);
        return new UUID(idHigh(spec, check), idLow(check, seq)).toString();
    }

    private static long idHigh(AccountSpec spec, long check) {
        return ((long) spec.key() << 32) | (check & 0xffff0fffL) | 0x4000L;
    }

    /** The least significant half of the id of {@code seq}, given its {@link #idCheck}. */
    public static long idLow(long check, long seq) {
        return 0x8000000000000000L | ((check >>> 32) & 0x3fffffffL) << 32 | (seq & 0xffffffffL);
    }

    /** The hash guarding the id of {@code seq}. */
    public long idCheck(long seq) {
        return Det.hash(spec.seed(), seq, 99);
    }

    /** The most significant half of the id of a transaction of this account, given its {@link #idCheck}. */
    public long idHigh(long check) {
        return idHigh(spec, check);
    }

    /** The account key of a transaction id, or empty when it is not one of ours. */
    public static Optional<Integer> keyOf(String id) {
        try {
            return Optional.of((int) (UUID.fromString(id).getMostSignificantBits() >>> 32));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The seq of an id of this account, or -1. */
    public long seqOf(String id) {
        try {
            long seq = UUID.fromString(id).getLeastSignificantBits() & 0xffffffffL;
            return transactionId(spec, seq).equals(id) ? seq : -1;
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }

    // ---------------------------------------------------------------- balances

    private long[] checkpoints() {
        long[] cp = checkpoints;
        if (cp == null) {
            synchronized (this) {
                cp = checkpoints;
                if (cp == null) {
                    int blocks = (int) (spec.count() / BLOCK) + 1;
                    cp = new long[blocks + 1];
                    long sum = 0;
                    for (long i = 0; i < spec.count(); i++) {
                        if (i % BLOCK == 0) {
                            cp[(int) (i / BLOCK)] = sum;
                        }
                        sum += TransactionGenerator.amountCents(spec, i);
                    }
                    cp[blocks] = sum;
                    if (spec.count() % BLOCK == 0) {
                        cp[(int) (spec.count() / BLOCK)] = sum;
                    }
                    checkpoints = cp;
                }
            }
        }
        return cp;
    }

    /** Sum of base amounts with index < s (deleted ones included). */
    private long basePrefix(long s) {
        if (s >= spec.count()) {
            long[] cp = checkpoints();
            return cp[cp.length - 1];
        }
        long[] cp = checkpoints();
        long block = s / BLOCK;
        long sum = cp[(int) block];
        for (long i = block * BLOCK; i < s; i++) {
            sum += TransactionGenerator.amountCents(spec, i);
        }
        return sum;
    }

    public long balanceCents() {
        State st = state;
        long sum = basePrefix(spec.count()) - st.deletedSum();
        for (Added a : st.added()) {
            sum += a.draft().amountCents();
        }
        return spec.openingCents() + sum;
    }

    public BigDecimal balance() {
        return BigDecimal.valueOf(balanceCents(), 2);
    }

    // ---------------------------------------------------------------- reads

    private Draft baseDraft(State st, long seq) {
        return baseDraft(st, seq, st.changedAt(seq));
    }

    private Draft baseDraft(State st, long seq, Changed c) {
        return c != null ? c.draft() : TransactionGenerator.draft(generator, seq);
    }

    /** The description of a draft's category, as its record carries it. */
    public String category(Draft d) {
        return d.categoryId() == null ? null : categoryDescriptions.get(d.categoryId());
    }

    private Transaction render(Row r) {
        return render(r.seq(), r.draft(), r.balanceCents(), r.createdAt(), r.updatedAt());
    }

    private Transaction render(long seq, Draft d, long balanceCents, Instant createdAt, Instant updatedAt) {
        String category = category(d);
        return new Transaction(transactionId(spec, seq), spec.accountId(), Instant.ofEpochMilli(d.dateMillis()),
                d.description(), d.descriptionRaw(), d.type(), BigDecimal.valueOf(d.amountCents(), 2), null,
                BigDecimal.valueOf(balanceCents, 2), CURRENCY, category, d.categoryId(), d.status(), d.providerCode(),
                d.providerId(), d.operationType(), null, d.paymentData(), d.creditCardMetadata(), d.merchant(),
                createdAt, updatedAt);
    }

    private boolean baseIncluded(TransactionQuery q) {
        return q.createdAtFromMillis() == null || baseCreatedAt.toEpochMilli() >= q.createdAtFromMillis();
    }

    private long lo(TransactionQuery q) {
        return q.fromMillis() == null ? 0 : TransactionGenerator.firstIndexAtOrAfter(spec, q.fromMillis());
    }

    private long hi(TransactionQuery q) {
        return q.toMillis() == null ? spec.count() : TransactionGenerator.firstIndexAtOrAfter(spec, q.toMillis() + 1);
    }

    private static boolean matches(Added a, TransactionQuery q) {
        long date = a.draft().dateMillis();
        return (q.fromMillis() == null || date >= q.fromMillis()) && (q.toMillis() == null || date <= q.toMillis())
                && (q.createdAtFromMillis() == null || a.createdAt().toEpochMilli() >= q.createdAtFromMillis());
    }

    public long count(TransactionQuery q) {
        State st = state;
        if (q.ids() != null) {
            return byIds(st, q).size();
        }
        long n = 0;
        if (baseIncluded(q)) {
            long lo = lo(q);
            long hi = hi(q);
            n += (hi - lo) - st.deletedBetween(lo, hi);
        }
        for (Added a : st.added()) {
            if (matches(a, q)) {
                n++;
            }
        }
        return n;
    }

    /** v1 paging: {@code limit} live transactions from position {@code offset} of the filtered list. */
    public Slice pageByOffset(TransactionQuery q, long offset, int limit) {
        State st = state;
        if (q.ids() != null) {
            List<Transaction> all = byIds(st, q);
            int from = (int) Math.min(offset, all.size());
            int to = (int) Math.min(all.size(), offset + limit);
            return new Slice(this, null, all.subList(from, to), -1, to < all.size(), all.size());
        }
        long total = count(q);
        long startSeq;
        if (baseIncluded(q)) {
            long lo = lo(q);
            long hi = hi(q);
            long baseLive = (hi - lo) - st.deletedBetween(lo, hi);
            if (offset < baseLive) {
                startSeq = kthLiveBase(st, lo, offset);
                return collect(st, q, startSeq, 0, -1, limit, total);
            }
            offset -= baseLive;
        }
        int skipAdded = (int) Math.min(Integer.MAX_VALUE, offset);
        return collect(st, q, Long.MAX_VALUE, skipAdded, -1, limit, total);
    }

    /** v2 paging: up to {@code limit} live transactions whose seq follows {@code afterSeq} (-1: from the start). */
    public Slice pageAfter(TransactionQuery q, long afterSeq, int limit) {
        State st = state;
        if (q.ids() != null) {
            List<Transaction> all = byIds(st, q);
            List<Transaction> rest = new ArrayList<>();
            for (Transaction t : all) {
                if (seqOf(t.id()) > afterSeq && rest.size() < limit) {
                    rest.add(t);
                }
            }
            return new Slice(this, null, rest, rest.isEmpty() ? afterSeq : seqOf(rest.get(rest.size() - 1).id()),
                    false, -1);
        }
        long startSeq = baseIncluded(q) ? Math.max(lo(q), afterSeq + 1) : Long.MAX_VALUE;
        if (afterSeq >= spec.count()) {
            startSeq = Long.MAX_VALUE;
        }
        return collect(st, q, startSeq, 0, afterSeq, limit, -1);
    }

    private long kthLiveBase(State st, long lo, long k) {
        long idx = lo + k;
        int at = Arrays.binarySearch(st.deleted(), lo);
        for (int i = at >= 0 ? at : -at - 1; i < st.deleted().length; i++) {
            if (st.deleted()[i] <= idx) {
                idx++;
            } else {
                break;
            }
        }
        return idx;
    }

    /**
     * One page: live base transactions from {@code startSeq}, then the added ones after {@code afterSeq}
     * (-1: all of them), skipping the first {@code skipAddedMatches} added matches.
     */
    private Slice collect(State st, TransactionQuery q, long startSeq, int skipAddedMatches, long afterSeq, int limit,
            long total) {
        List<Row> out = new ArrayList<>(Math.min(limit, 512));
        long last = afterSeq;
        long hi = baseIncluded(q) ? hi(q) : 0;
        if (startSeq < hi) {
            long balance = spec.openingCents() + basePrefix(startSeq) - st.deletedSumBefore(startSeq);
            long seq = startSeq;
            while (seq < hi && out.size() < limit) {
                if (!st.isDeletedBase(seq)) {
                    Changed c = st.changedAt(seq);
                    Draft d = baseDraft(st, seq, c);
                    balance += d.amountCents();
                    out.add(new Row(seq, d, balance, baseCreatedAt, c == null ? baseCreatedAt : c.updatedAt()));
                    last = seq;
                }
                seq++;
            }
            if (out.size() == limit) {
                boolean more = hasLiveBase(st, seq, hi)
                        || st.added().stream().anyMatch(a -> a.seq() > afterSeq && matches(a, q));
                return new Slice(this, out, null, last, more, total);
            }
        }
        return appendAdded(st, q, out, skipAddedMatches, afterSeq, limit, total, last);
    }

    private boolean hasLiveBase(State st, long from, long hi) {
        return from < hi && (hi - from) > st.deletedBetween(from, hi);
    }

    private Slice appendAdded(State st, TransactionQuery q, List<Row> out, int skipMatches, long afterSeq,
            int limit, long total, long last) {
        long balance = spec.openingCents() + basePrefix(spec.count()) - st.deletedSum();
        int skipped = 0;
        boolean more = false;
        for (Added a : st.added()) {
            balance += a.draft().amountCents();
            if (a.seq() <= afterSeq || !matches(a, q)) {
                continue;
            }
            if (skipped < skipMatches) {
                skipped++;
                continue;
            }
            if (out.size() == limit) {
                more = true;
                break;
            }
            out.add(new Row(a.seq(), a.draft(), balance, a.createdAt(), a.updatedAt()));
            last = a.seq();
        }
        return new Slice(this, out, null, last, more, total);
    }

    private List<Transaction> byIds(State st, TransactionQuery q) {
        List<Long> seqs = new ArrayList<>();
        for (String id : q.ids()) {
            long seq = seqOf(id);
            if (seq >= 0) {
                seqs.add(seq);
            }
        }
        seqs.sort(Long::compare);
        List<Transaction> out = new ArrayList<>();
        for (long seq : seqs) {
            find(st, seq).filter(t -> matchesDates(t, q)).ifPresent(out::add);
        }
        return out;
    }

    private static boolean matchesDates(Transaction t, TransactionQuery q) {
        long date = t.date().toEpochMilli();
        return (q.fromMillis() == null || date >= q.fromMillis()) && (q.toMillis() == null || date <= q.toMillis())
                && (q.createdAtFromMillis() == null || t.createdAt().toEpochMilli() >= q.createdAtFromMillis());
    }

    public Optional<Transaction> find(String id) {
        long seq = seqOf(id);
        return seq < 0 ? Optional.empty() : find(state, seq);
    }

    private Optional<Transaction> find(State st, long seq) {
        if (seq < spec.count()) {
            if (st.isDeletedBase(seq)) {
                return Optional.empty();
            }
            long balance = spec.openingCents() + basePrefix(seq) - st.deletedSumBefore(seq);
            Changed c = st.changedAt(seq);
            Draft d = baseDraft(st, seq, c);
            return Optional.of(render(seq, d, balance + d.amountCents(), baseCreatedAt,
                    c == null ? baseCreatedAt : c.updatedAt()));
        }
        long balance = spec.openingCents() + basePrefix(spec.count()) - st.deletedSum();
        for (Added a : st.added()) {
            balance += a.draft().amountCents();
            if (a.seq() == seq) {
                return Optional.of(render(seq, a.draft(), balance, a.createdAt(), a.updatedAt()));
            }
        }
        return Optional.empty();
    }

    /** Every live transaction, in order, for the truth endpoint. */
    public void forEachLive(Consumer<TruthEntry> sink) {
        State st = state;
        for (long seq = 0; seq < spec.count(); seq++) {
            if (!st.isDeletedBase(seq)) {
                Draft d = baseDraft(st, seq);
                sink.accept(new TruthEntry(transactionId(spec, seq), BigDecimal.valueOf(d.amountCents(), 2),
                        Instant.ofEpochMilli(d.dateMillis()), d.status()));
            }
        }
        for (Added a : st.added()) {
            sink.accept(new TruthEntry(transactionId(spec, a.seq()), BigDecimal.valueOf(a.draft().amountCents(), 2),
                    Instant.ofEpochMilli(a.draft().dateMillis()), a.draft().status()));
        }
    }

    public long liveCount() {
        State st = state;
        return spec.count() - st.deleted().length + st.added().size();
    }

    /** Sum of live amounts, in cents. */
    public long sumCents() {
        return balanceCents() - spec.openingCents();
    }

    // ---------------------------------------------------------------- writes

    /** What one execution did to this account. */
    public record Changes(List<String> created, List<String> updated, List<String> deleted) {
    }

    /** Recategorises a transaction in place (PATCH /transactions/{id}). */
    public synchronized Optional<Transaction> setCategory(String id, String categoryId, Instant now) {
        long seq = seqOf(id);
        State st = state;
        if (seq < 0 || find(st, seq).isEmpty()) {
            return Optional.empty();
        }
        Mutable m = new Mutable(st);
        m.replace(seq, current(st, seq).withCategory(categoryId), now);
        state = m.build();
        return find(state, seq);
    }

    private Draft current(State st, long seq) {
        if (seq < spec.count()) {
            return baseDraft(st, seq);
        }
        return st.added().stream().filter(a -> a.seq() == seq).findFirst().orElseThrow().draft();
    }

    /**
     * One execution at the bank: pending transactions post, {@code add} new ones arrive (some backdated, some
     * pending), {@code change} are recategorised, {@code reId} change description/amount/date and so come back under a
     * new id, {@code delete} disappear. Deterministic from the account seed and the execution number.
     */
    public synchronized Changes evolve(int executionNumber, int add, int change, int reId, int delete, Instant now,
            boolean postPending) {
        State st = state;
        Mutable m = new Mutable(st);
        Draw draw = new Draw(Det.hash(spec.seed(), executionNumber, 4242));
        List<String> created = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        List<String> deleted = new ArrayList<>();

        if (postPending) {
            for (long seq : m.liveSeqs(Math.max(0, spec.count() - 400))) {
                Draft d = current(st, seq);
                if ("PENDING".equals(d.status())) {
                    m.replace(seq, d.withStatus("POSTED"), now);
                    updated.add(transactionId(spec, seq));
                }
            }
        }

        List<Long> candidates = m.liveSeqs(Math.max(0, spec.count() - 200));
        candidates.removeIf(seq -> updated.contains(transactionId(spec, seq)));
        for (int k = 0; k < change && !candidates.isEmpty(); k++) {
            long seq = candidates.remove(draw.below(candidates.size()));
            Draft d = current(st, seq);
            String[] options = { "05090000", "08010000", "11010000", "21000000", "07000000" };
            String category = options[draw.below(options.length)];
            if (category.equals(d.categoryId())) {
                category = "05000000";
            }
            m.replace(seq, d.withCategory(category), now);
            updated.add(transactionId(spec, seq));
        }
        for (int k = 0; k < reId && !candidates.isEmpty(); k++) {
            long seq = candidates.remove(draw.below(candidates.size()));
            Draft d = current(st, seq);
            Draft changed = switch (draw.below(3)) {
                case 0 -> d.with(d.dateMillis(), d.amountCents() + (d.amountCents() < 0 ? -draw.below(500) - 1
                        : draw.below(500) + 1), d.description(), "POSTED");
                case 1 -> d.with(d.dateMillis() + DAY, d.amountCents(), d.description(), "POSTED");
                default -> d.with(d.dateMillis(), d.amountCents(), d.description() + " - " + "Ref. corrigida",
                        "POSTED");
            };
            m.delete(seq);
            deleted.add(transactionId(spec, seq));
            created.add(transactionId(spec, m.add(changed, now)));
        }
        for (int k = 0; k < delete && !candidates.isEmpty(); k++) {
            long seq = candidates.remove(draw.below(candidates.size()));
            m.delete(seq);
            deleted.add(transactionId(spec, seq));
        }
        long newest = spec.toMillis() + executionNumber * DAY;
        for (int k = 0; k < add; k++) {
            // Banks post late: a new transaction can be dated days before the execution that brings it.
            long date = newest - draw.below(4) * DAY;
            boolean pending = draw.below(4) == 0;
            Draft d = TransactionGenerator.added(generator, m.addedDrafts++, date, pending);
            created.add(transactionId(spec, m.add(d, now)));
        }
        state = m.build();
        return new Changes(created, updated, deleted);
    }

    /** Copy-on-write builder of the next {@link State}. */
    private final class Mutable {
        private final State from;
        private final List<Long> deleted;
        private final Map<Long, Changed> changed;
        private final List<Added> added;
        private long nextSeq;
        long addedDrafts;

        Mutable(State from) {
            this.from = from;
            this.deleted = new ArrayList<>();
            for (long d : from.deleted()) {
                deleted.add(d);
            }
            this.changed = new HashMap<>(from.changed());
            this.added = new ArrayList<>(from.added());
            this.nextSeq = from.nextSeq();
            this.addedDrafts = from.addedDrafts();
        }

        List<Long> liveSeqs(long fromBase) {
            List<Long> seqs = new ArrayList<>();
            for (long s = fromBase; s < spec.count(); s++) {
                if (!deleted.contains(s)) {
                    seqs.add(s);
                }
            }
            for (Added a : added) {
                seqs.add(a.seq());
            }
            return seqs;
        }

        void replace(long seq, Draft d, Instant now) {
            if (seq < spec.count()) {
                changed.put(seq, new Changed(d, now));
                return;
            }
            for (int i = 0; i < added.size(); i++) {
                Added a = added.get(i);
                if (a.seq() == seq) {
                    added.set(i, new Added(seq, d, a.createdAt(), now));
                }
            }
        }

        void delete(long seq) {
            if (seq < spec.count()) {
                deleted.add(seq);
                changed.remove(seq);
            } else {
                added.removeIf(a -> a.seq() == seq);
            }
        }

        long add(Draft d, Instant now) {
            long seq = nextSeq++;
            added.add(new Added(seq, d, now, now));
            return seq;
        }

        State build() {
            long[] del = deleted.stream().mapToLong(Long::longValue).sorted().toArray();
            long[] cum = new long[del.length];
            long sum = 0;
            for (int i = 0; i < del.length; i++) {
                sum += TransactionGenerator.amountCents(spec, del[i]);
                cum[i] = sum;
            }
            return new State(from.version() + 1, del, cum, Map.copyOf(changed), List.copyOf(added), nextSeq,
                    addedDrafts);
        }
    }
}
