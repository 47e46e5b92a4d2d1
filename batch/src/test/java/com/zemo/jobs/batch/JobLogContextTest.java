package com.zemo.jobs.batch;

import com.zemo.jobs.batch.se.BatchTestEnvironment;
import com.zemo.platform.LogContext;
import jakarta.batch.runtime.BatchStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static com.zemo.jobs.batch.se.BatchTestEnvironment.await;
import static com.zemo.jobs.batch.se.BatchTestEnvironment.claimNewJob;
import static com.zemo.jobs.batch.se.BatchTestEnvironment.operator;
import static com.zemo.jobs.batch.se.BatchTestEnvironment.params;
import static com.zemo.jobs.batch.se.BatchTestEnvironment.update;
import static org.assertj.core.api.Assertions.assertThat;

/** The log lines of a job's execution carry the id of the request that submitted it, the owner and the job id. */
@ExtendWith(BatchTestEnvironment.class)
class JobLogContextTest {

    @Test
    void jobLogLinesCarryTheSubmittingRequestId() throws Exception {
        JobRef job = claimNewJob("demo");
        update("UPDATE jobs SET request_id = 'req-from-the-api' WHERE id = ?", job.jobId());
        List<Map<String, String>> seen = new CopyOnWriteArrayList<>();
        Logger listenerLog = Logger.getLogger(ZemoJobListener.class.getName());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                seen.add(LogContext.snapshot());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        listenerLog.addHandler(capture);
        try {
            long exec = operator().start("demo", params(job, Map.of("items", "3")));
            assertThat(await(exec)).isEqualTo(BatchStatus.COMPLETED);
        } finally {
            listenerLog.removeHandler(capture);
        }
        assertThat(seen).hasSize(2).allSatisfy(ctx -> {
            assertThat(ctx).containsEntry(LogContext.REQUEST_ID, "req-from-the-api");
            assertThat(ctx).containsEntry(LogContext.JOB_ID, Long.toString(job.jobId()));
        });
    }
}
