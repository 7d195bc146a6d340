package dev.ipmi.core.spi;

/**
 * Where a request goes: the BMC itself on a LUN, or a controller behind it reached with Send
 * Message bridging (ipmitool's {@code -t address -b channel}).
 *
 * @param address IPMB slave address of the target controller (20h = the BMC)
 * @param channel channel to bridge over (ignored when {@code address} is the BMC)
 * @param lun     target LUN (0–3)
 */
public record RequestTarget(int address, int channel, int lun) {
    public static final RequestTarget BMC = new RequestTarget(0x20, 0, 0);

    public RequestTarget {
        if (address < 0 || address > 0xFF) {
            throw new IllegalArgumentException("target address out of range: " + address);
        }
        if (channel < 0 || channel > 0x0F) {
            throw new IllegalArgumentException("channel out of range 0..15: " + channel);
        }
        if (lun < 0 || lun > 3) {
            throw new IllegalArgumentException("LUN out of range 0..3: " + lun);
        }
    }

    public static RequestTarget bmcLun(int lun) {
        return new RequestTarget(0x20, 0, lun);
    }

    public static RequestTarget bridged(int address, int channel) {
        return new RequestTarget(address, channel, 0);
    }

    public boolean isBmc() {
        return address == 0x20;
    }
}
