package com.zemo.jobs.batch.se;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Status;
import jakarta.transaction.Transaction;
import jakarta.transaction.Transactional;

/**
 * {@code @Transactional(REQUIRES_NEW)} under Weld SE, as the container does it: the caller's chunk transaction
 * is suspended and the method runs in its own, so {@code JobEvents.log} keeps a line even when the chunk that
 * wrote it rolls back. (Rolls back on any exception; the one bean using it throws none.)
 */
@Interceptor
@Transactional(Transactional.TxType.REQUIRES_NEW)
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 200)
public class RequiresNewInterceptor {

    @AroundInvoke
    Object requiresNew(InvocationContext ic) throws Exception {
        ChunkTransactions tm = ChunkTransactions.INSTANCE;
        Transaction outer = tm.suspend();
        try {
            tm.begin();
            try {
                Object result = ic.proceed();
                tm.commit();
                return result;
            } catch (Exception e) {
                if (tm.getStatus() != Status.STATUS_NO_TRANSACTION) {
                    tm.rollback();
                }
                throw e;
            }
        } finally {
            tm.resume(outer);
        }
    }
}
