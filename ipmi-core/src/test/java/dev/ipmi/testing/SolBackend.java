package dev.ipmi.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The fake serial console behind ipmi_sim's SOL: ipmi_sim connects to it as a TCP client. Prints a
 * banner and a prompt, echoes every byte, and answers each line with "you typed: LINE". Records
 * every byte received, and lets a test write bytes of its own to the host side.
 */
public final class SolBackend implements AutoCloseable {
    public static final String BANNER = "\r\nLab serial console (fake host ttyS0)\r\n";
    public static final String PROMPT = "lab-host login: ";

    private final ServerSocket server;
    private final Thread acceptor;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private volatile boolean echo = true;
    private volatile Socket current;

    public SolBackend() throws IOException {
        server = new ServerSocket(0, 4, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::acceptLoop, "sol-backend-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Turns the echo/"you typed" behaviour off, so a test sees only what it writes itself. */
    public void setEcho(boolean on) {
        echo = on;
    }

    /** Whether ipmi_sim is connected now. */
    public boolean connected() {
        Socket s = current;
        return s != null && !s.isClosed();
    }

    public boolean awaitConnected(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (!connected()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    /** All bytes received from the SOL client so far (through ipmi_sim). */
    public byte[] received() {
        synchronized (received) {
            return received.toByteArray();
        }
    }

    public String receivedText() {
        return new String(received(), StandardCharsets.ISO_8859_1);
    }

    public void clearReceived() {
        synchronized (received) {
            received.reset();
        }
    }

    /** Writes bytes from the "host" to the SOL client. */
    public void write(byte[] data) throws IOException {
        Socket s = current;
        if (s == null) {
            throw new IOException("ipmi_sim is not connected to the SOL backend");
        }
        synchronized (this) {
            s.getOutputStream().write(data);
            s.getOutputStream().flush();
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                current = s;
                Thread t = new Thread(() -> serve(s), "sol-backend-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
            synchronized (this) {
                out.write((BANNER + PROMPT).getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            }
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            byte[] buf = new byte[4096];
            int n;
            while ((n = in.read(buf)) > 0) {
                synchronized (received) {
                    received.write(buf, 0, n);
                }
                if (!echo) {
                    continue;
                }
                ByteArrayOutputStream reply = new ByteArrayOutputStream();
                for (int i = 0; i < n; i++) {
                    int b = buf[i] & 0xFF;
                    if (b == '\r' || b == '\n') {
                        if (b == '\r' || line.size() > 0) {
                            reply.writeBytes(("\r\nyou typed: ").getBytes(StandardCharsets.ISO_8859_1));
                            reply.writeBytes(line.toByteArray());
                            reply.writeBytes(("\r\n" + PROMPT).getBytes(StandardCharsets.ISO_8859_1));
                        }
                        line.reset();
                    } else {
                        line.write(b);
                        reply.write(b);
                    }
                }
                synchronized (this) {
                    out.write(reply.toByteArray());
                    out.flush();
                }
            }
        } catch (SocketException e) {
            // ipmi_sim went away
        } catch (IOException e) {
            // same
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        Socket s = current;
        if (s != null) {
            s.close();
        }
    }
}
