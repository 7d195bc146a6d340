package dev.ipmi.lanplus.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.ipmi.core.client.IpmiClient;
import dev.ipmi.core.commands.app.SetUserPassword;
import dev.ipmi.core.event.IpmiEventListener;
import dev.ipmi.core.client.RetryPolicy;
import dev.ipmi.core.types.AuthType;
import dev.ipmi.core.types.PrivilegeLevel;
import dev.ipmi.lan.Ipmi15Machine;
import dev.ipmi.core.options.LanOptions;
import dev.ipmi.lan.internal.AuthCodes;
import dev.ipmi.lan.internal.Ipmi15Packet;
import dev.ipmi.lan.testing.ScriptedRandom;
import dev.ipmi.core.types.AuthenticationAlgorithm;
import dev.ipmi.core.types.CipherSuite;
import dev.ipmi.core.options.CipherSuiteCache;
import dev.ipmi.core.options.LanPlusOptions;
import dev.ipmi.lanplus.internal.LanPlusConfig;
import dev.ipmi.lanplus.internal.LanPlusMachine;
import dev.ipmi.lanplus.internal.RakpKeys;
import dev.ipmi.lanplus.internal.RmcpPlusCodec;
import dev.ipmi.lanplus.sol.SolPacket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Passwords, K_G and session keys never show in {@code toString()} or in exception messages of the
 * objects that hold them: options and their builders, machines, codecs, key holders, the Set User
 * Password request, IPMI 1.5 packets with a straight-password AuthCode, SOL packets (a console
 * can carry a typed password).
 */
class SecretsInToStringTest {
    private static final String PASSWORD = "Pw-Sentinel-94xk";
    private static final byte[] PW = PASSWORD.getBytes(StandardCharsets.US_ASCII);
    private static final byte[] KG = "Kg-Sentinel-0123456x".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] K1 = "K1-Sentinel-key-material-1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] K2 = "K2-Sentinel-key-material-2".getBytes(StandardCharsets.US_ASCII);
    private static final List<byte[]> ALL = List.of(PW, KG, K1, K2);

    private static void free(String what, Object o) {
        Secrets.assertFree(what, String.valueOf(o), ALL);
    }

    @Test
    void optionsAndSpecs() {
        LanOptions lan = LanOptions.builder("127.0.0.1").credentials("admin", PASSWORD.toCharArray()).build();
        free("LanOptions", lan);
        LanPlusOptions.Builder lpb = LanPlusOptions.builder("127.0.0.1").credentials("admin", PASSWORD.toCharArray())
                .kg(KG);
        free("LanPlusOptions.Builder", lpb);
        free("LanPlusOptions", lpb.build());
        LanPlusOptions.Builder cb = IpmiClient.lanplus("127.0.0.1").credentials("admin", PASSWORD.toCharArray()).kg(KG);
        free("IpmiClient.lanplus builder", cb);
        LanPlusOptions built = cb.build();
        free("LanPlusOptions from IpmiClient.lanplus", built);
        assertThat(built.toString()).contains("redacted");
    }

    @Test
    void machinesCodecsAndKeyHolders() {
        InetSocketAddress bmc = new InetSocketAddress("127.0.0.1", 623);
        LanPlusConfig config = new LanPlusConfig(bmc, "admin".getBytes(StandardCharsets.US_ASCII),
                PW, KG, PrivilegeLevel.ADMINISTRATOR, CipherSuite.SUITE_17, true, RetryPolicy.DEFAULT,
                IpmiEventListener.NONE, new CipherSuiteCache(), Duration.ofSeconds(30), true, Set.of());
        free("LanPlusConfig", config);
        free("LanPlusMachine", new LanPlusMachine(config, new Random(1)));
        Ipmi15Machine m15 = new Ipmi15Machine(bmc, "admin".getBytes(StandardCharsets.US_ASCII), AuthCodes.pad(PW),
                AuthType.PASSWORD, true, PrivilegeLevel.ADMINISTRATOR, RetryPolicy.DEFAULT, 8, Duration.ofSeconds(30),
                IpmiEventListener.NONE, new ScriptedRandom(), new CompletableFuture<>());
        free("Ipmi15Machine", m15);
        free("RmcpPlusCodec", RmcpPlusCodec.forSession(CipherSuite.SUITE_17, K1, K2, PW));
        try (RakpKeys keys = new RakpKeys(AuthenticationAlgorithm.RAKP_HMAC_SHA256, PW, KG)) {
            free("RakpKeys", keys);
        }
    }

    @Test
    void messagesThatCarryAPassword() {
        free("SetUserPassword.Request", SetUserPassword.Request.set(2, PW));
        Ipmi15Packet straight = new Ipmi15Packet(AuthType.PASSWORD, 1, 0x1234, AuthCodes.pad(PW), new byte[7]);
        free("Ipmi15Packet", straight);
        free("SolPacket", SolPacket.fromBmc(1, 0, 0, Set.of(), PW));
    }

    @Test
    void exceptionsAboutOversizedSecretsDoNotEchoThem() {
        byte[] longPw = "Pw-Sentinel-94xk-too-long-for-rmcp+".getBytes(StandardCharsets.US_ASCII);
        Throwable e = catchThrowable(() -> LanPlusOptions.builder("h").credentials("admin", new String(longPw,
                StandardCharsets.US_ASCII).toCharArray()));
        assertThat(e).isInstanceOf(IllegalArgumentException.class);
        Secrets.assertFree("password length error", e.getMessage(), List.of(longPw, PW));
        byte[] longKg = "Kg-Sentinel-0123456x-and-more".getBytes(StandardCharsets.US_ASCII);
        e = catchThrowable(() -> LanPlusOptions.builder("h").kg(longKg));
        assertThat(e).isInstanceOf(IllegalArgumentException.class);
        Secrets.assertFree("K_G length error", e.getMessage(), List.of(longKg, KG));
        e = catchThrowable(() -> new RakpKeys(AuthenticationAlgorithm.RAKP_HMAC_SHA1, longPw, null));
        Secrets.assertFree("RakpKeys error", e.getMessage(), List.of(longPw));
    }
}
