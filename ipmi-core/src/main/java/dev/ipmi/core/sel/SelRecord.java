package dev.ipmi.core.sel;

import dev.ipmi.core.MalformedMessageException;
import dev.ipmi.core.sdr.EventText;
import dev.ipmi.core.types.ByteString;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;
import java.util.Objects;

/** One 16-byte System Event Log record — IPMI v2.0 §32. */
public sealed interface SelRecord {
    int LENGTH = 16;
    int SYSTEM_EVENT = 0x02;

    int recordId();

    int recordType();

    /** The 16 bytes as stored. */
    byte[] toBytes();

    /**
     * System event record (type 02h) — table 32-1.
     *
     * @param generatorId      bytes 8–9: [7:1] slave address or software ID, [0] 1 = software ID; [15:12] channel, [9:8] LUN
     * @param evmRevision      04h for IPMI v1.5/2.0 events
     * @param deassertion      event direction (byte 13 bit 7)
     * @param eventReadingType event/reading type code, 7 bits
     * @param eventData1       [7:6] event data 2 usage, [5:4] event data 3 usage, [3:0] offset
     */
    record SystemEvent(int recordId, SelTimestamp timestamp, int generatorId, int evmRevision, int sensorType,
                       int sensorNumber, boolean deassertion, int eventReadingType, int eventData1, int eventData2,
                       int eventData3) implements SelRecord {
        @Override
        public int recordType() {
            return SYSTEM_EVENT;
        }

        /** The event offset: threshold index or discrete state. */
        public int offset() {
            return eventData1 & 0x0F;
        }

        /** 01b for threshold events = event data 2 holds the triggering reading. */
        public int eventData2Usage() {
            return (eventData1 >>> 6) & 0x03;
        }

        /** 01b for threshold events = event data 3 holds the threshold value. */
        public int eventData3Usage() {
            return (eventData1 >>> 4) & 0x03;
        }

        public boolean isThreshold() {
            return eventReadingType == EventText.THRESHOLD;
        }

        /** Generator's 8-bit slave address / software ID (low byte of the generator ID). */
        public int generatorAddress() {
            return generatorId & 0xFF;
        }

        /** ipmitool's text for the event offset, or empty when it has none. */
        public String description() {
            String t = EventText.describe(eventReadingType, sensorType, offset());
            return t == null ? "" : t;
        }

        @Override
        public byte[] toBytes() {
            return new ByteWriter(LENGTH).u16(recordId).u8(SYSTEM_EVENT).u32(timestamp.raw()).u16(generatorId)
                    .u8(evmRevision).u8(sensorType).u8(sensorNumber).u8((deassertion ? 0x80 : 0) | eventReadingType)
                    .u8(eventData1).u8(eventData2).u8(eventData3).toByteArray();
        }
    }

    /** OEM timestamped record (types C0h–DFh) — table 32-2. */
    record OemTimestamped(int recordId, int recordType, SelTimestamp timestamp, int manufacturerId, ByteString oemData)
            implements SelRecord {
        public OemTimestamped {
            if (oemData.size() != 6) {
                throw new IllegalArgumentException("OEM timestamped data is 6 bytes, got " + oemData.size());
            }
            Objects.requireNonNull(oemData, "oemData");
        }

        /** Copies the byte arrays. */
        public OemTimestamped(int recordId, int recordType, SelTimestamp timestamp, int manufacturerId, byte[] oemData) {
            this(recordId, recordType, timestamp, manufacturerId, ByteString.of(oemData));
        }

        @Override
        public byte[] toBytes() {
            return new ByteWriter(LENGTH).u16(recordId).u8(recordType).u32(timestamp.raw()).u24(manufacturerId)
                    .bytes(oemData).toByteArray();
        }
    }

    /** OEM non-timestamped record (types E0h–FFh) — table 32-3, or a record of an undefined type. */
    record OemNonTimestamped(int recordId, int recordType, ByteString oemData) implements SelRecord {
        public OemNonTimestamped {
            if (oemData.size() != 13) {
                throw new IllegalArgumentException("OEM non-timestamped data is 13 bytes, got " + oemData.size());
            }
            Objects.requireNonNull(oemData, "oemData");
        }

        /** Copies the byte arrays. */
        public OemNonTimestamped(int recordId, int recordType, byte[] oemData) {
            this(recordId, recordType, ByteString.of(oemData));
        }

        @Override
        public byte[] toBytes() {
            return new ByteWriter(LENGTH).u16(recordId).u8(recordType).bytes(oemData).toByteArray();
        }
    }

    /** A record type the spec leaves unspecified (not 02h, not C0h–FFh), kept as bytes. */
    record Unknown(int recordId, int recordType, ByteString data) implements SelRecord {
        public Unknown {
            if (data.size() != 13) {
                throw new IllegalArgumentException("record body is 13 bytes, got " + data.size());
            }
            Objects.requireNonNull(data, "data");
        }

        /** Copies the byte arrays. */
        public Unknown(int recordId, int recordType, byte[] data) {
            this(recordId, recordType, ByteString.of(data));
        }

        @Override
        public byte[] toBytes() {
            return new ByteWriter(LENGTH).u16(recordId).u8(recordType).bytes(data).toByteArray();
        }
    }

    /**
     * Decodes a 16-byte record (extra bytes are ignored).
     *
     * @throws MalformedMessageException when fewer than 16 bytes are given
     */
    static SelRecord decode(byte[] bytes) {
        ByteReader in = ByteReader.of(bytes);
        if (in.remaining() < LENGTH) {
            throw in.malformed("SEL record", "needs 16 bytes, got " + in.remaining());
        }
        int id = in.u16("record ID");
        int type = in.u8("record type");
        if (type == SYSTEM_EVENT) {
            SelTimestamp ts = new SelTimestamp(in.u32("timestamp"));
            int gen = in.u16("generator ID");
            int evm = in.u8("EvM revision");
            int sensorType = in.u8("sensor type");
            int sensorNumber = in.u8("sensor number");
            int dirType = in.u8("event direction / event type");
            return new SystemEvent(id, ts, gen, evm, sensorType, sensorNumber, (dirType & 0x80) != 0, dirType & 0x7F,
                    in.u8("event data 1"), in.u8("event data 2"), in.u8("event data 3"));
        }
        if (type >= 0xC0 && type <= 0xDF) {
            return new OemTimestamped(id, type, new SelTimestamp(in.u32("timestamp")), in.u24("manufacturer ID"),
                    in.bytes(6, "OEM defined"));
        }
        if (type >= 0xE0) {
            return new OemNonTimestamped(id, type, in.bytes(13, "OEM defined"));
        }
        return new Unknown(id, type, in.bytes(13, "record data"));
    }
}
