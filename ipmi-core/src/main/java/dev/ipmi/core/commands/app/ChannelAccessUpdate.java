package dev.ipmi.core.commands.app;

/**
 * Which copy of the channel access settings a request reads or writes — IPMI v2.0 §22.22/§22.23,
 * bits 7:6 of the access and privilege bytes. Get Channel Access takes only the two stored copies.
 */
public enum ChannelAccessUpdate {
    /** Set only: leave this setting as it is. */
    NO_CHANGE(0),
    NON_VOLATILE(1),
    /** The active ("volatile") settings. */
    VOLATILE(2);

    private final int code;

    ChannelAccessUpdate(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The value of bits 1:0 of {@code code}, or null for the reserved 11b. */
    static ChannelAccessUpdate fromCode(int code) {
        return switch (code & 0x03) {
            case 0 -> NO_CHANGE;
            case 1 -> NON_VOLATILE;
            case 2 -> VOLATILE;
            default -> null;
        };
    }
}
