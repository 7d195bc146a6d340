package dev.ipmi.core.types;

import dev.ipmi.core.wire.Hex;
import java.util.Arrays;
import java.util.UUID;

/**
 * A 16-byte GUID as sent by Get Device GUID / Get System GUID (IPMI v2.0 §20.8, table 20-10;
 * §22.14). The spec sends the UUID least significant byte first (the whole 16 bytes reversed),
 * but many BMCs send the SMBIOS layout instead (first three fields little-endian, the rest in
 * order) — ipmi_sim 2.0.33 does, and ipmitool 1.8.19 prints its GUID in the SMBIOS reading with
 * "GUID Encoding : SMBIOS (WARNING: IPMI Specification violation!)". Both readings are offered;
 * which one a BMC uses cannot be told from the bytes alone, so the raw bytes are kept.
 */
public record Guid(byte[] bytes) {
    public Guid {
        if (bytes.length != 16) {
            throw new IllegalArgumentException("a GUID is 16 bytes, got " + bytes.length);
        }
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The IPMI-specified reading: the 16 bytes in reverse order form the RFC 4122 UUID. */
    public UUID asIpmiUuid() {
        byte[] r = new byte[16];
        for (int i = 0; i < 16; i++) {
            r[i] = bytes[15 - i];
        }
        return fromBigEndian(r);
    }

    /** The SMBIOS reading: time_low, time_mid, time_hi_and_version little-endian, the rest in order. */
    public UUID asSmbiosUuid() {
        byte[] r = bytes.clone();
        swap(r, 0, 3);
        swap(r, 1, 2);
        swap(r, 4, 5);
        swap(r, 6, 7);
        return fromBigEndian(r);
    }

    private static void swap(byte[] b, int i, int j) {
        byte t = b[i];
        b[i] = b[j];
        b[j] = t;
    }

    private static UUID fromBigEndian(byte[] b) {
        long msb = 0;
        long lsb = 0;
        for (int i = 0; i < 8; i++) {
            msb = msb << 8 | (b[i] & 0xFF);
            lsb = lsb << 8 | (b[i + 8] & 0xFF);
        }
        return new UUID(msb, lsb);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Guid g && Arrays.equals(g.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "Guid[" + Hex.compact(bytes) + "]";
    }
}
