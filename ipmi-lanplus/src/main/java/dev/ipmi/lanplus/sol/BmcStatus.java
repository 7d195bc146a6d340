package dev.ipmi.lanplus.sol;

/**
 * Status bits of a BMC-to-console SOL packet — IPMI v2.0 §15.9, table 15-3, byte 4.
 */
public enum BmcStatus {
    /** Bit 2: the BMC saw a BREAK condition on the host's serial port. */
    BREAK_DETECTED(0x04),
    /** Bit 3: the BMC dropped characters from the host (its buffer overran). */
    TRANSMIT_OVERRUN(0x08),
    /** Bit 4: the BMC is deactivating SOL (e.g. the payload was taken over or disabled). */
    DEACTIVATING(0x10),
    /** Bit 5: character transfer unavailable (host powered off, port in use by the BMC, …). */
    TRANSFER_UNAVAILABLE(0x20),
    /** Bit 6: NACK — the BMC cannot take more characters now (ipmi_sim: its 32-byte buffer is full). */
    NACK(0x40);

    private final int bit;

    BmcStatus(int bit) {
        this.bit = bit;
    }

    public int bit() {
        return bit;
    }
}
