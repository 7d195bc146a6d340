package dev.ipmi.lan.engine;

import dev.ipmi.core.MalformedMessageException;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;
import java.util.OptionalInt;

/**
 * The 4-byte RMCP header that starts every IPMI-over-LAN datagram, and the ASF presence ping/pong
 * (DMTF ASF 2.0 §3.2.2–3.2.4; IPMI v2.0 §13.1–13.2). ASF fields are big-endian.
 */
public final class Rmcp {
    public static final int VERSION_1_0 = 0x06;
    /** RMCP sequence 0xFF: "no RMCP ACK wanted", used for all IPMI traffic. */
    public static final int NO_ACK_SEQUENCE = 0xFF;
    public static final int CLASS_ASF = 0x06;
    public static final int CLASS_IPMI = 0x07;
    public static final int HEADER_LENGTH = 4;
    public static final long ASF_IANA = 0x000011BEL;
    public static final int ASF_PING = 0x80;
    public static final int ASF_PONG = 0x40;

    private Rmcp() {}

    /** RMCP header fields. {@code ack} = bit 7 of the class byte. */
    public record Header(int version, int sequence, int messageClass, boolean ack) {
        public static Header decode(ByteReader in) {
            int version = in.u8("RMCP version");
            in.u8("RMCP reserved");
            int seq = in.u8("RMCP sequence");
            int cls = in.u8("RMCP class");
            if (version != VERSION_1_0) {
                throw in.malformed("RMCP version", "expected 06h, found " + String.format("%02Xh", version));
            }
            return new Header(version, seq, cls & 0x1F, (cls & 0x80) != 0);
        }

        public void encode(ByteWriter out) {
            out.u8(version).u8(0).u8(sequence).u8((ack ? 0x80 : 0) | messageClass);
        }
    }

    /** Writes {@code 06 00 FF 07}: the header of every IPMI datagram. */
    public static void writeIpmiHeader(ByteWriter out) {
        out.u8(VERSION_1_0).u8(0).u8(NO_ACK_SEQUENCE).u8(CLASS_IPMI);
    }

    /** Reads and checks an RMCP header of class IPMI (no ACK); throws {@link MalformedMessageException} otherwise. */
    public static void readIpmiHeader(ByteReader in) {
        Header h = Header.decode(in);
        if (h.ack() || h.messageClass() != CLASS_IPMI) {
            throw in.malformed("RMCP class", "expected IPMI class 07h, found " + String.format("%02Xh",
                    h.messageClass() | (h.ack() ? 0x80 : 0)));
        }
    }

    /**
     * The session auth type byte of an IPMI-class datagram (00h..05h for IPMI 1.5, 06h for RMCP+): the byte
     * that tells the two session formats apart. Empty for anything that is not an RMCP IPMI datagram.
     */
    public static OptionalInt sessionAuthType(byte[] datagram) {
        if (datagram.length <= HEADER_LENGTH || (datagram[0] & 0xFF) != VERSION_1_0
                || (datagram[3] & 0xFF) != CLASS_IPMI) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(datagram[HEADER_LENGTH] & 0xFF);
    }

    /** The message tag of an ASF Presence Ping (ASF 2.0 §3.2.4.2); empty when the datagram is not one. */
    public static OptionalInt presencePingTag(byte[] datagram) {
        if (datagram.length < 12 || (datagram[3] & 0x1F) != CLASS_ASF) {
            return OptionalInt.empty();
        }
        ByteReader in = ByteReader.of(datagram);
        try {
            Header.decode(in);
            if (in.u32be("ASF IANA") != ASF_IANA || in.u8("ASF message type") != ASF_PING) {
                return OptionalInt.empty();
            }
            return OptionalInt.of(in.u8("ASF message tag"));
        } catch (MalformedMessageException e) {
            return OptionalInt.empty();
        }
    }

    /** An ASF Presence Ping datagram with the given message tag (0..FEh). */
    public static byte[] presencePing(int tag) {
        if (tag < 0 || tag > 0xFE) {
            throw new IllegalArgumentException("ASF message tag must be 0..FEh: " + tag);
        }
        ByteWriter w = new ByteWriter(12);
        new Header(VERSION_1_0, NO_ACK_SEQUENCE, CLASS_ASF, false).encode(w);
        w.u32be(ASF_IANA).u8(ASF_PING).u8(tag).u8(0).u8(0);
        return w.toByteArray();
    }

    /**
     * An ASF Presence Pong (ASF 2.0 §3.2.4.3).
     *
     * @param tag                 echoed message tag
     * @param oemIana             OEM enterprise number (4542 = ASF itself when no OEM)
     * @param oemDefined          OEM-defined 32 bits
     * @param supportedEntities   bit 7 = IPMI supported, bits 3:0 = ASF version (1 = 1.0)
     * @param supportedInteractions bit 7 = ASF security extensions (RMCP+ style)
     */
    public record Pong(int tag, long oemIana, long oemDefined, int supportedEntities, int supportedInteractions) {
        public boolean ipmiSupported() {
            return (supportedEntities & 0x80) != 0;
        }

        public static Pong decode(byte[] datagram) {
            ByteReader in = ByteReader.of(datagram);
            Header h = Header.decode(in);
            if (h.messageClass() != CLASS_ASF) {
                throw in.malformed("RMCP class", "expected ASF class 06h, found " + h.messageClass());
            }
            long iana = in.u32be("ASF IANA");
            if (iana != ASF_IANA) {
                throw in.malformed("ASF IANA", "expected 4542, found " + iana);
            }
            int type = in.u8("ASF message type");
            if (type != ASF_PONG) {
                throw in.malformed("ASF message type", "expected pong 40h, found " + String.format("%02Xh", type));
            }
            int tag = in.u8("ASF message tag");
            in.u8("ASF reserved");
            int len = in.u8("ASF data length");
            ByteReader data = in.slice(Math.min(len, in.remaining()), "ASF data");
            long oem = data.u32be("OEM IANA");
            long oemDefined = data.u32be("OEM defined");
            int entities = data.u8("supported entities");
            int interactions = data.u8("supported interactions");
            return new Pong(tag, oem, oemDefined, entities, interactions);
        }

        public byte[] encode() {
            ByteWriter w = new ByteWriter(28);
            new Header(VERSION_1_0, NO_ACK_SEQUENCE, CLASS_ASF, false).encode(w);
            w.u32be(ASF_IANA).u8(ASF_PONG).u8(tag).u8(0).u8(0x10)
                    .u32be(oemIana).u32be(oemDefined).u8(supportedEntities).u8(supportedInteractions).zeros(6);
            return w.toByteArray();
        }
    }
}
