package com.rapport.testsupport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A port nobody listens on right now, for servers started by tests and by the local stack.
 *
 * <p>Picked below the kernel's ephemeral range: a port from that range (what {@code new ServerSocket(0)} hands out)
 * can be taken by any outgoing connection between the pick and the server's bind, which once failed a stack's
 * start-up with "Port … was already in use". Below the range only another listener can take it. A port is handed
 * out once per JVM, so two servers of one stack never get the same one.
 */
public final class FreePorts {

    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    private static final int LOWEST = 10_000;
    /** Linux's default start of the ephemeral range, for systems that do not say. */
    private static final int DEFAULT_EPHEMERAL_START = 32_768;
    private static final int ATTEMPTS = 1_000;

    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private FreePorts() {
    }

    public static int next() {
        int end = ephemeralStart();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, end);
            if (isFree(port) && HANDED_OUT.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port between " + LOWEST + " and " + end + " after "
                + ATTEMPTS + " attempts");
    }

    /** The first port the kernel may give an outgoing connection. */
    static int ephemeralStart() {
        try {
            if (Files.isReadable(EPHEMERAL_RANGE)) {
                int start = Integer.parseInt(Files.readString(EPHEMERAL_RANGE).trim().split("\\s+")[0]);
                if (start > LOWEST + 1_000) {
                    return start;
                }
            }
        } catch (IOException | RuntimeException e) {
            // fall back to Linux's default below
        }
        return DEFAULT_EPHEMERAL_START;
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
