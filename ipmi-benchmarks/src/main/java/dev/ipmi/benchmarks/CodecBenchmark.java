package dev.ipmi.benchmarks;

import dev.ipmi.core.commands.app.GetDeviceId;
import dev.ipmi.core.fru.FruInventory;
import dev.ipmi.core.sdr.SdrRecord;
import dev.ipmi.core.sdr.SdrScan;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.LanMessage;
import dev.ipmi.testing.Vectors;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decoder hot paths on bytes captured from ipmitool talking to ipmi_sim (the core test-jar's
 * vectors): what a monitoring poller pays per reply once the datagram is authenticated.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class CodecBenchmark {
    /** Raw reading of the 12V sensor (record 6: m=6, r_exp=-2) that ipmi_sim reports: 0xC8 = 12.00 V. */
    static final int RAW_12V = 0xC8;

    private LanMessage request;
    private byte[] requestFrame;
    private byte[] deviceIdFrame;
    private List<byte[]> fullSensorRecord;
    private List<byte[]> allSdrRecords;
    private byte[] fru;
    private final GetDeviceId.Request getDeviceId = new GetDeviceId.Request();

    @Setup
    public void setUp() {
        request = LanMessage.request(0x06, 0, 0x09, 0x01, new byte[0]);
        requestFrame = request.encode();
        byte[] ccAndData = Vectors.load("app/get-device-id.hex", "response");
        deviceIdFrame = request.response(ccAndData).encode();
        fullSensorRecord = List.of(Vectors.load("sdr/lab-sdr-records.hex", "record-0006"));
        allSdrRecords = Vectors.load("sdr/lab-sdr-records.hex").entrySet().stream()
                .filter(e -> e.getKey().startsWith("record-")).map(java.util.Map.Entry::getValue).toList();
        fru = Vectors.load("fru/lab-fru0.hex", "fru0");
    }

    @Benchmark
    public byte[] lanMessageEncode() {
        return LanMessage.request(0x06, 0, 0x09, 0x01, new byte[0]).encode();
    }

    @Benchmark
    public LanMessage lanMessageDecode() {
        return LanMessage.decode(requestFrame);
    }

    /** Frame decode (checksums), completion code, then the Get Device ID record. */
    @Benchmark
    public GetDeviceId.Response getDeviceIdDecode() {
        LanMessage reply = LanMessage.decode(deviceIdFrame);
        ByteReader in = ByteReader.of(reply.body());
        if (in.u8("completion code") != 0) {
            throw new IllegalStateException("vector is not a success reply");
        }
        return getDeviceId.decodeResponse(in);
    }

    /** One full sensor record (12V) decoded, then a raw reading converted with its factors. */
    @Benchmark
    public double sdrFullRecordDecodeAndConvert() {
        SdrRecord.FullSensor s = (SdrRecord.FullSensor) SdrScan.decode(fullSensorRecord, false).records().get(0);
        return s.conversion().convert(RAW_12V);
    }

    /** The whole lab repository (8 records of 5 kinds), as after a cache load. */
    @Benchmark
    public SdrScan sdrRepositoryDecode() {
        return SdrScan.decode(allSdrRecords, false);
    }

    /** FRU 0 of the lab BMC: common header, chassis, board and product areas. */
    @Benchmark
    public FruInventory fruDecode() {
        return FruInventory.decode(fru);
    }
}
