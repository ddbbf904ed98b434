package io.financehub.sandbox.api;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Serialised transaction pages, least recently used out. Keys carry the ledger version, so a write makes the old
 * entries unreachable and they age out; nothing needs invalidating.
 */
@ApplicationScoped
public class PageCache {

    private static final long MAX_BYTES = 64L * 1024 * 1024;

    private final Map<String, byte[]> pages = new LinkedHashMap<>(256, 0.75f, true);
    private long bytes;

    public synchronized byte[] get(String key) {
        return pages.get(key);
    }

    public synchronized void put(String key, byte[] value) {
        byte[] old = pages.put(key, value);
        bytes += value.length - (old == null ? 0 : old.length);
        var it = pages.entrySet().iterator();
        while (bytes > MAX_BYTES && it.hasNext()) {
            bytes -= it.next().getValue().length;
            it.remove();
        }
    }

    public synchronized void clear() {
        pages.clear();
        bytes = 0;
    }
}
