package com.zemo.identity.control;

import com.zemo.platform.ZemoConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Token hash → caller, for a few seconds per node, so a request with a token costs no database read.
 * A revocation evicts here at once and, through a Redis topic, on every other node.
 */
@ApplicationScoped
public class TokenCache {
    private static final Logger LOG = Logger.getLogger(TokenCache.class.getName());
    private static final String TOPIC = "zemo:tokens:evict";
    private static final int MAX_ENTRIES = 50_000;

    private record Entry(Optional<Caller> caller, long expiresAtNanos) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    @Inject
    ZemoConfig config;

    @Inject
    RedissonClient redis;

    private RTopic topic;

    @PostConstruct
    void subscribe() {
        try {
            topic = redis.getTopic(TOPIC);
            topic.addListener(String.class, (channel, message) -> {
                if (message.startsWith("user:")) {
                    dropUser(Long.parseLong(message.substring(5)));
                } else {
                    entries.remove(message);
                }
            });
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "token revocations from other nodes will wait for the cache period: Redis unavailable", e);
        }
    }

    /** @return null when unknown here (look it up), else the cached answer (possibly empty = invalid token). */
    Optional<Caller> get(String hash) {
        Entry e = entries.get(hash);
        if (e == null) {
            return null;
        }
        if (System.nanoTime() - e.expiresAtNanos > 0) {
            entries.remove(hash);
            return null;
        }
        return e.caller;
    }

    void put(String hash, Optional<Caller> caller) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(hash, new Entry(caller, System.nanoTime() + config.tokenCacheTtl().toNanos()));
    }

    void evict(String hash) {
        entries.remove(hash);
        try {
            if (topic != null) {
                topic.publish(hash);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not broadcast a token revocation; other nodes drop it within the cache period", e);
        }
    }

    private void dropUser(long userId) {
        entries.entrySet().removeIf(en -> en.getValue().caller.map(c -> c.userId() == userId).orElse(false));
    }

    /** Drops everything a user's tokens map to (role change, deactivation). */
    public void evictUser(long userId) {
        dropUser(userId);
        try {
            if (topic != null) {
                topic.publish("user:" + userId);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not broadcast a user change", e);
        }
    }
}
