package com.zemo.launcher;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThat;

class PortsTest {

    @Test
    void aFreePortIsBelowTheEphemeralRangeAndCanBeBound() throws Exception {
        for (int i = 0; i < 20; i++) {
            int port = Ports.free();
            assertThat(port).isBetween(10000, 32767);
            try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                assertThat(s.getLocalPort()).isEqualTo(port);
                assertThat(Ports.isFree(port)).isFalse();
            }
        }
    }
}
