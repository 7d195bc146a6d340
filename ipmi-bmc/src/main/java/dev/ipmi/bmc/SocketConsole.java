package dev.ipmi.bmc;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A SOL console bridged to a stream socket: a virtual machine's serial port as QEMU exposes it with
 * {@code -serial tcp:127.0.0.1:4555,server,nowait} or {@code -serial unix:/run/vm1.sock,server,nowait}.
 * The socket is opened when a SOL session is activated and closed when it ends; connecting, reading and
 * writing happen on this console's own threads, never on the server's I/O thread. Output that arrives
 * faster than the SOL session drains it is kept up to 64 KiB, then the oldest bytes are dropped.
 */
public final class SocketConsole implements SolConsole, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SocketConsole.class);
    private static final int MAX_BUFFERED = 64 * 1024;

    private final SocketAddress address;
    private final String description;
    private final ExecutorService io = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "vbmc-console");
        t.setDaemon(true);
        return t;
    });
    private final byte[] buffer = new byte[MAX_BUFFERED];
    private int start;
    private int length;
    private volatile SocketChannel channel;
    private volatile int generation;

    private SocketConsole(SocketAddress address, String description) {
        this.address = address;
        this.description = description;
    }

    /**
     * Parses {@code tcp:HOST:PORT} or {@code unix:PATH}.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static SocketConsole parse(String spec) {
        if (spec.startsWith("unix:") && spec.length() > 5) {
            return new SocketConsole(UnixDomainSocketAddress.of(Path.of(spec.substring(5))), spec);
        }
        if (spec.startsWith("tcp:")) {
            String rest = spec.substring(4);
            int colon = rest.lastIndexOf(':');
            if (colon > 0) {
                try {
                    int port = Integer.parseInt(rest.substring(colon + 1));
                    if (port > 0 && port <= 0xFFFF) {
                        return new SocketConsole(InetSocketAddress.createUnresolved(rest.substring(0, colon), port),
                                spec);
                    }
                } catch (NumberFormatException e) {
                    // reported below
                }
            }
        }
        throw new IllegalArgumentException("expected tcp:HOST:PORT or unix:PATH, got '" + spec + "'");
    }

    @Override
    public void activated() {
        int gen = ++generation;
        io.execute(() -> connectAndRead(gen));
    }

    private void connectAndRead(int gen) {
        SocketAddress target = address instanceof InetSocketAddress i && i.isUnresolved()
                ? new InetSocketAddress(i.getHostString(), i.getPort()) : address;
        try (SocketChannel ch = SocketChannel.open(target)) {
            if (gen != generation) {
                return;
            }
            channel = ch;
            LOG.debug("SOL console connected to {}", description);
            ByteBuffer in = ByteBuffer.allocate(4096);
            while (gen == generation && ch.read(in) >= 0) {
                in.flip();
                append(in);
                in.clear();
            }
        } catch (java.nio.channels.AsynchronousCloseException e) {
            LOG.debug("SOL console {} closed", description);
        } catch (IOException e) {
            LOG.warn("SOL console {}: {}", description, e.toString());
        } finally {
            if (gen == generation) {
                channel = null;
            }
        }
    }

    private synchronized void append(ByteBuffer in) {
        while (in.hasRemaining()) {
            if (length == MAX_BUFFERED) {
                start = (start + 1) % MAX_BUFFERED;
                length--;
            }
            buffer[(start + length) % MAX_BUFFERED] = in.get();
            length++;
        }
    }

    @Override
    public void deactivated() {
        generation++;
        SocketChannel ch = channel;
        channel = null;
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException e) {
                LOG.debug("close {}", description, e);
            }
        }
        synchronized (this) {
            length = 0;
        }
    }

    @Override
    public void input(byte[] data) {
        byte[] copy = data.clone();
        io.execute(() -> {
            SocketChannel ch = channel;
            if (ch == null) {
                LOG.debug("SOL input dropped: {} not connected", description);
                return;
            }
            try {
                ByteBuffer b = ByteBuffer.wrap(copy);
                while (b.hasRemaining()) {
                    ch.write(b);
                }
            } catch (IOException e) {
                LOG.warn("SOL console {}: {}", description, e.getMessage());
            }
        });
    }

    @Override
    public synchronized byte[] drainOutput(int max) {
        int n = Math.min(max, length);
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            out[i] = buffer[(start + i) % MAX_BUFFERED];
        }
        start = (start + n) % MAX_BUFFERED;
        length -= n;
        return out;
    }

    @Override
    public void close() {
        deactivated();
        io.shutdownNow();
    }

    @Override
    public String toString() {
        return "SocketConsole[" + description + "]";
    }
}
