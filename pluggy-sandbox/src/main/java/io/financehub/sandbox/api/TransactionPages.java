package io.financehub.sandbox.api;

import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.financehub.sandbox.data.Ledger;
import io.financehub.sandbox.data.SandboxAccount;
import io.financehub.sandbox.data.TransactionQuery;
import io.financehub.sandbox.item.SandboxStore;
import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The two transaction listings as finished JSON bodies: parameters checked the way Pluggy checks them, pages served
 * from {@link PageCache} or generated on a small pool of their own (one thread per core, never the event loop), and
 * the next page of a cursor walk generated ahead while the pool has a thread free, so a client reading
 * {@code /v2/transactions} page after page by {@code next} mostly finds its page ready.
 *
 * <p>Both {@link PageRoute} (the common case, straight on the Vert.x router) and {@link TransactionResource} (what
 * the route hands over: errors, {@code ids}, unusual encodings) answer through here, so they give the same bytes.
 */
@ApplicationScoped
public class TransactionPages {

    static final int V1_DEFAULT_PAGE_SIZE = 20;
    static final int MAX_PAGE_SIZE = 500;
    private static final Base64.Encoder CURSOR = Base64.getUrlEncoder().withoutPadding();

    /** GET /v2/transactions, checked. */
    public record CursorRequest(SandboxAccount account, TransactionQuery query, long afterSeq, int size,
            String dateFrom, String dateTo, String createdAtFrom, String pageSize) {

        CursorRequest after(long seq) {
            return new CursorRequest(account, query, seq, size, dateFrom, dateTo, createdAtFrom, pageSize);
        }
    }

    /** GET /transactions, checked. */
    public record OffsetRequest(SandboxAccount account, TransactionQuery query, int page, int size) {
    }

    private final SandboxStore store;
    private final PageCache cache;
    private final int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    private final AtomicInteger queued = new AtomicInteger();
    private final ThreadPoolExecutor generators;
    private final ThreadLocal<PageJson> writers = ThreadLocal.withInitial(PageJson::new);

    public TransactionPages(SandboxStore store, PageCache cache) {
        this.store = store;
        this.cache = cache;
        AtomicInteger n = new AtomicInteger();
        this.generators = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> {
                    Thread t = new Thread(r, "sandbox-pages-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    @PreDestroy
    void stop() {
        generators.shutdownNow();
    }

    // ---------------------------------------------------------------- requests

    public CursorRequest cursorRequest(String accountId, String dateFrom, String dateTo, String createdAtFrom,
            String after, List<String> ids, String pageSize) {
        SandboxAccount account = account(accountId);
        if (dateFrom != null && createdAtFrom != null) {
            throw PluggyException.badRequest("INVALID_PARAMETERS", "dateFrom and createdAtFrom are mutually exclusive");
        }
        TransactionQuery query = new TransactionQuery(Params.from("dateFrom", dateFrom), Params.to("dateTo", dateTo),
                Params.from("createdAtFrom", createdAtFrom), Params.ids(ids));
        int size = pageSize(pageSize, MAX_PAGE_SIZE);
        long afterSeq = after == null || after.isBlank() ? -1 : decodeCursor(after);
        return new CursorRequest(account, query, afterSeq, size, dateFrom, dateTo, createdAtFrom, pageSize);
    }

    public OffsetRequest offsetRequest(String accountId, String from, String to, String createdAtFrom,
            List<String> ids, String page, String pageSize) {
        SandboxAccount account = account(accountId);
        TransactionQuery query = new TransactionQuery(Params.from("from", from), Params.to("to", to),
                Params.from("createdAtFrom", createdAtFrom), Params.ids(ids));
        int size = pageSize(pageSize, V1_DEFAULT_PAGE_SIZE);
        int pageNumber = Params.positive("page", page, 1);
        return new OffsetRequest(account, query, pageNumber, size);
    }

    private SandboxAccount account(String accountId) {
        Params.required("accountId", accountId);
        return store.account(accountId).orElseThrow(() -> PluggyException.notFound("Account", accountId));
    }

    private static int pageSize(String value, int defaultValue) {
        int size = Params.positive("pageSize", value, defaultValue);
        if (size > MAX_PAGE_SIZE) {
            throw PluggyException.badRequest("INVALID_PARAMETERS", "pageSize must be at most " + MAX_PAGE_SIZE);
        }
        return size;
    }

    private static long decodeCursor(String after) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8);
            if (!raw.startsWith("s:")) {
                throw new IllegalArgumentException();
            }
            return Long.parseLong(raw.substring(2));
        } catch (IllegalArgumentException e) {
            throw PluggyException.badRequest("INVALID_PARAMETERS", "after is not a cursor this API issued");
        }
    }

