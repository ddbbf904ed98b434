package io.financehub.sync.messaging;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * One Pluggy page, already written as the JSON of the batch's {@code upserts}: each transaction (one per id, the
 * page's last version of it at the place of its first, as a {@code LinkedHashMap} would keep them) as the bytes of a
 * {@code TransactionData} object, with the id, date and createdAt the scan records. What a page costs to hold is these
 * bytes, not 500 records.
 */
public final class EncodedPage {

    static final EncodedPage EMPTY = new EncodedPage(new byte[0], new int[0], new int[0], new String[0],
            new Instant[0], new Instant[0], 0);

    private final byte[] json;
    private final int[] starts;
    private final int[] ends;
    private final List<String> ids;
    private final List<Instant> dates;
    private final List<Instant> createdAts;
    private final Instant maxCreatedAt;

    EncodedPage(byte[] json, int[] starts, int[] ends, String[] ids, Instant[] dates, Instant[] createdAts,
            int count) {
        this.json = json;
        this.starts = starts;
        this.ends = ends;
        // Not List.of: a null id or date is Pluggy's to send and the database's to refuse, as before.
        this.ids = Collections.unmodifiableList(Arrays.asList(Arrays.copyOf(ids, count)));
        this.dates = Collections.unmodifiableList(Arrays.asList(Arrays.copyOf(dates, count)));
        this.createdAts = Collections.unmodifiableList(Arrays.asList(Arrays.copyOf(createdAts, count)));
        Instant max = null;
        for (int i = 0; i < count; i++) {
            Instant created = createdAts[i];
            if (created != null && (max == null || created.isAfter(max))) {
                max = created;
            }
        }
        this.maxCreatedAt = max;
    }

    /** Transactions in the page (distinct ids). */
    public int size() {
        return ids.size();
    }

    public List<String> ids() {
        return ids;
    }

    public List<Instant> dates() {
        return dates;
    }

    public List<Instant> createdAts() {
        return createdAts;
    }

    /** The newest createdAt in the page, or null. */
    public Instant maxCreatedAt() {
        return maxCreatedAt;
    }

    /** Bytes of transactions {@code from} (inclusive) to {@code to} (exclusive) as the elements of a JSON array. */
    int elementsLength(int from, int to) {
        int length = Math.max(0, to - from - 1);
        for (int i = from; i < to; i++) {
            length += ends[i] - starts[i];
        }
        return length;
    }

    /** Copies those elements, comma-separated, into {@code target} at {@code at}; answers the position after them. */
    int copyElements(int from, int to, byte[] target, int at) {
        for (int i = from; i < to; i++) {
            if (i > from) {
                target[at++] = ',';
            }
            int length = ends[i] - starts[i];
            System.arraycopy(json, starts[i], target, at, length);
            at += length;
        }
        return at;
    }
}
