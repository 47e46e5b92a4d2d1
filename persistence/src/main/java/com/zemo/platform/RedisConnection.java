package com.zemo.platform;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

import java.util.logging.Logger;

/**
 * The one Redisson client of this node: shared rate limits, revocation broadcasts, and (later) job events.
 * Redis holds nothing that cannot be rebuilt; a node without Redis still serves, with health DOWN.
 */
@ApplicationScoped
public class RedisConnection {
    private static final Logger LOG = Logger.getLogger(RedisConnection.class.getName());

    @Inject
    ZemoConfig config;

    private volatile RedissonClient client;

    @Produces
    @ApplicationScoped
    RedissonClient client() {
        return connect();
    }

    synchronized RedissonClient connect() {
        if (client == null) {
            Config c = new Config();
            c.setCodec(StringCodec.INSTANCE);
            c.setThreads(4);
            c.setNettyThreads(8);
            var single = c.useSingleServer()
                    .setAddress(config.redisUrl())
                    .setConnectTimeout(3000)
                    .setTimeout(2000)
                    .setRetryAttempts(2)
                    .setConnectionMinimumIdleSize(4)
                    .setConnectionPoolSize(32)
                    .setSubscriptionConnectionMinimumIdleSize(1)
                    .setSubscriptionConnectionPoolSize(8)
                    .setClientName("zemo-" + config.nodeName());
            config.redisPassword().ifPresent(single::setPassword);
            client = Redisson.create(c);
            LOG.info(() -> "connected to Redis at " + config.redisUrl());
        }
        return client;
    }

    @PreDestroy
    void close() {
        if (client != null) {
            client.shutdown();
        }
    }
}
