package dev.ipmi.core.sdr;

import dev.ipmi.core.MalformedMessageException;
import dev.ipmi.core.types.ByteString;
import dev.ipmi.core.wire.ByteReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One sensor data record — IPMI v2.0 §43. Decode with {@link #decode(byte[])}; a record type this
 * library does not model becomes {@link Unknown}, and bytes that do not fit their type fail with a
 * {@link MalformedMessageException}.
 */
public sealed interface SdrRecord {
    int FULL_SENSOR = 0x01;
    int COMPACT_SENSOR = 0x02;
    int EVENT_ONLY = 0x03;
    int ENTITY_ASSOCIATION = 0x08;
    int GENERIC_DEVICE_LOCATOR = 0x10;
    int FRU_DEVICE_LOCATOR = 0x11;
    int MC_DEVICE_LOCATOR = 0x12;
    int OEM = 0xC0;
    /** Bytes of the record header: ID (2), SDR version, record type, length of the rest. */
    int HEADER_LENGTH = 5;

    int recordId();

    int sdrVersion();

    int recordType();

    /** The ID string (device or sensor name); empty for records without one. */
    default String name() {
        return "";
    }

    /** The entity a sensor or owner: ID, instance (7 bits) and the logical-entity flag. */
    record Entity(int id, int instance, boolean logical) {
        static Entity decode(ByteReader in) {
            int id = in.u8("entity ID");
            int inst = in.u8("entity instance");
            return new Entity(id, inst & 0x7F, (inst & 0x80) != 0);
        }

        /** "3.1" as ipmitool prints it. */
        @Override
        public String toString() {
            return id + "." + instance;
        }
    }

    /**
     * Where a sensor lives.
     *
     * @param ownerId      byte 6: [7:1] IPMB slave address or software ID, [0] 1 = software ID; with [0] = 0
     *                     this is the usual 8-bit slave address (20h = BMC)
     * @param channel      [7:4] of byte 7
     * @param ownerLun     [1:0] of byte 7, the LUN to send Get Sensor Reading to
     * @param sensorNumber byte 8
     */
    record SensorKey(int ownerId, int channel, int ownerLun, int sensorNumber) {
        static SensorKey decode(ByteReader in) {
            int owner = in.u8("sensor owner ID");
            int lun = in.u8("sensor owner LUN");
            return new SensorKey(owner, lun >>> 4, lun & 0x03, in.u8("sensor number"));
        }
    }

    /** Records that describe a sensor (full, compact, event-only). */
    sealed interface SensorRecord extends SdrRecord {
        SensorKey key();

        Entity entity();

        int sensorType();

        int eventReadingType();

        TypeLengthString id();

        @Override
        default String name() {
            return id().text();
        }

        default boolean isThreshold() {
            return eventReadingType() == EventText.THRESHOLD;
        }
    }

    /** Full sensor record (01h) — table 43-1. Threshold values, hysteresis and nominal are raw. */
    record FullSensor(int recordId, int sdrVersion, SensorKey key, Entity entity, int initialization,
                      int capabilities, int sensorType, int eventReadingType, int assertionMask, int deassertionMask,
                      int readingMask, SensorUnits units, int linearizationCode, ConversionFactors factors,
                      int analogFlags, int nominalReading, int normalMax, int normalMin, int sensorMax, int sensorMin,
                      int unr, int ucr, int unc, int lnr, int lcr, int lnc, int positiveHysteresis,
                      int negativeHysteresis, int oem, TypeLengthString id) implements SensorRecord {
        @Override
        public int recordType() {
            return FULL_SENSOR;
        }

        public Linearization linearization() {
            return Linearization.of(linearizationCode);
        }

        public SensorConversion conversion() {
            return new SensorConversion(units.analogFormat(), linearization(), factors);
        }

        /** Readable thresholds: [0] LNC [1] LCR [2] LNR [3] UNC [4] UCR [5] UNR (threshold sensors). */
        public int readableThresholds() {
            return isThreshold() ? readingMask & 0x3F : 0;
        }

        public int settableThresholds() {
            return isThreshold() ? (readingMask >>> 8) & 0x3F : 0;
        }

        /** Capabilities [3:2]: 0 none, 1 readable, 2 readable and settable, 3 fixed. */
        public int thresholdAccess() {
            return (capabilities >>> 2) & 0x03;
        }

        /** Capabilities [1:0]: 0 per threshold, 1 entire sensor, 2 global disable only, 3 none. */
        public int eventMessageControl() {
            return capabilities & 0x03;
        }

        public boolean hasAnalogReading() {
            return conversion().isNumeric();
        }
    }

    /** Compact sensor record (02h) — table 43-2. No conversion factors. */
    record CompactSensor(int recordId, int sdrVersion, SensorKey key, Entity entity, int initialization,
                         int capabilities, int sensorType, int eventReadingType, int assertionMask,
                         int deassertionMask, int readingMask, SensorUnits units, int sharing1, int sharing2,
                         int positiveHysteresis, int negativeHysteresis, int oem, TypeLengthString id)
            implements SensorRecord {
        @Override
        public int recordType() {
            return COMPACT_SENSOR;
        }

        /** Number of sensors sharing this record ([3:0] of record sharing byte 1; 0 means 1). */
        public int shareCount() {
            return Math.max(1, sharing1 & 0x0F);
        }
    }

    /** Event-only record (03h) — table 43-3: a sensor that only generates events. */
    record EventOnly(int recordId, int sdrVersion, SensorKey key, Entity entity, int sensorType,
                     int eventReadingType, int sharing1, int sharing2, int oem, TypeLengthString id)
            implements SensorRecord {
        @Override
        public int recordType() {
            return EVENT_ONLY;
        }
    }

    /**
     * Entity association record (08h) — table 43-4.
     *
     * @param flags     [7] 1 = contained entities are ranges, [6] linked records exist, [5] presence sensor always
     * @param contained up to four entities (or range bounds) with non-zero entity ID
     */
    record EntityAssociation(int recordId, int sdrVersion, Entity container, int flags, List<Entity> contained)
            implements SdrRecord {
        public EntityAssociation {
            contained = List.copyOf(contained);
        }

        @Override
        public int recordType() {
            return ENTITY_ASSOCIATION;
        }
    }

    /** Generic device locator (10h) — table 43-7: a non-IPMI device on a private or IPMB bus. */
    record GenericDeviceLocator(int recordId, int sdrVersion, int accessAddress, int slaveAddress, int channel,
                                int accessLun, int privateBus, int addressSpan, int deviceType,
                                int deviceTypeModifier, Entity entity, int oem, TypeLengthString id)
            implements SdrRecord {
        @Override
        public int recordType() {
            return GENERIC_DEVICE_LOCATOR;
        }

        @Override
        public String name() {
            return id.text();
        }
    }

    /**
     * FRU device locator (11h) — table 43-8.
     *
     * @param accessAddress controller slave address (8-bit form)
     * @param fruDeviceId   logical FRU device ID, or the device's slave address when not logical
     * @param logical       true for a logical FRU device (read with Read FRU Data via the controller)
     */
    record FruDeviceLocator(int recordId, int sdrVersion, int accessAddress, int fruDeviceId, boolean logical,
                            int accessLun, int privateBus, int channel, int deviceType, int deviceTypeModifier,
                            Entity entity, int oem, TypeLengthString id) implements SdrRecord {
        @Override
        public int recordType() {
            return FRU_DEVICE_LOCATOR;
        }

        @Override
        public String name() {
            return id.text();
        }
    }

    /**
     * Management controller device locator (12h) — table 43-9.
     *
     * @param slaveAddress    controller slave address (8-bit form)
     * @param capabilities    device capabilities (bits as Get Device ID additional device support)
     */
    record McDeviceLocator(int recordId, int sdrVersion, int slaveAddress, int channel, int powerStateFlags,
                           int capabilities, Entity entity, int oem, TypeLengthString id) implements SdrRecord {
        @Override
        public int recordType() {
            return MC_DEVICE_LOCATOR;
        }

        @Override
        public String name() {
            return id.text();
        }
    }

    /** OEM record (C0h) — table 43-11: manufacturer ID then OEM data. */
    record Oem(int recordId, int sdrVersion, int manufacturerId, ByteString data) implements SdrRecord {
        public Oem {
            Objects.requireNonNull(data, "data");
        }

        /** Copies the byte arrays. */
        public Oem(int recordId, int sdrVersion, int manufacturerId, byte[] data) {
            this(recordId, sdrVersion, manufacturerId, ByteString.of(data));
        }

        @Override
        public int recordType() {
            return OEM;
        }
    }

    /** Any other record type, kept as bytes (body = everything after the 5-byte header). */
    record Unknown(int recordId, int sdrVersion, int recordType, ByteString body) implements SdrRecord {
        public Unknown {
            Objects.requireNonNull(body, "body");
        }

        /** Copies the byte arrays. */
        public Unknown(int recordId, int sdrVersion, int recordType, byte[] body) {
            this(recordId, sdrVersion, recordType, ByteString.of(body));
        }
    }

    /**
     * Decodes one whole record (header included). Extra bytes beyond the header's length are
     * ignored; a body shorter than the length claims is decoded as far as it goes.
     *
     * @throws MalformedMessageException when a field the type requires is missing
     */
    static SdrRecord decode(byte[] record) {
        ByteReader all = ByteReader.of(record);
        int id = all.u16("record ID");
        int version = all.u8("SDR version");
        int type = all.u8("record type");
        int length = all.u8("record length");
        ByteReader in = all.slice(Math.min(length, all.remaining()), "record body");
        return switch (type) {
            case FULL_SENSOR -> full(id, version, in);
            case COMPACT_SENSOR -> compact(id, version, in);
            case EVENT_ONLY -> eventOnly(id, version, in);
            case ENTITY_ASSOCIATION -> entityAssociation(id, version, in);
            case GENERIC_DEVICE_LOCATOR -> genericLocator(id, version, in);
            case FRU_DEVICE_LOCATOR -> fruLocator(id, version, in);
            case MC_DEVICE_LOCATOR -> mcLocator(id, version, in);
            case OEM -> new Oem(id, version, in.u24("manufacturer ID"), in.rest());
            default -> new Unknown(id, version, type, in.rest());
        };
    }

    private static TypeLengthString idString(ByteReader in) {
        return in.hasRemaining() ? TypeLengthString.decodeSdr(in, "ID string") : TypeLengthString.EMPTY;
    }

    private static FullSensor full(int id, int version, ByteReader in) {
        SensorKey key = SensorKey.decode(in);
        Entity entity = Entity.decode(in);
        int init = in.u8("sensor initialization");
        int caps = in.u8("sensor capabilities");
        int sensorType = in.u8("sensor type");
        int ert = in.u8("event/reading type code");
        int assertMask = in.u16("assertion event mask");
        int deassertMask = in.u16("deassertion event mask");
        int readingMask = in.u16("reading mask");
        SensorUnits units = new SensorUnits(in.u8("sensor units 1"), in.u8("base unit"), in.u8("modifier unit"));
        int lin = in.u8("linearization");
        ConversionFactors factors = ConversionFactors.decode(in);
        int analogFlags = in.u8("analog characteristic flags");
        int nominal = in.u8("nominal reading");
        int normalMax = in.u8("normal maximum");
        int normalMin = in.u8("normal minimum");
        int sensorMax = in.u8("sensor maximum reading");
        int sensorMin = in.u8("sensor minimum reading");
        int unr = in.u8("upper non-recoverable threshold");
        int ucr = in.u8("upper critical threshold");
        int unc = in.u8("upper non-critical threshold");
        int lnr = in.u8("lower non-recoverable threshold");
        int lcr = in.u8("lower critical threshold");
        int lnc = in.u8("lower non-critical threshold");
        int posHyst = in.u8("positive-going hysteresis");
        int negHyst = in.u8("negative-going hysteresis");
        in.skip(2, "reserved");
        int oem = in.u8("OEM");
        return new FullSensor(id, version, key, entity, init, caps, sensorType, ert, assertMask, deassertMask,
                readingMask, units, lin, factors, analogFlags, nominal, normalMax, normalMin, sensorMax, sensorMin,
                unr, ucr, unc, lnr, lcr, lnc, posHyst, negHyst, oem, idString(in));
    }

    private static CompactSensor compact(int id, int version, ByteReader in) {
        SensorKey key = SensorKey.decode(in);
        Entity entity = Entity.decode(in);
        int init = in.u8("sensor initialization");
        int caps = in.u8("sensor capabilities");
        int sensorType = in.u8("sensor type");
        int ert = in.u8("event/reading type code");
        int assertMask = in.u16("assertion event mask");
        int deassertMask = in.u16("deassertion event mask");
        int readingMask = in.u16("reading mask");
        SensorUnits units = new SensorUnits(in.u8("sensor units 1"), in.u8("base unit"), in.u8("modifier unit"));
        int sharing1 = in.u8("sensor record sharing 1");
        int sharing2 = in.u8("sensor record sharing 2");
        int posHyst = in.u8("positive-going hysteresis");
        int negHyst = in.u8("negative-going hysteresis");
        in.skip(3, "reserved");
        int oem = in.u8("OEM");
        return new CompactSensor(id, version, key, entity, init, caps, sensorType, ert, assertMask, deassertMask,
                readingMask, units, sharing1, sharing2, posHyst, negHyst, oem, idString(in));
    }

    private static EventOnly eventOnly(int id, int version, ByteReader in) {
        SensorKey key = SensorKey.decode(in);
        Entity entity = Entity.decode(in);
        int sensorType = in.u8("sensor type");
        int ert = in.u8("event/reading type code");
        int sharing1 = in.u8("sensor record sharing 1");
        int sharing2 = in.u8("sensor record sharing 2");
        in.skip(1, "reserved");
        int oem = in.u8("OEM");
        return new EventOnly(id, version, key, entity, sensorType, ert, sharing1, sharing2, oem, idString(in));
    }

    private static EntityAssociation entityAssociation(int id, int version, ByteReader in) {
        Entity container = Entity.decode(in);
        int flags = in.u8("flags");
        List<Entity> contained = new ArrayList<>(4);
        for (int i = 0; i < 4 && in.remaining() >= 2; i++) {
            Entity e = Entity.decode(in);
            if (e.id() != 0) {
                contained.add(e);
            }
        }
        return new EntityAssociation(id, version, container, flags, contained);
    }

    private static GenericDeviceLocator genericLocator(int id, int version, ByteReader in) {
        int access = in.u8("device access address");
        int slave = in.u8("device slave address");
        int lunBus = in.u8("access LUN / bus ID");
        int span = in.u8("address span");
        in.skip(1, "reserved");
        int type = in.u8("device type");
        int modifier = in.u8("device type modifier");
        Entity entity = Entity.decode(in);
        int oem = in.u8("OEM");
        int channel = (lunBus >>> 5) << 1 | (slave & 0x01);
        return new GenericDeviceLocator(id, version, access & 0xFE, slave & 0xFE, channel, (lunBus >>> 3) & 0x03,
                lunBus & 0x07, span & 0x07, type, modifier, entity, oem, idString(in));
    }

    private static FruDeviceLocator fruLocator(int id, int version, ByteReader in) {
        int access = in.u8("device access address");
        int fruId = in.u8("FRU device ID");
        int flags = in.u8("logical/physical, access LUN, bus ID");
        int channel = in.u8("channel number") >>> 4;
        in.skip(1, "reserved");
        int type = in.u8("device type");
        int modifier = in.u8("device type modifier");
        Entity entity = Entity.decode(in);
        int oem = in.u8("OEM");
        return new FruDeviceLocator(id, version, access & 0xFE, fruId, (flags & 0x80) != 0, (flags >>> 3) & 0x03,
                flags & 0x07, channel, type, modifier, entity, oem, idString(in));
    }

    private static McDeviceLocator mcLocator(int id, int version, ByteReader in) {
        int slave = in.u8("device slave address");
        int channel = in.u8("channel number") & 0x0F;
        int power = in.u8("power state notification / global initialization");
        int caps = in.u8("device capabilities");
        in.skip(3, "reserved");
        Entity entity = Entity.decode(in);
        int oem = in.u8("OEM");
        return new McDeviceLocator(id, version, slave & 0xFE, channel, power, caps, entity, oem, idString(in));
    }
}
