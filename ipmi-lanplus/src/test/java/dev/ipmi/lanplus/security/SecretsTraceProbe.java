package dev.ipmi.lanplus.security;

import dev.ipmi.core.commands.app.GetDeviceId;
import dev.ipmi.core.commands.app.SetUserPassword;
import dev.ipmi.core.client.RetryPolicy;
import dev.ipmi.core.types.AuthType;
import dev.ipmi.core.options.LanOptions;
import dev.ipmi.lan.LanSession;
import dev.ipmi.core.types.CipherSuite;
import dev.ipmi.core.options.LanPlusOptions;
import dev.ipmi.testing.FaultyUdpRelay;
import dev.ipmi.lanplus.LanPlusSession;
import dev.ipmi.lanplus.internal.Crypto;
import dev.ipmi.lanplus.internal.RakpKeys;
import dev.ipmi.lanplus.internal.RakpMessage;
import java.lang.reflect.Field;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Run in a child JVM by {@link SecretsInLogsIT} with SLF4J simple at TRACE writing to stdout: logs
 * in to ipmi_sim with the right and wrong secrets over RMCP+ and IPMI 1.5, sends a Test Password
 * request (the password inside the data), prints every toString and exception it gets, and writes
 * the session keys it finds by reflection to a side file (never to stdout) so the parent can look
 * for them in the output. Also checks that the machines wipe their copies when the sessions end.
 *
 * <p>The RMCP+ logins go through a relay that taps the wire: every byte that would let someone test
 * a password or K_G guess offline — the RAKP random numbers, the RAKP 2/3 auth codes, the RAKP 4
 * ICV, the AuthCode of every session packet and each block of every encrypted payload — goes to a
 * second side file, and the parent asserts that none of it appears in the trace either.
 */
public final class SecretsTraceProbe {
    private static final RetryPolicy FAST = new RetryPolicy(Duration.ofMillis(300), 1.5, Duration.ofSeconds(1), 1, 0);

    private SecretsTraceProbe() {}

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        char[] password = args[1].toCharArray();
        byte[] kg = args[2].getBytes(StandardCharsets.US_ASCII);
        Path keysFile = Path.of(args[3]);
        Path wireFile = Path.of(args[4]);
        List<String> keys = new ArrayList<>();
        List<byte[]> wire = java.util.Collections.synchronizedList(new ArrayList<>());
        List<String> problems = new ArrayList<>();

        for (CipherSuite suite : List.of(CipherSuite.SUITE_3, CipherSuite.SUITE_2)) {
            FaultyUdpRelay relay = new FaultyUdpRelay(new InetSocketAddress("127.0.0.1", port), 1);
            relay.dropToBmc = d -> wire.add(d.clone()) && false;
            relay.dropToClient = d -> wire.add(d.clone()) && false;
            LanPlusOptions o = LanPlusOptions.builder("127.0.0.1").port(relay.port()).credentials("admin", password)
                    .kg(kg).cipherSuite(suite).build();
            int loginFrom = wire.size();
            LanPlusSession s = LanPlusSession.open(o);
            System.out.println("session: " + s + " options: " + o);
            System.out.println("device: " + s.send(new GetDeviceId.Request()).join());
            try {
                System.out.println("test password: " + s.send(SetUserPassword.Request.test(2,
                        SetUserPassword.PasswordSize.SIXTEEN, args[1].getBytes(StandardCharsets.US_ASCII))).join());
            } catch (RuntimeException e) {
                e.printStackTrace(System.out);
            }
            Object machine = field(s, "machine");
            Object codec = field(field(field(machine, "phase"), "session"), "codec");
            // the codec keeps K1 only as HMAC chaining values: K1 itself is derived here from the captured RAKP
            // messages, and checked against those values, so the log is searched for both
            byte[] k1 = k1FromWire(wire, loginFrom, suite, args[1].getBytes(StandardCharsets.US_ASCII), kg);
            byte[] chaining = (byte[]) field(field(codec, "integrityKey"), "chaining");
            try (Crypto.HmacKey fromWire = new Crypto.HmacKey(Crypto.Hash.SHA1, k1)) {
                if (!Arrays.equals((byte[]) field(fromWire, "chaining"), chaining)) {
                    problems.add("K1 derived from the captured RAKP messages is not the session's");
                }
            }
            keys.add(HexFormat.of().formatHex(k1));
            keys.add(HexFormat.of().formatHex(chaining));
            keys.add(HexFormat.of().formatHex((byte[]) field(codec, "aesKey")));
            s.close();
            relay.close();
            for (String name : List.of("password", "kg")) {
                if (!allZero((byte[]) field(field(machine, "secrets"), name))) {
                    problems.add("LanPlusMachine." + name + " not wiped after close");
                }
            }
            for (String name : List.of("aesKey", "password20")) {
                if (!allZero((byte[]) field(codec, name))) {
                    problems.add("RmcpPlusCodec." + name + " not wiped after close");
                }
            }
            if (!allZero(chaining)) {
                problems.add("RmcpPlusCodec.integrityKey (K1's HMAC chaining values) not wiped after close");
            }
            o.wipe();
        }

        for (String[] wrong : new String[][] {{"Wrong-Pw-123456", args[2]}, {args[1], "Wrong-Kg-98765"}}) {
            LanPlusOptions o = LanPlusOptions.builder("127.0.0.1").port(port).credentials("admin", wrong[0].toCharArray()).kg(wrong[1].getBytes(StandardCharsets.US_ASCII))
                    .cipherSuite(CipherSuite.SUITE_3).retry(FAST).build();
            try (LanPlusSession s = LanPlusSession.open(o)) {
                problems.add("login with a wrong secret succeeded: " + s);
            } catch (RuntimeException e) {
                System.out.println("wrong secret: " + e);
                e.printStackTrace(System.out);
            }
        }

