package dev.ipmi.gateway;

import dev.ipmi.core.types.PrivilegeLevel;
import dev.ipmi.bmc.BmcBackend;
import dev.ipmi.bmc.InMemoryBackend;
import dev.ipmi.bmc.VirtualBmc;
import dev.ipmi.bmc.VirtualBmcServer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * In-process virtual BMCs (user admin / {@value #PASSWORD}) on free loopback ports. The only test
 * class that touches the virtual BMC's API, so its move to another module changes one file.
 */
final class VirtualBmcs implements AutoCloseable {
    static final String USER = "admin";
    static final String PASSWORD = "vbmc-secret";
    private final VirtualBmcServer server;
    private final List<InMemoryBackend> backends = new ArrayList<>();
    private final List<VirtualBmc> bmcs = new ArrayList<>();
    private final List<Integer> ports = new ArrayList<>();

    private VirtualBmcs(int count, UnaryOperator<BmcBackend> wrap) {
        server = VirtualBmcServer.start();
        for (int i = 0; i < count; i++) {
            InMemoryBackend backend = InMemoryBackend.builder().instance(i).poweredOn(false).cycleNanos(200_000_000L).build();
            VirtualBmc bmc = VirtualBmc.builder().port(0).user(USER, PASSWORD, PrivilegeLevel.ADMINISTRATOR)
                    .backend(wrap.apply(backend)).build();
            ports.add(server.add(bmc).getPort());
            backends.add(backend);
            bmcs.add(bmc);
        }
    }

    static VirtualBmcs start(int count) {
        return new VirtualBmcs(count, UnaryOperator.identity());
    }

    /** BMCs whose backend is {@code wrap} applied to the usual in-memory one (a console of the test's own, say). */
    static VirtualBmcs start(int count, UnaryOperator<BmcBackend> wrap) {
        return new VirtualBmcs(count, wrap);
    }

    /** Sessions BMC {@code i} holds now (RMCP+ and IPMI v1.5, past activation). */
    int sessions(int i) {
        return bmcs.get(i).activeSessions();
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
