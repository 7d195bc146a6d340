package dev.ipmi.gateway;

import dev.ipmi.core.types.PrivilegeLevel;
import dev.ipmi.bmc.InMemoryBackend;
import dev.ipmi.bmc.VirtualBmc;
import dev.ipmi.bmc.VirtualBmcServer;
import java.util.ArrayList;
import java.util.List;

/**
 * In-process virtual BMCs (user admin / {@value #PASSWORD}) on free loopback ports. The only test
 * class that touches the virtual BMC's API, so its move to another module changes one file.
 */
final class VirtualBmcs implements AutoCloseable {
    static final String USER = "admin";
    static final String PASSWORD = "vbmc-secret";
    private final VirtualBmcServer server;
    private final List<InMemoryBackend> backends = new ArrayList<>();
    private final List<Integer> ports = new ArrayList<>();

    private VirtualBmcs(int count) {
        server = VirtualBmcServer.start();
        for (int i = 0; i < count; i++) {
            InMemoryBackend backend = InMemoryBackend.builder().instance(i).poweredOn(false).cycleNanos(200_000_000L).build();
            VirtualBmc bmc = VirtualBmc.builder().port(0).user(USER, PASSWORD, PrivilegeLevel.ADMINISTRATOR)
                    .backend(backend).build();
            ports.add(server.add(bmc).getPort());
            backends.add(backend);
        }
    }

    static VirtualBmcs start(int count) {
        return new VirtualBmcs(count);
    }

    int port(int i) {
        return ports.get(i);
    }

    boolean powerOn(int i) {
        return backends.get(i).powerOn();
    }

    @Override
    public void close() {
        server.close();
    }
}
