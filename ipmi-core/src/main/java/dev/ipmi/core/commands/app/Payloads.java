package dev.ipmi.core.commands.app;

/**
 * RMCP+ payload type numbers — IPMI v2.0 §13.27.3, table 13-16. Plain ints (6 bits on the wire) so
 * that OEM payload types (20h-27h) pass through unchanged.
 */
public final class Payloads {
    public static final int IPMI = 0x00;
    public static final int SOL = 0x01;
    public static final int OEM_EXPLICIT = 0x02;

    private Payloads() {}

    /** "IPMI", "SOL", "OEM explicit", "OEM payload n" or "payload type n". */
    public static String name(int type) {
        return switch (type) {
            case IPMI -> "IPMI";
            case SOL -> "SOL";
            case OEM_EXPLICIT -> "OEM explicit";
            default -> type >= 0x20 && type <= 0x27 ? "OEM payload " + (type - 0x20)
                    : "payload type " + String.format("%02Xh", type);
        };
    }

    static void checkType(int type) {
        if (type < 0 || type > 0x3F) {
            throw new IllegalArgumentException("payload type is 6 bits: " + type);
        }
    }

    static void checkInstance(int instance) {
        if (instance < 1 || instance > 15) {
            throw new IllegalArgumentException("payload instance must be 1..15: " + instance);
        }
    }
}
