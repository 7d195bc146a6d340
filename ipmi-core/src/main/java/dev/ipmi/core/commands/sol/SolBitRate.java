package dev.ipmi.core.commands.sol;

/**
 * SOL bit rate code — IPMI v2.0 §26.3, table 26-5, parameters 5 and 6 bits 3:0. Open: unknown codes
 * keep their value.
 *
 * @param code 4-bit code: 0 = use the IPMI-over-serial setting, 6 = 9600, 7 = 19200, 8 = 38400,
 *             9 = 57600, 0Ah = 115200 bps
 */
public record SolBitRate(int code) {
    public static final SolBitRate SERIAL_SETTING = new SolBitRate(0);
    public static final SolBitRate BPS_9600 = new SolBitRate(6);
    public static final SolBitRate BPS_19200 = new SolBitRate(7);
    public static final SolBitRate BPS_38400 = new SolBitRate(8);
    public static final SolBitRate BPS_57600 = new SolBitRate(9);
    public static final SolBitRate BPS_115200 = new SolBitRate(0x0A);

    public SolBitRate {
        if (code < 0 || code > 0x0F) {
            throw new IllegalArgumentException("bit rate code is 4 bits: " + code);
        }
    }

    /** Bits per second, or 0 for "use the serial setting" and unknown codes. */
    public int bitsPerSecond() {
        return switch (code) {
            case 6 -> 9600;
            case 7 -> 19200;
            case 8 -> 38400;
            case 9 -> 57600;
            case 0x0A -> 115200;
            default -> 0;
        };
    }

    /** ipmitool's rendering in kbps: "IPMI-Over-Serial-Setting", "9.6" … "115.2". */
    public String kbpsText() {
        return switch (code) {
            case 0 -> "IPMI-Over-Serial-Setting";
            case 6 -> "9.6";
            case 7 -> "19.2";
            case 8 -> "38.4";
            case 9 -> "57.6";
            case 0x0A -> "115.2";
            default -> "Unknown";
        };
    }

    /** Parses ipmitool's spellings ("serial", "9.6", "19.2", "38.4", "57.6", "115.2") or a bps number. */
    public static SolBitRate parse(String text) {
        return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "serial", "0" -> SERIAL_SETTING;
            case "9.6", "9600" -> BPS_9600;
            case "19.2", "19200" -> BPS_19200;
            case "38.4", "38400" -> BPS_38400;
            case "57.6", "57600" -> BPS_57600;
            case "115.2", "115200" -> BPS_115200;
            default -> throw new IllegalArgumentException("unknown SOL bit rate '" + text
                    + "' (expected serial, 9.6, 19.2, 38.4, 57.6 or 115.2)");
        };
    }
}
