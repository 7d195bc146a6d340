package dev.ipmi.bmc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipmi.core.types.PrivilegeLevel;
import dev.ipmi.core.types.CipherSuite;
import dev.ipmi.lanplus.internal.RakpMessage;
import dev.ipmi.lanplus.internal.RmcpPlusCodec;
import dev.ipmi.testing.IpmiSim;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Session slots under attack: a burst of 16 half-open RMCP+ logins (Open Session and RAKP1, never RAKP3)
 * and then a steady trickle of them, while 30 legitimate FreeIPMI logins run. Before the fix the burst
 * held all 8 slots for 10 s; now a login in its handshake takes no slot, the oldest gives way when the
 * handshake table is full, and half-open logins are forgotten after 3 s.
 */
class HalfOpenSessionsIT {
    private static final CipherSuite SUITE = CipherSuite.SUITE_3;

    @TempDir
    Path dir;

    @Test
    void legitimateLoginsSucceedDuringATrickleOfHalfOpenSessions() throws Exception {
        VirtualBmc bmc = VirtualBmc.builder().user("admin", "password", PrivilegeLevel.ADMINISTRATOR)
                .cipherSuites(SUITE).sessionLimit(8).halfOpenLimit(16).build();
        try (VirtualBmcServer server = VirtualBmcServer.start()) {
            int port = server.add(bmc).getPort();
            AtomicBoolean attacking = new AtomicBoolean(true);
            AtomicInteger halfOpened = new AtomicInteger();
            Thread attacker = new Thread(() -> attack(port, attacking, halfOpened), "half-open attacker");
            attacker.start();
            for (int i = 0; i < 100 && halfOpened.get() < 16; i++) {
                Thread.sleep(50);
            }
            assertThat(halfOpened.get()).as("the burst is in place").isGreaterThanOrEqualTo(16);
            int succeeded = 0;
            for (int i = 0; i < 30; i++) {
                try {
                    String out = IpmiSim.run(List.of("ipmi-power", "-h", "127.0.0.1:" + port, "-u", "admin", "-p",
                            "password", "-D", "LAN_2_0", "-I", "3", "--session-timeout=3000", "--stat"), dir);
                    if (out.contains("127.0.0.1: off")) {
                        succeeded++;
                    }
                } catch (IOException e) {
                    // counted as a failed login
                }
                Thread.sleep(50);
            }
            attacking.set(false);
            attacker.join(10_000);
            int attacks = halfOpened.get();
            assertThat(attacks).as("the trickle went on during the logins").isGreaterThan(16 + 10);
            assertThat(succeeded).as("legitimate logins out of 30 with %d half-open sessions", attacks)
                    .isGreaterThanOrEqualTo(28);
            for (int i = 0; i < 200 && bmc.sessions() > 0; i++) {
                Thread.sleep(50);
            }
            assertThat(bmc.sessions()).as("half-open sessions forgotten within a few seconds").isZero();
        }
    }

    /** Opens sessions and answers RAKP2 never: 16 at once, then one every 100 ms. Bounded by the flag and a count. */
    private static void attack(int port, AtomicBoolean attacking, AtomicInteger halfOpened) {
        InetAddress lo = InetAddress.getLoopbackAddress();
        try (DatagramSocket socket = new DatagramSocket(0, lo)) {
            socket.setSoTimeout(500);
            for (int n = 0; n < 2000 && attacking.get(); n++) {
                RakpMessage.OpenSessionRequest open = new RakpMessage.OpenSessionRequest(n & 0xFF, 0, 0x1000 + n,
                        SUITE.authentication().code(), SUITE.integrity().code(), SUITE.confidentiality().code());
                send(socket, lo, port, open);
                RakpMessage reply = receive(socket);
                if (reply instanceof RakpMessage.OpenSessionResponse r && r.status().isSuccess()) {
                    send(socket, lo, port, new RakpMessage.Rakp1(n & 0xFF, r.bmcSessionId(), new byte[16], 0x04,
                            "admin".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
                    if (receive(socket) instanceof RakpMessage.Rakp2) {
                        halfOpened.incrementAndGet();
                    }
                }
                if (n >= 16) {
                    Thread.sleep(100);
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(DatagramSocket s, InetAddress to, int port, RakpMessage m) throws IOException {
        byte[] d = RmcpPlusCodec.unauthenticated().encode(m.payloadType(), 0, 0, m.toBytes());
        s.send(new DatagramPacket(d, d.length, to, port));
    }

    private static RakpMessage receive(DatagramSocket s) throws IOException {
        byte[] buf = new byte[512];
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        try {
            s.receive(p);
        } catch (SocketTimeoutException e) {
            return null;
        }
        byte[] d = java.util.Arrays.copyOf(buf, p.getLength());
        RmcpPlusCodec.Packet packet = RmcpPlusCodec.unauthenticated().decode(d);
        return RakpMessage.decode(packet.payloadType(), packet.payload());
    }
}
