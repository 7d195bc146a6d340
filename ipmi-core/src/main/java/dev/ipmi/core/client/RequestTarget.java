package dev.ipmi.core.client;

/**
 * Where a request goes: the BMC itself on a LUN, or a controller behind it reached with Send
 * Message bridging (ipmitool's {@code -t address -b channel}), optionally through a transit
 * controller (double bridging, ipmitool's {@code -T transit -B transitChannel}).
 *
 * @param address        IPMB slave address of the target controller (20h = the BMC)
 * @param channel        channel to bridge over (ignored when {@code address} is the BMC); with a
 *                       transit, the transit controller's channel to the target
 * @param lun            target LUN (0–3)
 * @param transitAddress slave address of the transit controller the BMC sends to first, or 0 for
 *                       none (single bridging)
 * @param transitChannel the BMC's channel to the transit controller (ignored without a transit)
 */
public record RequestTarget(int address, int channel, int lun, int transitAddress, int transitChannel) {
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
        if (transitAddress < 0 || transitAddress > 0xFF) {
            throw new IllegalArgumentException("transit address out of range: " + transitAddress);
        }
        if (transitAddress == 0x20) {
            throw new IllegalArgumentException("transit address 20h is the BMC itself; use single bridging");
        }
        if (transitChannel < 0 || transitChannel > 0x0F) {
            throw new IllegalArgumentException("transit channel out of range 0..15: " + transitChannel);
        }
    }

    /** A target without a transit controller. */
    public RequestTarget(int address, int channel, int lun) {
        this(address, channel, lun, 0, 0);
    }

    public static RequestTarget bmcLun(int lun) {
        return new RequestTarget(0x20, 0, lun);
    }

    public static RequestTarget bridged(int address, int channel) {
        return new RequestTarget(address, channel, 0);
    }

    /**
     * Double bridging: the BMC sends to {@code transitAddress} on {@code transitChannel}, which sends
     * to {@code address} on {@code channel} (ipmitool {@code -T -B -t -b}).
     */
    public static RequestTarget doubleBridged(int transitAddress, int transitChannel, int address, int channel) {
        if (transitAddress == 0) {
            throw new IllegalArgumentException("transit address 0 means no transit; use bridged()");
        }
        return new RequestTarget(address, channel, 0, transitAddress, transitChannel);
    }

    /** Whether requests go through a transit controller (two nested Send Messages). */
    public boolean hasTransit() {
        return transitAddress != 0;
    }

    public boolean isBmc() {
        return address == 0x20 && !hasTransit();
    }
}
