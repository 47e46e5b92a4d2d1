package com.zemo.legacy.importer;

import java.util.HashMap;
import java.util.Map;

/**
 * A lookup whose additions of the current chunk become visible to later chunks only once the chunk's
 * transaction has committed: a rolled-back chunk must not leave ids behind that point at nothing.
 */
final class StagedMap<K, V> {
    private final Map<K, V> committed = new HashMap<>();
    private final Map<K, V> staged = new HashMap<>();

    V get(K key) {
        V v = staged.get(key);
        return v != null ? v : committed.get(key);
    }

    boolean containsKey(K key) {
        return staged.containsKey(key) || committed.containsKey(key);
    }

    void stage(K key, V value) {
        staged.put(key, value);
    }

    void putCommitted(K key, V value) {
        committed.put(key, value);
    }

    /** What the current chunk added (a copy). */
    Map<K, V> staged() {
        return Map.copyOf(staged);
    }

    void commit() {
        committed.putAll(staged);
        staged.clear();
    }

    void rollback() {
        staged.clear();
    }

    int size() {
        return committed.size() + staged.size();
    }
}
