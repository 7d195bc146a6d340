package dev.ipmi.core.sdr;

/** Analog (numeric) data format, sensor units 1 bits [7:6] — IPMI v2.0 table 43-1 byte 21. */
public enum AnalogFormat {
    UNSIGNED,
    ONES_COMPLEMENT,
    TWOS_COMPLEMENT,
    /** No analog (numeric) reading. */
    NONE;

    public static AnalogFormat of(int units1) {
        return values()[(units1 >>> 6) & 0x03];
    }

    /** The raw byte as the signed/unsigned integer x of the conversion formula. */
    public int toX(int raw) {
        int r = raw & 0xFF;
        return switch (this) {
            case UNSIGNED, NONE -> r;
            // one's complement: 0xFF is -0, 0xFE is -1
            case ONES_COMPLEMENT -> (r & 0x80) != 0 ? (byte) r + 1 : r;
            case TWOS_COMPLEMENT -> (byte) r;
        };
    }
}
