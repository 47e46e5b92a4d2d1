package com.zemo.jobs.boundary;

import com.zemo.identity.control.Caller;
import com.zemo.jobs.batch.JobEvents;
import com.zemo.jobs.control.JobService;
import com.zemo.jobs.entity.Job;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Server-Sent Events of one job: the stored log after Last-Event-ID first, then live lines and progress from the
 * job's Redis topic, whichever node runs the job. Log events carry their line id as event id, so a client that
 * reconnects with Last-Event-ID misses nothing and sees nothing twice. The stream ends after the job ends.
 */
@ApplicationScoped
public class JobEventStream {
    private static final Logger LOG = Logger.getLogger(JobEventStream.class.getName());
    private static final Jsonb JSON = JsonbBuilder.create();

    @EJB
    JobService jobs;

    @Inject
    RedissonClient redis;

    @Resource
    ManagedScheduledExecutorService scheduler;

    public void open(Caller caller, long jobId, long lastEventId, SseEventSink sink, Sse sse) {
        Job job = jobs.get(caller, jobId);
        AtomicLong lastSent = new AtomicLong(lastEventId);
        Object lock = new Object();
        RTopic topic = redis.getTopic(JobEvents.TOPIC_PREFIX + jobId);
        int[] listener = new int[1];
        ScheduledFuture<?>[] keepAlive = new ScheduledFuture<?>[1];
        Runnable close = () -> {
            try {
                topic.removeListener(listener[0]);
            } catch (RuntimeException ignored) {
                // Redis gone; nothing to unsubscribe
            }
            if (keepAlive[0] != null) {
                keepAlive[0].cancel(false);
            }
            if (!sink.isClosed()) {
                sink.close();
            }
        };
        // Subscribe first, then replay: a line written in between arrives twice and is dropped by id.
        listener[0] = topic.addListener(String.class, (ch, msg) -> {
            synchronized (lock) {
                if (sink.isClosed()) {
                    close.run();
                    return;
                }
                if (msg.contains("\"kind\":\"log\"")) {
                    long id = idOf(msg);
                    if (id > lastSent.get()) {
                        sink.send(sse.newEventBuilder().name("log").id(Long.toString(id)).mediaType(MediaType.APPLICATION_JSON_TYPE).data(msg).build());
                        lastSent.set(id);
                    }
                } else if (sendProgress(caller, jobId, sink, sse)) {
                    lastSent.set(replay(caller, jobId, lastSent.get(), sink, sse));
                    close.run();
                }
            }
        });
        synchronized (lock) {
            lastSent.set(Math.max(lastSent.get(), replay(caller, jobId, lastEventId, sink, sse)));
            if (sendProgress(caller, jobId, sink, sse)) {
                lastSent.set(replay(caller, jobId, lastSent.get(), sink, sse));
                close.run();
                return;
            }
        }
        keepAlive[0] = scheduler.scheduleAtFixedRate(() -> {
            synchronized (lock) {
                if (sink.isClosed()) {
                    close.run();
                } else {
                    sink.send(sse.newEventBuilder().comment("keep-alive").build());
                    if (sendProgress(caller, jobId, sink, sse)) {
                        lastSent.set(replay(caller, jobId, lastSent.get(), sink, sse));
                        close.run();
                    }
                }
            }
        }, 15, 15, TimeUnit.SECONDS);
        LOG.fine(() -> "SSE stream of job " + job.getId() + " opened after event " + lastEventId);
    }

    /** Sends the stored lines after {@code after}; @return the id of the last line sent (or {@code after}). */
    private long replay(Caller caller, long jobId, long after, SseEventSink sink, Sse sse) {
        while (true) {
            var lines = jobs.logs(caller, jobId, after, 500);
            for (var l : lines) {
                String data = JSON.toJson(new JobViews.LogLine(l.getId(), l.getAt(), l.getLevel(), l.getStep(), l.getNode(), l.getMessage()));
                sink.send(sse.newEventBuilder().name("log").id(Long.toString(l.getId())).mediaType(MediaType.APPLICATION_JSON_TYPE).data(data).build());
                after = l.getId();
            }
            if (lines.size() < 500) {
                return after;
            }
        }
    }

    /** @return true when the job has ended (the stream can close) */
    private boolean sendProgress(Caller caller, long jobId, SseEventSink sink, Sse sse) {
        try {
            Job j = jobs.get(caller, jobId);
            sink.send(sse.newEventBuilder().name("progress").mediaType(MediaType.APPLICATION_JSON_TYPE)
                    .data(JSON.toJson(JobViews.Summary.of(j))).build());
            return j.getStatus().isFinished();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "progress of job " + jobId + " not sent", e);
            return false;
        }
    }

    private static long idOf(String json) {
        int i = json.indexOf("\"id\":");
        int end = i + 5;
        while (end < json.length() && Character.isDigit(json.charAt(end))) {
            end++;
        }
        return Long.parseLong(json.substring(i + 5, end));
    }
}