    // ---------------------------------------------------------------- pages

    /**
     * The page's body; {@code baseUri} is the request's base ({@code http://host:port/}), which {@code next} links
     * start with.
     */
    public CompletableFuture<Buffer> cursorPage(CursorRequest r, String baseUri) {
        String linkPrefix = linkPrefix(baseUri, r);
        return cursorPage(r, linkPrefix, false).thenApply(page -> {
            if (page.hasMore()) {
                cursorPage(r.after(page.lastSeq()), linkPrefix, true);
            }
            return page.body();
        });
    }

    /** The page, from the cache or generated; {@code ahead}: only when a generator is free, else null. */
    private CompletableFuture<CachedPage> cursorPage(CursorRequest r, String linkPrefix, boolean ahead) {
        Ledger ledger = r.account().ledger();
        String key = "v2|" + ledger.serial() + "|" + ledger.version() + "|" + r.query().cacheKey() + "|"
                + r.afterSeq() + "|" + r.size() + "|" + linkPrefix;
        if (ahead && (queued.get() >= threads || cache.contains(key))) {
            return null;
        }
        return cache.computeIfAbsent(key, page -> generate(key, page, () -> {
            Ledger.Slice slice = ledger.pageAfter(r.query(), r.afterSeq(), r.size());
            String next = slice.hasMore() ? linkPrefix + cursor(slice.lastSeq()) : null;
            PageJson writer = writers.get();
            ByteBuffer json = (slice.rows() != null ? writer.cursorPage(ledger, slice.rows(), next)
                    : writer.cursorPage(slice.results(), next)).direct();
            return new CachedPage(body(json), slice.lastSeq(), slice.hasMore());
        }));
    }

    public CompletableFuture<Buffer> offsetPage(OffsetRequest r) {
        Ledger ledger = r.account().ledger();
        String key = "v1|" + ledger.serial() + "|" + ledger.version() + "|" + r.query().cacheKey() + "|" + r.page()
                + "|" + r.size();
        return cache.computeIfAbsent(key, page -> generate(key, page, () -> {
            Ledger.Slice slice = ledger.pageByOffset(r.query(), (long) (r.page() - 1) * r.size(), r.size());
            long total = slice.total();
            long totalPages = (total + r.size() - 1) / r.size();
            PageJson writer = writers.get();
            ByteBuffer json = (slice.rows() != null
                    ? writer.offsetPage(total, totalPages, r.page(), ledger, slice.rows())
                    : writer.offsetPage(total, totalPages, r.page(), slice.results())).direct();
            return new CachedPage(body(json), slice.lastSeq(), slice.hasMore());
        })).thenApply(CachedPage::body);
    }

    private void generate(String key, CompletableFuture<CachedPage> page, Supplier<CachedPage> build) {
        queued.incrementAndGet();
        try {
            generators.execute(() -> {
                CachedPage rendered;
                try {
                    rendered = build.get();
                } catch (RuntimeException | Error e) {
                    // Handed to whoever waits for the page; the next request generates it afresh.
                    queued.decrementAndGet();
                    cache.failed(key, page);
                    page.completeExceptionally(e);
                    return;
                }
                // Free before completing: what waits on the page may ask for the next one.
                queued.decrementAndGet();
                cache.done(key, page, rendered.body().length());
                page.complete(rendered);
            });
        } catch (RejectedExecutionException e) {
            queued.decrementAndGet();
            cache.failed(key, page);
            page.completeExceptionally(e);
        }
    }

    /**
     * Off-heap, so Netty writes it to the socket as it is instead of copying it into a direct buffer each time; freed
     * by the garbage collector once no cache entry nor socket write holds it.
     */
    private static Buffer body(ByteBuffer json) {
        return Buffer.buffer(Unpooled.wrappedBuffer(json));
    }

    private static String cursor(long seq) {
        return CURSOR.encodeToString(("s:" + seq).getBytes(StandardCharsets.UTF_8));
    }

    /** Everything of a {@code next} link but its cursor. */
    private static String linkPrefix(String baseUri, CursorRequest r) {
        StringBuilder link = new StringBuilder(baseUri);
        if (link.charAt(link.length() - 1) != '/') {
            link.append('/');
        }
        link.append("v2/transactions?accountId=").append(r.account().id());
        append(link, "dateFrom", r.dateFrom());
        append(link, "dateTo", r.dateTo());
        append(link, "createdAtFrom", r.createdAtFrom());
        append(link, "pageSize", r.pageSize());
        return link.append("&after=").toString();
    }

    private static void append(StringBuilder link, String name, String value) {
        if (value != null && !value.isBlank()) {
            link.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }
}
