package dev.ipmi.benchmarks.tools;

import dev.ipmi.core.spi.IpmiTransport;
import dev.ipmi.core.types.AuthType;
import dev.ipmi.lan.LanOptions;
import dev.ipmi.lan.LanSession;
import dev.ipmi.lanplus.CipherSuite;
import dev.ipmi.lanplus.LanPlusOptions;
import dev.ipmi.lanplus.LanPlusSession;
import java.util.concurrent.CompletableFuture;

/** Sessions to the lab ipmi_sim as admin/password on 127.0.0.1, the same as the peers are given. */
final class Sessions {
    static final String HOST = "127.0.0.1";
    static final String USER = "admin";
    static final String PASSWORD = "password";

    private Sessions() {}

    /** lanplus: cipher suite 3 (ipmitool -C 3); lan: IPMI 1.5 MD5. Both on the JVM-wide shared UDP engine. */
    static IpmiTransport open(String transport, int port) {
        return switch (transport) {
            case "lanplus" -> LanPlusSession.open(lanplus(port));
            case "lan" -> LanSession.open(LanOptions.builder(HOST).port(port).userName(USER)
                    .password(PASSWORD.toCharArray()).authType(AuthType.MD5).build());
            default -> throw new IllegalArgumentException("--transport is lan or lanplus: " + transport);
        };
    }

    static CompletableFuture<LanPlusSession> openLanPlusAsync(int port) {
        return LanPlusSession.openAsync(lanplus(port));
    }

    private static LanPlusOptions lanplus(int port) {
        return LanPlusOptions.builder(HOST).port(port).user(USER).password(PASSWORD.toCharArray())
                .cipherSuite(CipherSuite.SUITE_3).build();
    }
}
