package dev.ipmi.lanplus.sol;

import dev.ipmi.core.Commands;
import dev.ipmi.core.IpmiRequest;
import dev.ipmi.core.IpmiSessionException;
import dev.ipmi.core.IpmiTimeoutException;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;
import dev.ipmi.core.wire.LanMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Test-only stand-in for the RMCP+ session, just enough to drive {@link SolConsole} against the
 * real ipmi_sim: cipher suite 1 only (RAKP-HMAC-SHA1, no integrity, no confidentiality), one request
 * at a time, no sequence-number window. It goes away when ipmi-lanplus has its real session; the
 * console only sees the {@link SolTransport} interface.
 */
final class MiniRmcpPlusSession implements SolTransport, AutoCloseable {
    private static final byte[] RMCP = {0x06, 0x00, (byte) 0xFF, 0x07};
    private static final int CONSOLE_SID = 0xA0A2A3A4;

    private final DatagramSocket socket;
    private final int port;
    private final Thread receiver;
    private final BlockingQueue<byte[]> responses = new ArrayBlockingQueue<>(64);
    private final BlockingQueue<byte[]> setup = new ArrayBlockingQueue<>(8);
    private volatile Consumer<byte[]> solHandler;
    private int bmcSid;
    private int seq = 1;
    private int rqSeq = 1;
    private volatile boolean open;

    MiniRmcpPlusSession(int port, String user, String password) {
        this.port = port;
        try {
            socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
            socket.connect(InetAddress.getLoopbackAddress(), port);
        } catch (SocketException e) {
            throw new UncheckedIOException(e);
        }
        receiver = new Thread(this::receive, "mini-rmcpplus-" + port);
        receiver.setDaemon(true);
        receiver.start();
        try {
            login(user.getBytes(StandardCharsets.US_ASCII), password.getBytes(StandardCharsets.US_ASCII));
        } catch (RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    private void login(byte[] user, byte[] pw) {
        ByteWriter open = new ByteWriter().u8(0).u8(0).u16(0).i32(CONSOLE_SID)
                .bytes(new byte[] {0, 0, 0, 8, 1, 0, 0, 0})
                .bytes(new byte[] {1, 0, 0, 8, 0, 0, 0, 0})
                .bytes(new byte[] {2, 0, 0, 8, 0, 0, 0, 0});
        ByteReader r = ByteReader.of(setupExchange(0x10, open.toByteArray()));
        r.skip(1, "tag");
        int status = r.u8("status");
        if (status != 0) {
            throw new IpmiSessionException("Open Session status " + status);
        }
        r.skip(6, "priv, reserved, SIDm");
        bmcSid = r.i32("SIDc");

        byte[] rm = new byte[16];
        new SecureRandom().nextBytes(rm);
        int role = 0x14;
        ByteWriter rakp1 = new ByteWriter().u8(0).zeros(3).i32(bmcSid).bytes(rm).u8(role).zeros(2).u8(user.length)
                .bytes(user);
        ByteReader r2 = ByteReader.of(setupExchange(0x12, rakp1.toByteArray()));
        r2.skip(1, "tag");
        if (r2.u8("status") != 0) {
            throw new IpmiSessionException("RAKP2 refused");
        }
        r2.skip(6, "reserved, SIDm");
        byte[] rc = r2.bytes(16, "Rc");
        byte[] rakp3Code = hmac(pw, new ByteWriter().bytes(rc).i32(CONSOLE_SID).u8(role).u8(user.length).bytes(user)
                .toByteArray());
        ByteWriter rakp3 = new ByteWriter().u8(0).u8(0).zeros(2).i32(bmcSid).bytes(rakp3Code);
        ByteReader r4 = ByteReader.of(setupExchange(0x14, rakp3.toByteArray()));
        r4.skip(1, "tag");
        if (r4.u8("status") != 0) {
            throw new IpmiSessionException("RAKP4 refused");
        }
        Arrays.fill(pw, (byte) 0);
        this.open = true;
        execute(dev.ipmi.core.RawRequest.of(0x06, 0x3B, (byte) 0x04));
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] setupExchange(int type, byte[] payload) {
        send(type, 0, 0, payload);
        try {
            byte[] rsp = setup.poll(2, TimeUnit.SECONDS);
            if (rsp == null) {
                throw new IpmiTimeoutException("RMCP+ payload " + type, 1, Duration.ofSeconds(2));
            }
            return rsp;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IpmiSessionException("interrupted", e);
        }
    }

    private synchronized void send(int type, int sid, int sq, byte[] payload) {
        ByteWriter w = new ByteWriter(payload.length + 16).bytes(RMCP).u8(0x06).u8(type).i32(sid).i32(sq)
                .u16(payload.length).bytes(payload);
        byte[] b = w.toByteArray();
        try {
            socket.send(new DatagramPacket(b, b.length));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private synchronized int nextSeq() {
        return seq++;
    }

    private void receive() {
        byte[] buf = new byte[2048];
        while (!socket.isClosed()) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(p);
            } catch (IOException e) {
                return;
            }
            if (p.getLength() < 16 || (buf[4] & 0xFF) != 0x06) {
                continue;
            }
            int type = buf[5] & 0x3F;
            int len = (buf[14] & 0xFF) | (buf[15] & 0xFF) << 8;
            if (16 + len > p.getLength()) {
                continue;
            }
            byte[] payload = Arrays.copyOfRange(buf, 16, 16 + len);
            if (type == 0x00) {
                responses.offer(payload);
            } else if (type == 0x01) {
                Consumer<byte[]> h = solHandler;
                if (h != null) {
                    h.accept(payload);
                }
            } else {
                setup.offer(payload);
            }
        }
    }

    @Override
    public synchronized <R> R execute(IpmiRequest<R> request) {
        int rq = rqSeq;
        rqSeq = rqSeq % 63 + 1;
        byte[] msg = LanMessage.request(request.id().netFn().code(), 0, rq, request.id().cmd(), request.toBytes())
                .encode();
        responses.clear();
        for (int attempt = 1; attempt <= 3; attempt++) {
            send(0x00, bmcSid, nextSeq(), msg);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
            try {
                while (System.nanoTime() < deadline) {
                    byte[] rsp = responses.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                    if (rsp == null) {
                        break;
                    }
                    LanMessage m = LanMessage.decode(rsp);
                    if (m.seq() == rq && m.command() == request.id().cmd()) {
                        return Commands.decodeResponse(request, m.body());
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IpmiSessionException("interrupted", e);
            }
        }
        throw new IpmiTimeoutException(request.id().name(), 3, Duration.ofSeconds(3));
    }

    @Override
    public void sendSolPayload(byte[] payload) {
        send(0x01, bmcSid, nextSeq(), payload);
    }

    @Override
    public void setSolPayloadHandler(Consumer<byte[]> handler) {
        this.solHandler = handler;
    }

    @Override
    public int channel() {
        return 1;
    }

    @Override
    public int sessionPort() {
        return port;
    }

    @Override
    public boolean encryptPayloads() {
        return false;
    }

    @Override
    public boolean authenticatePayloads() {
        return false;
    }

    @Override
    public void close() {
        try {
            if (open) {
                open = false;
                execute(dev.ipmi.core.RawRequest.of(0x06, 0x3C, (byte) bmcSid, (byte) (bmcSid >>> 8),
                        (byte) (bmcSid >>> 16), (byte) (bmcSid >>> 24)));
            }
        } finally {
            socket.close();
        }
    }
}
