package com.zemo.platform.boundary;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestIdsTest {
    @Test
    void traceIdOfAW3cTraceparent() {
        assertThat(RequestIds.traceId("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"))
                .isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    @Test
    void malformedOrAbsentTraceparentGivesNone() {
        assertThat(RequestIds.traceId(null)).isNull();
        assertThat(RequestIds.traceId("garbage")).isNull();
        assertThat(RequestIds.traceId("00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01")).isNull();
        assertThat(RequestIds.traceId("00-00000000000000000000000000000000-00f067aa0ba902b7-01")).isNull();
        assertThat(RequestIds.traceId("00-4bf92f3577b34da6a3ce929d0e0e47\"}-00f067aa0ba902b7-01")).isNull();
    }
}
