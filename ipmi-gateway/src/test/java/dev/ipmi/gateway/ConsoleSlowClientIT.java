package dev.ipmi.gateway;

import static dev.ipmi.gateway.GatewayFixture.OPERATOR_KEY;
import static dev.ipmi.gateway.GatewayFixture.VIEWER_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ipmi.bmc.ForwardingBmcBackend;
import dev.ipmi.bmc.SolConsole;
import dev.ipmi.testing.Closeables;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A browser too slow to drain its console: a WebSocket client that stops reading (a raw socket with
 * a small receive buffer, so TCP stalls early) while the host prints a burst. The gateway must drop
 * that client with 1008 once its {@code console_buffer_bytes} queue is full, while the SOL session
 * and the other client, which reads, keep going: the other client gets the whole burst and the echo
 * typed after it, and the BMC still holds the console's SOL session.
 */
// a separate thread, so the timeout also ends a test blocked in a socket read
@Timeout(value = 180, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ConsoleSlowClientIT {
    private static final String PATH = "/api/v1/bmcs/node01/console";
    /**
     * Host output after "flood": more than the stalled connection's TCP buffers hold plus the 4 KiB
     * queue (on this machine the stalled client had received 1.6 MB when it was cut off: the
     * gateway's send buffer grows to a few MB on loopback whatever the client's receive buffer).
     */
    private static final int FLOOD_BYTES = 6 * 1024 * 1024;
    private static VirtualBmcs bmcs;
    private static GatewayFixture gw;

    @BeforeAll
    static void start() {
        bmcs = VirtualBmcs.start(1, FloodingBackend::new);
        gw = GatewayFixture.start(GatewayVirtualBmcIT.bmc("node01", bmcs.port(0), "{}"),
                "limits: {console_buffer_bytes: 4096}\n", Map.of("BMC_PASSWORD", VirtualBmcs.PASSWORD));
    }

    @AfterAll
    static void stop() throws Exception {
        Closeables.closeAll(gw, bmcs);
    }

    @Test
    void aClientThatStopsReadingIsClosedWith1008AndTheOthersKeepGoing() throws Exception {
        try (WsClient writer = WsClient.open(gw.http(), PATH, OPERATOR_KEY)) {
            writer.awaitText(t -> t.contains("\"open\""), "console open");
            try (StalledClient slow = StalledClient.open(gw.port(), PATH, VIEWER_KEY)) {
                writer.send("flood\r");
                try {
                    WsClient.await(() -> writer.outputSize() >= FLOOD_BYTES, 120, "the whole burst at the client that reads");
                } catch (AssertionError e) {
                    throw new AssertionError(e.getMessage() + ": " + writer.outputSize() + " of " + FLOOD_BYTES + " bytes; BMC sessions "
                            + bmcs.sessions(0) + "; " + writer.texts(), e);
                }
                writer.awaitOutput(FloodConsole.END);
                writer.send("after the flood\r");
                writer.awaitOutput("you typed: after the flood");
                assertThat(bmcs.sessions(0)).as("the console's SOL session is still held at the BMC").isEqualTo(1);

                StalledClient.Drained d = slow.drain();
                assertThat(d.closeCode()).as("close code after " + d.binaryBytes() + " console bytes").isEqualTo(1008);
                assertThat(d.closeReason()).contains("too slow");
                assertThat(d.binaryBytes()).as("the slow client was cut off before the end of the burst").isLessThan(FLOOD_BYTES);
            }
            writer.send("still here\r");
            writer.awaitOutput("you typed: still here");
        }
    }

    /** The in-memory backend with {@link FloodConsole} as its serial console. */
    static final class FloodingBackend extends ForwardingBmcBackend {
        private final FloodConsole console;

        FloodingBackend(dev.ipmi.bmc.BmcBackend delegate) {
            super(delegate);
            this.console = new FloodConsole(delegate.solConsole().orElseThrow());
        }

        @Override
        public Optional<SolConsole> solConsole() {
            return Optional.of(console);
        }
    }

    /** The echo console, plus: typing {@code flood} makes the host print {@link #FLOOD_BYTES} bytes and then {@link #END}. */
    static final class FloodConsole implements SolConsole {
        static final String END = "FLOOD-END";
        private final SolConsole echo;
        private final StringBuilder line = new StringBuilder();
        private long remaining;
        private long printed;

        FloodConsole(SolConsole echo) {
            this.echo = echo;
        }

        @Override
        public void activated() {
            echo.activated();
        }

        @Override
        public void deactivated() {
            echo.deactivated();
        }

        @Override
        public synchronized void input(byte[] data) {
            echo.input(data);
            for (byte b : data) {
                if (b == '\r') {
                    if (line.toString().equals("flood")) {
                        remaining = FLOOD_BYTES + END.length();
                        printed = 0;
                    }
                    line.setLength(0);
                } else if (line.length() < 16) {
                    line.append((char) b);
                }
            }
        }

        @Override
        public synchronized byte[] drainOutput(int max) {
            byte[] e = echo.drainOutput(max);
            if (e.length > 0 || remaining == 0) {
                return e;
            }
            int n = (int) Math.min(max, remaining);
            byte[] out = new byte[n];
            for (int i = 0; i < n; i++) {
                long k = printed + i;
                out[i] = k >= FLOOD_BYTES ? (byte) END.charAt((int) (k - FLOOD_BYTES))
                        : (byte) (k % 64 == 63 ? '\n' : 'a' + (int) (k % 26));
            }
            printed += n;
            remaining -= n;
            return out;
        }
    }

    /**
     * A WebSocket client on a plain socket (the JDK's client always reads ahead): it upgrades, then
     * reads nothing until {@link #drain}. Its receive buffer is set small before connecting so the
     * TCP window closes after a few KiB.
     */
    static final class StalledClient implements AutoCloseable {
        private final Socket socket;
        private final InputStream in;

        private StalledClient(Socket socket) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
        }

        static StalledClient open(int port, String path, String key) throws IOException {
            Socket s = new Socket();
            s.setReceiveBufferSize(1024);
            s.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            s.setSoTimeout(30_000);
            String nonce = Base64.getEncoder().encodeToString("0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
            OutputStream out = s.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: " + nonce + "\r\nSec-WebSocket-Version: 13\r\nAuthorization: Bearer " + key + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            StalledClient c = new StalledClient(s);
            String status = c.headers();
            assertThat(status).startsWith("HTTP/1.1 101");
            return c;
        }

        private String headers() throws IOException {
            ByteArrayOutputStream h = new ByteArrayOutputStream();
            while (h.size() < 16 * 1024) {
                int b = in.read();
                if (b < 0) {
                    throw new EOFException("connection closed during the upgrade: " + h);
                }
                h.write(b);
                byte[] a = h.toByteArray();
                int n = a.length;
                if (n >= 4 && a[n - 4] == '\r' && a[n - 3] == '\n' && a[n - 2] == '\r' && a[n - 1] == '\n') {
                    return h.toString(StandardCharsets.US_ASCII);
                }
            }
            throw new IOException("upgrade answer headers too long");
        }

        record Drained(long binaryBytes, int closeCode, String closeReason) {}

        /**
         * Reads every frame the server queued, up to its close frame, bounded by size and by 60 s in all:
         * the server's pings arrive more often than the socket timeout, so the timeout alone would let a
         * connection the server never closes keep this loop reading.
         */
        Drained drain() throws IOException {
            DataInputStream d = new DataInputStream(in);
            long binary = 0;
            long pings = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            for (long total = 0; total < 64L * 1024 * 1024; ) {
                if (System.nanoTime() - deadline > 0) {
                    throw new AssertionError("no close frame within 60 s; read " + binary + " console bytes and "
                            + pings + " pings");
                }
                int b0 = d.readUnsignedByte();
                int b1 = d.readUnsignedByte();
                long len = b1 & 0x7F;
                if (len == 126) {
                    len = d.readUnsignedShort();
                } else if (len == 127) {
                    len = d.readLong();
                }
                if ((b1 & 0x80) != 0 || len < 0 || len > 16 * 1024 * 1024) {
                    throw new IOException("unexpected frame header " + b0 + " " + b1 + " length " + len);
                }
                byte[] payload = new byte[(int) len];
                d.readFully(payload);
                total += 2 + len;
                int opcode = b0 & 0x0F;
                if (opcode == 0x2 || opcode == 0x0) {
                    binary += len;
                } else if (opcode == 0x9) {
                    pings++;
                } else if (opcode == 0x8) {
                    int code = len >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 1005;
                    String reason = len > 2 ? new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8) : "";
                    return new Drained(binary, code, reason);
                }
            }
            throw new IOException("no close frame after 64 MiB");
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
