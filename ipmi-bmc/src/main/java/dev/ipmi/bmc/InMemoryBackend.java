package dev.ipmi.bmc;

import dev.ipmi.core.commands.app.GetDeviceId;
import dev.ipmi.core.commands.chassis.BootFlags;
import dev.ipmi.core.commands.chassis.PowerAction;
import dev.ipmi.core.commands.sensor.GetSensorReading;
import dev.ipmi.core.commands.sensor.GetSensorThresholds;
import dev.ipmi.core.commands.transport.IpSource;
import dev.ipmi.core.commands.transport.LanParameter;
import dev.ipmi.core.commands.transport.MacAddress;
import dev.ipmi.core.types.SetInProgressState;
import java.io.ByteArrayOutputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.LongSupplier;

/**
 * A backend that behaves like a small server: a power state machine where a cycle takes time, boot
 * flags, a realistic SDR set (CPU and inlet temperature, a fan, 12 V, and the BMC's own locator)
 * whose readings move, a SEL that records power events, a FRU with chassis, board and product
 * areas, a DCMI power reading that follows the power state, and an echoing SOL console.
 *
 * <p>Time comes from injectable clocks, so tests drive it with a fake one. Thread-safe.
 */
public final class InMemoryBackend implements BmcBackend {
    /** A threshold sensor: raw = value / m · 10^-rExp, moving by ±{@code swing} raw counts. */
    public record Sensor(int number, String name, int sensorType, int entityId, int unit, int m, int rExp,
                         int baseRaw, int swing, int lnr, int lcr, int lnc, int unc, int ucr, int unr) {}

    public static final List<Sensor> DEFAULT_SENSORS = List.of(
            new Sensor(0x01, "CPU Temp", 0x01, 0x03, 1, 1, 0, 45, 3, 0, 0, 0, 85, 95, 105),
            new Sensor(0x02, "Inlet Temp", 0x01, 0x37, 1, 1, 0, 22, 1, 0, 0, 0, 40, 45, 50),
            new Sensor(0x03, "Fan1", 0x04, 0x1D, 18, 50, 0, 96, 4, 0, 20, 30, 255, 255, 255),
            new Sensor(0x04, "12V", 0x02, 0x07, 4, 6, -2, 200, 1, 180, 185, 190, 210, 215, 220));

    private final LongSupplier nanoClock;
    private final LongSupplier epochMillis;
    private final long cycleNanos;
    private final GetDeviceId.Response deviceId;
    private final byte[] guid;
    private final List<Sensor> sensors;
    private final List<byte[]> sdrs;
    private final byte[] fru;
    private final List<byte[]> sel = new ArrayList<>();
    private final EchoConsole console = new EchoConsole("\r\nVirtual BMC serial console\r\nvbmc login: ");
    private int nextSelId = 1;
    private boolean on;
    private long powerOnAt = -1;
    private BootFlags bootFlags = BootFlags.builder().build();

