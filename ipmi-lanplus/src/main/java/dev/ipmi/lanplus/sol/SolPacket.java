package dev.ipmi.lanplus.sol;

import dev.ipmi.core.MalformedMessageException;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;
import dev.ipmi.core.wire.Hex;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * One SOL payload (RMCP+ payload type 01h) — IPMI v2.0 §15.9, tables 15-2 and 15-3:
 *
 * <pre>
 * byte 0  [3:0] packet sequence number 1..15; 0 = ACK-only packet, carries no characters
 * byte 1  [3:0] ACK/NACK sequence number: the packet acknowledged here; 0 = acknowledges nothing
 * byte 2  accepted character count (of the acknowledged packet)
 * byte 3  operation (console to BMC) or status (BMC to console) bits
 * byte 4… character data
 * </pre>
 *
 * The two directions use different meanings for byte 3, so the flags are kept as a raw byte and
 * read through {@link #operations()} or {@link #status()}. Reserved bits are dropped on decode.
 *
 * @param sequence    packet sequence number 0..15
 * @param ackSequence acknowledged sequence number 0..15
 * @param accepted    accepted character count 0..255
 * @param flags       byte 3 without reserved bit 7
 * @param data        character data (at most 255 bytes: the count field is one byte)
 */
public record SolPacket(int sequence, int ackSequence, int accepted, int flags, byte[] data) {
    public static final int HEADER_LENGTH = 4;
    /** The accepted-count field is one byte, so no packet can carry more characters than this. */
    public static final int MAX_DATA = 255;

    public SolPacket {
        check(sequence, 15, "packet sequence number");
        check(ackSequence, 15, "ACK/NACK sequence number");
        check(accepted, 0xFF, "accepted character count");
        check(flags, 0x7F, "operation/status bits");
        data = data.clone();
        if (data.length > MAX_DATA) {
            throw new IllegalArgumentException("SOL packet data is at most 255 bytes: " + data.length);
        }
        if (sequence == 0 && data.length > 0) {
            throw new IllegalArgumentException("an ACK-only packet (sequence 0) carries no characters");
        }
    }

    private static void check(int v, int max, String what) {
        if (v < 0 || v > max) {
            throw new IllegalArgumentException(what + " out of range 0.." + max + ": " + v);
        }
    }

    /** A console-to-BMC packet. */
    public static SolPacket fromConsole(int sequence, int ackSequence, int accepted, Set<ConsoleOperation> ops,
                                        byte[] data) {
        int flags = 0;
        for (ConsoleOperation op : ops) {
            flags |= op.bit();
        }
        return new SolPacket(sequence, ackSequence, accepted, flags, data);
    }

    /** A BMC-to-console packet. */
    public static SolPacket fromBmc(int sequence, int ackSequence, int accepted, Set<BmcStatus> status, byte[] data) {
        int flags = 0;
        for (BmcStatus s : status) {
            flags |= s.bit();
        }
        return new SolPacket(sequence, ackSequence, accepted, flags, data);
    }

    /** An ACK-only packet for {@code ackSequence}: sequence 0, no data. */
    public static SolPacket ack(int ackSequence, int accepted) {
        return new SolPacket(0, ackSequence, accepted, 0, new byte[0]);
    }

    /**
     * Decodes a payload. Upper nibbles of the sequence bytes and reserved flag bits are ignored;
     * a sequence-0 packet with characters is refused; more than 255 characters are refused.
     */
    public static SolPacket decode(byte[] payload) {
        ByteReader in = ByteReader.of(payload);
        int seq = in.u8("packet sequence number") & 0x0F;
        int ack = in.u8("ACK/NACK sequence number") & 0x0F;
        int accepted = in.u8("accepted character count");
        int flags = in.u8("operation/status") & 0x7F;
        byte[] data = in.rest();
        if (data.length > MAX_DATA) {
            throw new MalformedMessageException("character data", HEADER_LENGTH, payload,
                    data.length + " characters in one packet, the count field allows 255");
        }
        if (seq == 0 && data.length > 0) {
            throw new MalformedMessageException("packet sequence number", 0, payload,
                    "ACK-only packet (sequence 0) carries " + data.length + " characters");
        }
        return new SolPacket(seq, ack, accepted, flags, data);
    }

    public byte[] encode() {
        ByteWriter w = new ByteWriter(HEADER_LENGTH + data.length);
        w.u8(sequence).u8(ackSequence).u8(accepted).u8(flags).bytes(data);
        return w.toByteArray();
    }

    public boolean isAckOnly() {
        return sequence == 0;
    }

    public boolean acknowledges() {
        return ackSequence != 0;
    }

    /** Byte 3 read as console-to-BMC operation bits. */
    public Set<ConsoleOperation> operations() {
        EnumSet<ConsoleOperation> s = EnumSet.noneOf(ConsoleOperation.class);
        for (ConsoleOperation op : ConsoleOperation.values()) {
            if ((flags & op.bit()) != 0) {
                s.add(op);
            }
        }
        return s;
    }

    /** Byte 3 read as BMC-to-console status bits (bits 1:0 are reserved in this direction and ignored). */
    public Set<BmcStatus> status() {
        EnumSet<BmcStatus> s = EnumSet.noneOf(BmcStatus.class);
        for (BmcStatus b : BmcStatus.values()) {
            if ((flags & b.bit()) != 0) {
                s.add(b);
            }
        }
        return s;
    }

    public boolean has(BmcStatus s) {
        return (flags & s.bit()) != 0;
    }

    public boolean has(ConsoleOperation op) {
        return (flags & op.bit()) != 0;
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    public int dataLength() {
        return data.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SolPacket p && p.sequence == sequence && p.ackSequence == ackSequence
                && p.accepted == accepted && p.flags == flags && Arrays.equals(p.data, data);
    }

    @Override
    public int hashCode() {
        return ((sequence * 31 + ackSequence) * 31 + accepted) * 31 + flags + Arrays.hashCode(data) * 7;
    }

    @Override
    public String toString() {
        return "SolPacket[seq=" + sequence + ", ack=" + ackSequence + ", accepted=" + accepted + ", flags="
                + Hex.u8(flags) + ", data=" + data.length + " bytes]";
    }
}
