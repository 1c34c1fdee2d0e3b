package com.rapport.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FreePortsTest {

    @Test
    void aPortIsNeverOneAnOutgoingConnectionCouldTake() {
        int ephemeralStart = FreePorts.ephemeralStart();
        for (int i = 0; i < 200; i++) {
            assertThat(FreePorts.next()).isBetween(1_024, ephemeralStart - 1);
        }
    }

    @Test
    void aPortIsHandedOutOncePerJvm() {
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            assertThat(ports.add(FreePorts.next())).isTrue();
        }
    }

    @Test
    void aPortHandedOutCanBeBound() throws IOException {
        int port = FreePorts.next();
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertThat(socket.getLocalPort()).isEqualTo(port);
        }
    }
}
