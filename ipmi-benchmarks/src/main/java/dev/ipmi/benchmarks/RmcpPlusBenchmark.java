package dev.ipmi.benchmarks;

import dev.ipmi.core.wire.LanMessage;
import dev.ipmi.core.types.CipherSuite;
import dev.ipmi.lanplus.internal.RmcpPlusCodec;
import dev.ipmi.testing.Vectors;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * RMCP+ packet protection per datagram: suite 3 (HMAC-SHA1-96 integrity, AES-CBC-128) and suite 17
 * (HMAC-SHA256-128, AES-CBC-128). {@code protect} is what a request costs (random IV, AES encrypt,
 * trailer, HMAC); {@code unprotect} is what a reply costs (constant-time HMAC check, AES decrypt,
 * pad check). The payload is a Get Device ID reply frame (23 bytes, the typical small reply).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class RmcpPlusBenchmark {
    @Param({"3", "17"})
    public int suite;

    private RmcpPlusCodec codec;
    private byte[] payload;
    private byte[] datagram;
    private int sequence;

    @Setup
    public void setUp() {
        CipherSuite cs = CipherSuite.of(suite);
        int keyLength = suite == 17 ? 32 : 20;
        byte[] k1 = new byte[keyLength];
        byte[] k2 = new byte[keyLength];
        Arrays.fill(k1, (byte) 0x11);
        Arrays.fill(k2, (byte) 0x22);
        codec = RmcpPlusCodec.forSession(cs, k1, k2, "password".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        LanMessage request = LanMessage.request(0x06, 0, 0x09, 0x01, new byte[0]);
        payload = request.response(Vectors.load("app/get-device-id.hex", "response")).encode();
        datagram = codec.encode(RmcpPlusCodec.PAYLOAD_IPMI, 0x0A0B0C0D, 1, payload);
    }

    @TearDown
    public void tearDown() {
        codec.close();
    }

    @Benchmark
    public byte[] protect() {
        return codec.encode(RmcpPlusCodec.PAYLOAD_IPMI, 0x0A0B0C0D, ++sequence, payload);
    }

    @Benchmark
    public RmcpPlusCodec.Packet unprotect() {
        return codec.decode(datagram);
    }
}
