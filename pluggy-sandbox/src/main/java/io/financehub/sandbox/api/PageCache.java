package io.financehub.sandbox.api;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Serialised transaction pages, least recently used out, at most {@value #MAX_BYTES} bytes. Keys carry the ledger
 * version, so a write makes the old entries unreachable and they age out; nothing needs invalidating.
 *
 * <p>An entry is the page's future: a page being generated (on demand or ahead of a cursor walk) is found by the
 * request that wants it, which waits for it instead of generating it a second time. A finished page's body is a
 * Vert.x buffer over off-heap memory, written to every socket that asks for it without a copy.
 */
@ApplicationScoped
public class PageCache {

    static final long MAX_BYTES = 64L * 1024 * 1024;

    private final Map<String, Entry> pages = new LinkedHashMap<>(256, 0.75f, true);
    private long bytes;

    private static final class Entry {
        final CompletableFuture<CachedPage> page = new CompletableFuture<>();
        int size;
    }

    /**
     * The page of {@code key}: the one cached or being generated, else a new entry handed to {@code generate}
     * (which must complete it, and say so with {@link #done} or {@link #failed}). {@code generate} runs outside the
     * lock.
     */
    CompletableFuture<CachedPage> computeIfAbsent(String key, Consumer<CompletableFuture<CachedPage>> generate) {
        Entry created;
        synchronized (this) {
            Entry e = pages.get(key);
            if (e != null) {
                return e.page;
            }
            created = new Entry();
            pages.put(key, created);
        }
        generate.accept(created.page);
        return created.page;
    }

    /** Whether {@code key} is cached or being generated, without touching its recency. */
    synchronized boolean contains(String key) {
        return pages.containsKey(key);
    }

    /** Records the size of a finished page and evicts the least recently used finished ones above the bound. */
    synchronized void done(String key, CompletableFuture<CachedPage> page, int size) {
        Entry e = pages.get(key);
        if (e == null || e.page != page) {
            return;
        }
        e.size = size;
        bytes += e.size;
        Iterator<Entry> it = pages.values().iterator();
        while (bytes > MAX_BYTES && it.hasNext()) {
            Entry old = it.next();
            if (old != e && old.page.isDone()) {
                bytes -= old.size;
                it.remove();
            }
        }
    }

    /** Forgets a page whose generation failed, so the next request tries again. */
    synchronized void failed(String key, CompletableFuture<CachedPage> page) {
        Entry e = pages.get(key);
        if (e != null && e.page == page) {
            pages.remove(key);
        }
    }

    public synchronized void clear() {
        pages.clear();
        bytes = 0;
    }

    public synchronized long bytes() {
        return bytes;
    }

    /** Pages cached or being generated. */
    public synchronized int size() {
        return pages.size();
    }
}
