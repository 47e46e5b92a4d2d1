package com.zemo.jobs.boundary;

import com.zemo.jobs.control.JobTypes;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The forms' fields against the job types' own rules: each refusal lands next to the field it is about. */
class JobFormTest {
    private final JobTypes types = new JobTypes();

    private String refusal(JobForm form, String params) {
        JsonObject json = Json.createReader(new java.io.StringReader(params)).readObject();
        Throwable t = catchThrowable(() -> types.require(form.type).params().apply(json));
        assertThat(t).as(params).isNotNull();
        return form.clientIdOf(t.getMessage());
    }

    @Test
    void serpRefusalsNameTheirField() {
        assertThat(refusal(JobForm.SERP, "{}")).isEqualTo("serp:query");
        assertThat(refusal(JobForm.SERP, "{\"query\":\"q\",\"engine\":\"bing\"}")).isEqualTo("serp:engine");
        assertThat(refusal(JobForm.SERP, "{\"query\":\"q\",\"depth\":5}")).isEqualTo("serp:depth");
    }

    @Test
    void scrapeRefusalsGoToTheUrlsUnlessTheyNameTheSerpJob() {
        assertThat(refusal(JobForm.SCRAPE, "{}")).isEqualTo("scrape:urls");
        assertThat(refusal(JobForm.SCRAPE, "{\"urls\":[\"ftp://x.test/\"]}")).isEqualTo("scrape:urls");
        assertThat(refusal(JobForm.SCRAPE, "{\"serpJobId\":0}")).isEqualTo("scrape:serpJobId");
        assertThat(refusal(JobForm.SCRAPE, "{\"urls\":[\"http://x.test/\"],\"javascript\":\"maybe\"}")).isEqualTo("scrape:javascript");
    }

    @Test
    void analyzeAndGenerateRefusalsNameTheirField() {
        assertThat(refusal(JobForm.ANALYZE, "{}")).isEqualTo("analyze:scrapeJobId");
        assertThat(refusal(JobForm.ANALYZE, "{\"scrapeJobId\":-3}")).isEqualTo("analyze:scrapeJobId");
        assertThat(refusal(JobForm.ANALYZE, "{\"scrapeJobId\":3,\"language\":\"de\"}")).isEqualTo("analyze:language");
        assertThat(refusal(JobForm.GENERATE, "{\"analysisId\":1}")).isEqualTo("generate:promptId");
        assertThat(refusal(JobForm.GENERATE, "{\"promptId\":1}")).isEqualTo("generate:analysisId");
        assertThat(refusal(JobForm.GENERATE, "{\"promptId\":1,\"keyword\":\"k\",\"minScore\":101}")).isEqualTo("generate:minScore");
    }

    @Test
    void theServicesUnseenJobRefusalNamesTheParameter() {
        assertThat(JobForm.ANALYZE.clientIdOf("parameter 'scrapeJobId': no scrape job 99 that you can see")).isEqualTo("analyze:scrapeJobId");
        assertThat(JobForm.SERP.clientIdOf("read-only")).isNull();
    }
}