        LanOptions lo = LanOptions.builder("127.0.0.1").port(port).credentials("admin", password)
                .authType(AuthType.MD5).build();
        LanSession ls = LanSession.open(lo);
        System.out.println("lan session: " + ls + " options: " + lo);
        System.out.println("device: " + ls.send(new GetDeviceId.Request()).join());
        Object m15 = field(ls, "registration");
        ls.close();
        lo.wipe();
        System.out.println("lan registration: " + m15);

        LanOptions wrong = LanOptions.builder("127.0.0.1").port(port).credentials("admin", "Wrong-Pw-123456".toCharArray()).authType(AuthType.MD5).retry(FAST).build();
        try (LanSession s = LanSession.open(wrong)) {
            problems.add("IPMI 1.5 login with a wrong password succeeded: " + s);
        } catch (RuntimeException e) {
            System.out.println("wrong 1.5 password: " + e);
            e.printStackTrace(System.out);
        }

        Files.write(keysFile, keys);
        List<String> verifiers = new ArrayList<>();
        synchronized (wire) {
            for (byte[] d : wire) {
                for (byte[] v : guessVerifiers(d)) {
                    verifiers.add(HexFormat.of().formatHex(v));
                }
            }
        }
        Files.write(wireFile, verifiers);
        if (!problems.isEmpty()) {
            System.out.println("PROBLEMS " + problems);
            System.exit(3);
        }
        System.out.println("PROBE DONE");
    }

    /**
     * K1 = HMAC(SIK, 01h x 20) with SIK keyed by K_G over Rm, Rc, role and user name (IPMI v2.0 §13.31,
     * §13.32), from the last RAKP 1 and RAKP 2 captured since {@code from}.
     */
    private static byte[] k1FromWire(List<byte[]> wire, int from, CipherSuite suite, byte[] password, byte[] kg) {
        RakpMessage.Rakp1 rakp1 = null;
        RakpMessage.Rakp2 rakp2 = null;
        synchronized (wire) {
            for (byte[] d : wire.subList(from, wire.size())) {
                if (d.length < 16 || d[4] != 0x06) {
                    continue;
                }
                int type = d[5] & 0x3F;
                int len = (d[14] & 0xFF) | (d[15] & 0xFF) << 8;
                if ((type == 0x12 || type == 0x13) && d.length >= 16 + len) {
                    RakpMessage m = RakpMessage.decode(type, Arrays.copyOfRange(d, 16, 16 + len));
                    if (m instanceof RakpMessage.Rakp1 r) {
                        rakp1 = r;
                    } else if (m instanceof RakpMessage.Rakp2 r) {
                        rakp2 = r;
                    }
                }
            }
        }
        if (rakp1 == null || rakp2 == null) {
            throw new IllegalStateException("no RAKP 1 / RAKP 2 captured for " + suite);
        }
        try (RakpKeys keys = new RakpKeys(suite.authentication(), password, kg)) {
            byte[] sik = keys.sik(rakp1.consoleRandom(), rakp2.bmcRandom(), rakp1.role(), rakp1.userName());
            return RakpKeys.derive(suite.authentication(), sik, 0x01);
        }
    }

    /**
     * What an offline guesser would take from one RMCP+ datagram: RAKP 1 and 2 random numbers,
     * RAKP 2/3 auth codes, the RAKP 4 ICV, the 12-byte AuthCode of authenticated packets (suites 2
     * and 3 use HMAC-SHA1-96) and every 16-byte block of an encrypted payload (IV included).
     */
    private static List<byte[]> guessVerifiers(byte[] d) {
        List<byte[]> out = new ArrayList<>();
        if (d.length < 16 || d[4] != 0x06) {
            return out;
        }
        int type = d[5] & 0x3F;
        boolean encrypted = (d[5] & 0x80) != 0;
        boolean authenticated = (d[5] & 0x40) != 0;
        int len = (d[14] & 0xFF) | (d[15] & 0xFF) << 8;
        int end = Math.min(d.length, 16 + len);
        switch (type) {
            case 0x12, 0x13 -> {
                if (end >= 16 + 24) {
                    out.add(Arrays.copyOfRange(d, 16 + 8, 16 + 24));
                }
                if (type == 0x13 && end > 16 + 40 + 6) {
                    out.add(Arrays.copyOfRange(d, 16 + 40, end));
                }
            }
            case 0x14, 0x15 -> {
                if (end > 16 + 8 + 6) {
                    out.add(Arrays.copyOfRange(d, 16 + 8, end));
                }
            }
            default -> {
                if (encrypted) {
                    for (int i = 16; i + 16 <= end; i += 16) {
                        out.add(Arrays.copyOfRange(d, i, i + 16));
                    }
                }
                if (authenticated && d.length >= 12 + 16) {
                    out.add(Arrays.copyOfRange(d, d.length - 12, d.length));
                }
            }
        }
        return out;
    }

    private static Object field(Object o, String name) throws ReflectiveOperationException {
        for (Class<?> c = o.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(name);
                f.setAccessible(true);
                return f.get(o);
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        throw new NoSuchFieldException(o.getClass() + "." + name);
    }

    private static boolean allZero(byte[] b) {
        if (b == null) {
            return true;
        }
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }
}
