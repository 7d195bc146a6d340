package dev.ipmi.lanplus.sol;

/**
 * Operation bits of a console-to-BMC SOL packet — IPMI v2.0 §15.9, table 15-2, byte 4.
 */
public enum ConsoleOperation {
    /** Bit 0: flush the BMC's outbound (BMC to console) character data. */
    FLUSH_OUTBOUND(0x01),
    /** Bit 1: flush the BMC's inbound (console to host serial port) character data. */
    FLUSH_INBOUND(0x02),
    /** Bit 2: deassert DCD/DSR towards the host. Level, not an event: sent in every packet while wanted. */
    DROP_DCD_DSR(0x04),
    /** Bit 3: deassert CTS towards the host ("CTS pause"). Level, like {@link #DROP_DCD_DSR}. */
    CTS_PAUSE(0x08),
    /** Bit 4: generate a serial BREAK on the host's port. */
    BREAK(0x10),
    /** Bit 5: assert Ring Indicator / wake-on-ring. */
    RING_WOR(0x20),
    /** Bit 6: NACK — the console could not accept the characters of the packet acknowledged here. */
    NACK(0x40);

    private final int bit;

    ConsoleOperation(int bit) {
        this.bit = bit;
    }

    public int bit() {
        return bit;
    }
}
