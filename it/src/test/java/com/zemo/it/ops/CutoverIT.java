package com.zemo.it.ops;

import com.zemo.it.Api;
import com.zemo.it.Jobs;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Drain (wait for running jobs, report what still runs) and the export of job logs, as the runbooks call them. */
class CutoverIT {

    @Test
    void drainReportsWhatStillRunsThenWaitsUntilNothingDoes() throws Exception {
        Api api = Api.bearer(Api.adminToken());
        long job = Jobs.submit(api, "demo", "{\"items\":6,\"itemMillis\":500,\"chunk\":2}");
        Jobs.awaitStatus(api, job, "running", Duration.ofSeconds(60));

        JsonObject busy = api.post("/api/v1/ops/drain?timeoutSeconds=0", null).json();
        assertThat(busy.getBoolean("drained")).isFalse();
        assertThat(busy.getJsonArray("running").getValuesAs(JsonObject.class))
                .anySatisfy(r -> assertThat(r.getJsonNumber("id").longValue()).isEqualTo(job));

        Api.Reply done = api.post("/api/v1/ops/drain?timeoutSeconds=120", null);
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.json().getBoolean("drained")).isTrue();
        assertThat(done.json().getJsonArray("running")).isEmpty();
        assertThat(Jobs.get(api, job).getString("status")).isEqualTo("completed");

        assertThat(api.post("/api/v1/ops/drain?timeoutSeconds=100000", null).status()).isEqualTo(400);
    }

    @Test
    void jobLogsExportAsJsonLinesAndCsv() throws Exception {
        Api api = Api.bearer(Api.adminToken());
        long job = Jobs.submit(api, "demo", "{\"items\":2}");
        Jobs.awaitStatus(api, job, "completed", Duration.ofSeconds(60));

        Api.Reply jsonl = api.get("/api/v1/ops/job-logs?format=jsonl&jobId=" + job);
        assertThat(jsonl.status()).as(jsonl.body()).isEqualTo(200);
        assertThat(jsonl.contentType()).startsWith("application/x-ndjson");
        String[] lines = jsonl.body().split("\n");
        assertThat(lines).hasSizeGreaterThanOrEqualTo(2);
        for (String line : lines) {
            JsonObject o = jakarta.json.Json.createReader(new java.io.StringReader(line)).readObject();
            assertThat(o.getJsonNumber("job_id").longValue()).isEqualTo(job);
            assertThat(o.getString("job_type")).isEqualTo("demo");
        }
        assertThat(jsonl.body()).contains("ended: completed");

        Api.Reply csv = api.get("/api/v1/ops/job-logs?format=csv&type=demo&since=2000-01-01T00:00:00Z");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).startsWith("log_id,at,job_id,job_type,job_status,request_id,level,step,node,message\r\n");
        assertThat(csv.body()).contains("," + job + ",demo,completed,");

        assertThat(api.get("/api/v1/ops/job-logs?format=xml").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/ops/job-logs?since=yesterday").status()).isEqualTo(400);
    }

    @Test
    void httpRequestsAreMeasuredByEndpointTemplateAndStatus() throws Exception {
        Api api = Api.bearer(Api.adminToken());
        long job = Jobs.submit(api, "demo", "{\"items\":1}");
        assertThat(api.get("/api/v1/jobs/" + job).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/jobs/987654321").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/no-such-endpoint").status()).isEqualTo(404);
        String metrics = Api.anonymous().get("/metrics?scope=application").body();
        assertThat(metrics).containsPattern("zemo_http_requests_seconds_count\\{endpoint=\"/api/v1/jobs/\\{id}\",method=\"GET\",mp_scope=\"application\",status=\"200\"} [1-9]");
        assertThat(metrics).containsPattern("zemo_http_requests_seconds_count\\{endpoint=\"/api/v1/jobs/\\{id}\",method=\"GET\",mp_scope=\"application\",status=\"404\"} [1-9]");
        assertThat(metrics).containsPattern("zemo_http_requests_seconds\\{endpoint=\"/api/v1/jobs\",method=\"POST\",mp_scope=\"application\",status=\"201\",quantile=\"0.95\"}");
        assertThat(metrics).doesNotContain("endpoint=\"/api/v1/jobs/" + job);
    }
}
