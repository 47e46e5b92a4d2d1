package com.zemo.ops.control;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TrafficRoutesTest {

    @Test
    void defaultIsZemoAndTheFastPathSaysSo() {
        TrafficRoutes r = new TrafficRoutes();
        assertThat(r.allOnZemo()).isTrue();
        assertThat(r.stateFor(1L, 1)).isEqualTo(TrafficState.ZEMO);
    }

    @Test
    void broadcastChangesApplyWithoutTheDatabaseAndTokenWinsOverUser() {
        TrafficRoutes r = new TrafficRoutes();
        r.apply("user:7=legacy");
        assertThat(r.allOnZemo()).isFalse();
        assertThat(r.stateFor(42L, 7)).isEqualTo(TrafficState.LEGACY);
        assertThat(r.stateFor(null, 7)).isEqualTo(TrafficState.LEGACY);
        r.apply("token:42=shadow");
        assertThat(r.stateFor(42L, 7)).isEqualTo(TrafficState.SHADOW);
        assertThat(r.stateFor(43L, 7)).isEqualTo(TrafficState.LEGACY);
        assertThat(r.stateFor(43L, 8)).isEqualTo(TrafficState.ZEMO);
        r.apply("token:42=zemo");
        r.apply("user:7=zemo");
        assertThat(r.allOnZemo()).isTrue();
    }

    @Test
    void malformedMessagesAreIgnored() {
        TrafficRoutes r = new TrafficRoutes();
        r.apply("token:42");
        r.apply("token:42=sideways");
        r.apply(null);
        assertThat(r.allOnZemo()).isTrue();
    }
}
