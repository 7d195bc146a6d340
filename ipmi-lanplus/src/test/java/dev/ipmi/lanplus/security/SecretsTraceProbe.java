package dev.ipmi.lanplus.security;

import dev.ipmi.core.commands.app.GetDeviceId;
import dev.ipmi.core.commands.app.SetUserPassword;
import dev.ipmi.core.client.RetryPolicy;
import dev.ipmi.core.types.AuthType;
import dev.ipmi.core.options.LanOptions;
import dev.ipmi.lan.LanSession;
import dev.ipmi.core.types.CipherSuite;
import dev.ipmi.core.options.LanPlusOptions;
import dev.ipmi.lanplus.LossyRelay;
import dev.ipmi.lanplus.LanPlusSession;
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
            LossyRelay relay = new LossyRelay(new InetSocketAddress("127.0.0.1", port));
            relay.dropToBmc = d -> wire.add(d.clone()) && false;
            relay.dropToClient = d -> wire.add(d.clone()) && false;
            LanPlusOptions o = LanPlusOptions.builder("127.0.0.1").port(relay.port()).credentials("admin", password)
                    .kg(kg).cipherSuite(suite).build();
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
            keys.add(HexFormat.of().formatHex((byte[]) field(codec, "k1")));
            keys.add(HexFormat.of().formatHex((byte[]) field(codec, "aesKey")));
            s.close();
            relay.close();
            for (String name : List.of("password", "kg")) {
                if (!allZero((byte[]) field(field(machine, "secrets"), name))) {
                    problems.add("LanPlusMachine." + name + " not wiped after close");
                }
            }
            for (String name : List.of("k1", "aesKey", "password20")) {
                if (!allZero((byte[]) field(codec, name))) {
                    problems.add("RmcpPlusCodec." + name + " not wiped after close");
                }
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