    private InMemoryBackend(Builder b) {
        this.nanoClock = b.nanoClock;
        this.epochMillis = b.epochMillis;
        this.cycleNanos = b.cycleNanos;
        this.on = b.poweredOn;
        this.sensors = List.copyOf(b.sensors);
        this.deviceId = new GetDeviceId.Response(0x20, false, 1, true, 1, 0x23, 0x02, 0xBF, 0,
                0x1000, Optional.empty());
        this.guid = ipmiGuid(java.util.UUID.nameUUIDFromBytes(
                ("ipmi-java virtual BMC " + b.instance).getBytes(StandardCharsets.US_ASCII)));
        List<byte[]> records = new ArrayList<>();
        int id = 1;
        for (Sensor s : sensors) {
            records.add(fullSensorRecord(id++, s));
        }
        records.add(mcLocator(id, "vBMC"));
        this.sdrs = List.copyOf(records);
        this.fru = buildFru(b.productName, b.serial);
        addSel(0x12, 0x20, 0x6F, 0x01, false);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static InMemoryBackend create() {
        return builder().build();
    }

    public static final class Builder {
        private LongSupplier nanoClock = System::nanoTime;
        private LongSupplier epochMillis = System::currentTimeMillis;
        private long cycleNanos = 1_000_000_000L;
        private boolean poweredOn;
        private List<Sensor> sensors = DEFAULT_SENSORS;
        private String productName = "VirtualServer 1000";
        private String serial = "VS1000-0001";
        private int instance;

        /** Monotonic clock for the power state machine and moving readings; default System.nanoTime. */
        public Builder clock(LongSupplier nanoClock) {
            this.nanoClock = nanoClock;
            return this;
        }

        /** Wall clock for SEL timestamps; default System.currentTimeMillis. */
        public Builder wallClock(LongSupplier epochMillis) {
            this.epochMillis = epochMillis;
            return this;
        }

        /** How long a power cycle keeps the machine off; default 1 s. */
        public Builder cycleNanos(long nanos) {
            this.cycleNanos = nanos;
            return this;
        }

        /** Initial power state; default off. */
        public Builder poweredOn(boolean on) {
            this.poweredOn = on;
            return this;
        }

        public Builder sensors(List<Sensor> sensors) {
            this.sensors = sensors;
            return this;
        }

        /** FRU product name and serial number; defaults "VirtualServer 1000", "VS1000-0001". */
        public Builder product(String name, String serial) {
            this.productName = name;
            this.serial = serial;
            return this;
        }

        /** Distinguishes GUIDs when many BMCs run in one JVM. */
        public Builder instance(int instance) {
            this.instance = instance;
            return this;
        }

        public InMemoryBackend build() {
            return new InMemoryBackend(this);
        }
    }

    private void settle() {
        if (powerOnAt >= 0 && nanoClock.getAsLong() - powerOnAt >= 0) {
            powerOnAt = -1;
            on = true;
            powerEvent(true);
        }
    }

    @Override
    public synchronized boolean powerOn() {
        settle();
        return on;
    }

    @Override
    public synchronized boolean power(PowerAction action) {
        settle();
        switch (action.code()) {
            case 0, 5 -> {
                powerOnAt = -1;
                if (on) {
                    on = false;
                    powerEvent(false);
                }
            }
            case 1 -> {
                if (!on && powerOnAt < 0) {
                    on = true;
                    powerEvent(true);
                }
            }
            case 2 -> {
                if (on) {
                    on = false;
                    powerEvent(false);
                }
                powerOnAt = nanoClock.getAsLong() + cycleNanos;
            }
            case 3 -> {
                if (on) {
                    addSel(0x1D, 0x10, 0x6F, 0x07, false);
                }
            }
            case 4 -> {
                if (on) {
                    addSel(0x13, 0x11, 0x6F, 0x00, false);
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private void powerEvent(boolean up) {
        // Power Unit sensor 0x10, offset 0 "Power off/down": asserted on off, deasserted on on.
        addSel(0x09, 0x10, 0x6F, 0x00, up);
    }

    private void addSel(int sensorType, int sensorNumber, int eventType, int offset, boolean deassert) {
        if (sel.size() >= 1024) {
            sel.remove(0);
        }
        byte[] r = new byte[16];
        int id = nextSelId++;
        if (nextSelId >= 0xFFFF) {
            nextSelId = 1;
        }
        long ts = selTimeUnsynchronized();
        r[0] = (byte) id;
        r[1] = (byte) (id >>> 8);
        r[2] = 0x02;
        r[3] = (byte) ts;
        r[4] = (byte) (ts >>> 8);
        r[5] = (byte) (ts >>> 16);
        r[6] = (byte) (ts >>> 24);
        r[7] = 0x20;
        r[8] = 0x00;
        r[9] = 0x04;
        r[10] = (byte) sensorType;
        r[11] = (byte) sensorNumber;
        r[12] = (byte) ((deassert ? 0x80 : 0) | eventType);
        r[13] = (byte) offset;
        r[14] = (byte) 0xFF;
        r[15] = (byte) 0xFF;
        sel.add(r);
    }

    @Override
    public synchronized BootFlags bootFlags() {
        return bootFlags;
    }

    @Override
    public synchronized void setBootFlags(BootFlags flags) {
        this.bootFlags = flags;
    }

    @Override
    public GetDeviceId.Response deviceId() {
        return deviceId;
    }

    @Override
    public byte[] systemGuid() {
        return guid.clone();
    }

    @Override
    public List<byte[]> sdrs() {
        return sdrs;
    }

    public List<Sensor> sensors() {
        return sensors;
    }

    /** The raw reading of a sensor now: its base value moving slowly by up to ±swing counts. */
    public synchronized int raw(Sensor s) {
        double t = nanoClock.getAsLong() / 1e9;
        int v = s.baseRaw() + (int) Math.round(s.swing() * Math.sin(t / 7.0 + s.number()));
        if (!on && s.sensorType() == 0x04) {
            v = 0;
        }
        return Math.max(0, Math.min(0xFF, v));
    }

    private Optional<Sensor> sensor(int number) {
        return sensors.stream().filter(s -> s.number() == number).findFirst();
    }

    @Override
    public synchronized Optional<GetSensorReading.Response> sensorReading(int sensorNumber) {
        settle();
        return sensor(sensorNumber).map(s -> {
            int raw = raw(s);
            int status = 0;
            if (s.lnc() > 0 && raw <= s.lnc()) {
                status |= 0x01;
            }
            if (s.lcr() > 0 && raw <= s.lcr()) {
                status |= 0x02;
            }
            if (s.lnr() > 0 && raw <= s.lnr()) {
                status |= 0x04;
            }
            if (s.unc() < 255 && raw >= s.unc()) {
                status |= 0x08;
            }
            if (s.ucr() < 255 && raw >= s.ucr()) {
                status |= 0x10;
            }
            if (s.unr() < 255 && raw >= s.unr()) {
                status |= 0x20;
            }
            return new GetSensorReading.Response(raw, 0xC0, OptionalInt.of(status), OptionalInt.empty());
        });
    }

    @Override
    public Optional<GetSensorThresholds.Response> sensorThresholds(int sensorNumber) {
        return sensor(sensorNumber).map(s -> new GetSensorThresholds.Response(readableMask(s), s.lnc(), s.lcr(),
                s.lnr(), s.unc(), s.ucr(), s.unr()));
    }

    private static int readableMask(Sensor s) {
        int m = 0;
        m |= s.lnc() > 0 ? 0x01 : 0;
        m |= s.lcr() > 0 ? 0x02 : 0;
        m |= s.lnr() > 0 ? 0x04 : 0;
        m |= s.unc() < 255 ? 0x08 : 0;
        m |= s.ucr() < 255 ? 0x10 : 0;
        m |= s.unr() < 255 ? 0x20 : 0;
        return m;
    }

    @Override
    public synchronized List<byte[]> selEntries() {
        settle();
        return List.copyOf(sel);
    }

    @Override
    public synchronized void clearSel() {
        sel.clear();
    }

    @Override
    public synchronized long selTime() {
        return selTimeUnsynchronized();
    }

    private long selTimeUnsynchronized() {
        return epochMillis.getAsLong() / 1000;
    }

    @Override
    public Optional<byte[]> fru(int fruId) {
        return fruId == 0 ? Optional.of(fru.clone()) : Optional.empty();
    }

    @Override
    public Optional<LanParameter> lanParameter(int selector) {
        // documentation addresses: 192.0.2.0/24 (RFC 5737) and the 02:00:5E:00:53 MAC range (RFC 7042)
        LanParameter p = switch (selector) {
            case LanParameter.SET_IN_PROGRESS -> new LanParameter.SetInProgress(SetInProgressState.SET_COMPLETE);
            case LanParameter.IP_ADDRESS -> new LanParameter.IpAddress(ipv4("192.0.2.10"));
            case LanParameter.IP_ADDRESS_SOURCE -> new LanParameter.IpAddressSource(IpSource.STATIC);
            case LanParameter.MAC_ADDRESS -> new LanParameter.Mac(MacAddress.parse("02:00:5e:00:53:01"));
            case LanParameter.SUBNET_MASK -> new LanParameter.SubnetMask(ipv4("255.255.255.0"));
            case LanParameter.DEFAULT_GATEWAY_IP -> new LanParameter.DefaultGatewayIp(ipv4("192.0.2.1"));
            case LanParameter.DEFAULT_GATEWAY_MAC -> new LanParameter.DefaultGatewayMac(MacAddress.parse(
                    "02:00:5e:00:53:fe"));
            default -> null;
        };
        return Optional.ofNullable(p);
    }

    /** A dotted-quad literal; never a name lookup. */
    private static Inet4Address ipv4(String dottedQuad) {
        try {
            return (Inet4Address) InetAddress.getByName(dottedQuad);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IPv4 literal: " + dottedQuad, e);
        }
    }

    @Override
    public synchronized Optional<PowerReading> powerReading() {
        settle();
        int watts = on ? 180 + raw(sensors.get(0)) : 0;
        return Optional.of(new PowerReading(watts, on ? 150 : 0, on ? 320 : 0, on ? 210 : 0, selTimeUnsynchronized(),
                1000));
    }

    @Override
    public Optional<SolConsole> solConsole() {
        return Optional.of(console);
    }

    /** IPMI v2.0 §20.8: the UUID least significant byte first (the big-endian form reversed). */
    static byte[] ipmiGuid(java.util.UUID uuid) {
        byte[] out = new byte[16];
        long msb = uuid.getMostSignificantBits();
        long lsb = uuid.getLeastSignificantBits();
        for (int i = 0; i < 8; i++) {
            out[i] = (byte) (lsb >>> (8 * i));
            out[8 + i] = (byte) (msb >>> (8 * i));
        }
        return out;
    }

    static byte[] fullSensorRecord(int recordId, Sensor s) {
        byte[] name = s.name().getBytes(StandardCharsets.US_ASCII);
        byte[] r = new byte[48 + name.length];
        r[0] = (byte) recordId;
        r[1] = (byte) (recordId >>> 8);
        r[2] = 0x51;
        r[3] = 0x01;
        r[4] = (byte) (r.length - 5);
        r[5] = 0x20;
        r[6] = 0x00;
        r[7] = (byte) s.number();
        r[8] = (byte) s.entityId();
        r[9] = 0x01;
        r[10] = 0x7F;
        r[11] = 0x54;
        r[12] = (byte) s.sensorType();
        r[13] = 0x01;
        r[18] = (byte) readableMask(s);
        r[19] = 0x00;
        r[20] = 0x00;
        r[21] = (byte) s.unit();
        r[23] = 0x00;
        r[24] = (byte) s.m();
        r[25] = (byte) ((s.m() >>> 2) & 0xC0);
        r[29] = (byte) ((s.rExp() & 0x0F) << 4);
        r[30] = 0x01;
        r[31] = (byte) s.baseRaw();
        r[34] = (byte) 0xFF;
        r[36] = (byte) s.unr();
        r[37] = (byte) s.ucr();
        r[38] = (byte) s.unc();
        r[39] = (byte) s.lnr();
        r[40] = (byte) s.lcr();
        r[41] = (byte) s.lnc();
        r[47] = (byte) (0xC0 | name.length);
        System.arraycopy(name, 0, r, 48, name.length);
        return r;
    }

    static byte[] mcLocator(int recordId, String id) {
        byte[] name = id.getBytes(StandardCharsets.US_ASCII);
        byte[] r = new byte[16 + name.length];
        r[0] = (byte) recordId;
        r[1] = (byte) (recordId >>> 8);
        r[2] = 0x51;
        r[3] = 0x12;
        r[4] = (byte) (r.length - 5);
        r[5] = 0x20;
        r[8] = (byte) 0xBF;
        r[12] = 0x2E;
        r[13] = 0x01;
        r[15] = (byte) (0xC0 | name.length);
        System.arraycopy(name, 0, r, 16, name.length);
        return r;
    }

    private static byte[] buildFru(String product, String serial) {
        byte[] chassis = area(new byte[] {0x17}, "CH-1000", "CS-0001");
        byte[] board = area(new byte[] {0x19, 0x00, 0x00, 0x00}, "ipmi-java", "Virtual Board", "VB-0001",
                "VB-1000", "");
        byte[] productArea = area(new byte[] {0x19}, "ipmi-java", product, "VS-1000", "1.0", serial, "", "");
        byte[] header = new byte[8];
        header[0] = 0x01;
        header[2] = 1;
        header[3] = (byte) (1 + chassis.length / 8);
        header[4] = (byte) (1 + (chassis.length + board.length) / 8);
        header[7] = checksum(header, 7);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header);
        out.writeBytes(chassis);
        out.writeBytes(board);
        out.writeBytes(productArea);
        return out.toByteArray();
    }

    /** An info area: version, length, fixed bytes, type/length fields, C1h end, padding, checksum. */
    private static byte[] area(byte[] fixed, String... fields) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(0x01);
        b.write(0);
        b.writeBytes(fixed);
        for (String f : fields) {
            byte[] s = f.getBytes(StandardCharsets.US_ASCII);
            b.write(0xC0 | s.length);
            b.writeBytes(s);
        }
        b.write(0xC1);
        int len = b.size() + 1;
        int padded = (len + 7) / 8 * 8;
        byte[] a = new byte[padded];
        byte[] body = b.toByteArray();
        System.arraycopy(body, 0, a, 0, body.length);
        a[1] = (byte) (padded / 8);
        a[padded - 1] = checksum(a, padded - 1);
        return a;
    }

    private static byte checksum(byte[] b, int len) {
        int sum = 0;
        for (int i = 0; i < len; i++) {
            sum += b[i];
        }
        return (byte) -sum;
    }
}
