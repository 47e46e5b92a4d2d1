package com.zemo.jobs.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.redisson.api.RedissonClient;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tells every node's dispatcher that there is work, once the transaction that queued it has committed, so a
 * submission starts in milliseconds rather than at the next poll.
 */
@ApplicationScoped
public class JobWakeUp {
    private static final Logger LOG = Logger.getLogger(JobWakeUp.class.getName());
    public static final String TOPIC = com.zemo.jobs.batch.JobEvents.WAKE_TOPIC;

    @Resource
    TransactionSynchronizationRegistry tx;

    @Inject
    RedissonClient redis;

    public void afterCommit() {
        if (tx.getTransactionStatus() == Status.STATUS_ACTIVE) {
            tx.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        publish();
                    }
                }
            });
        } else {
            publish();
        }
    }

    private void publish() {
        try {
            redis.getTopic(TOPIC).publishAsync("wake");
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "wake-up not published; the dispatchers poll anyway", e);
        }
    }
}
