package com.zemo.it;

import jakarta.json.JsonObject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** Helpers for job tests: submit, wait for a state, check what the items table says. */
public final class Jobs {
    private Jobs() {
    }

    public static long submit(Api api, String type, String paramsJson) {
        Api.Reply r = api.post("/api/v1/jobs", "{\"type\":\"" + type + "\",\"params\":" + paramsJson + "}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().getJsonNumber("id").longValue();
    }

    public static JsonObject get(Api api, long id) {
        Api.Reply r = api.get("/api/v1/jobs/" + id);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    public static JsonObject await(Api api, long id, Predicate<JsonObject> until, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        JsonObject last = null;
        long pause = 50;
        while (System.nanoTime() < end) {
            last = get(api, id);
            if (until.test(last)) {
                return last;
            }
            // back off to 1 s: a long wait must not spend the token's rate limit (300 a minute in the tests)
            Thread.sleep(pause);
            pause = Math.min(1000, pause * 3 / 2);
        }
        throw new AssertionError("job " + id + " did not reach the expected state in " + timeout + "; last: " + last);
    }

    public static JsonObject awaitStatus(Api api, long id, String status, Duration timeout) throws InterruptedException {
        return await(api, id, j -> j.getString("status").equals(status), timeout);
    }

    /** Items written for a job: total rows and distinct items (the primary key makes duplicates impossible; both are checked). */
    public static long[] items(Connection c, long jobId) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*), count(DISTINCT item), min(item), max(item) FROM job_items WHERE job_id = ?")) {
            ps.setLong(1, jobId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new long[]{rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)};
            }
        }
    }

    public static void assertExactlyOnce(Connection c, long jobId, int items) throws Exception {
        long[] n = items(c, jobId);
        assertThat(n[0]).as("rows of job " + jobId).isEqualTo(items);
        assertThat(n[1]).as("distinct items of job " + jobId).isEqualTo(items);
        assertThat(n[2]).isEqualTo(1);
        assertThat(n[3]).isEqualTo(items);
    }
}
