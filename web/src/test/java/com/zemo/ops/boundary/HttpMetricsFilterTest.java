package com.zemo.ops.boundary;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HttpMetricsFilterTest {

    @Path("jobs")
    static class Jobs {
        @GET
        public void list() {
        }

        @GET
        @Path("{id}")
        public void one() {
        }

        @GET
        @Path("{id: [0-9]+}/logs/")
        public void logs() {
        }
    }

    @Path("/")
    static class Root {
        @GET
        @Path("/ping")
        public void ping() {
        }
    }

    @Test
    void endpointIsTheTemplateNeverTheRawPath() throws Exception {
        assertThat(HttpMetricsFilter.template(Jobs.class, Jobs.class.getMethod("list"))).isEqualTo("/api/v1/jobs");
        assertThat(HttpMetricsFilter.template(Jobs.class, Jobs.class.getMethod("one"))).isEqualTo("/api/v1/jobs/{id}");
        assertThat(HttpMetricsFilter.template(Jobs.class, Jobs.class.getMethod("logs"))).isEqualTo("/api/v1/jobs/{id}/logs");
        assertThat(HttpMetricsFilter.template(Root.class, Root.class.getMethod("ping"))).isEqualTo("/api/v1/ping");
    }
}
