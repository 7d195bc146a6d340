package dev.ipmi.core.commands.app;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.IpmiRequest;
import dev.ipmi.core.IpmiResponse;
import dev.ipmi.core.MalformedMessageException;
import dev.ipmi.core.types.ByteString;
import dev.ipmi.core.types.NetFn;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Get Channel Cipher Suites — IPMI v2.0 §22.15, table 22-18. NetFn App (06h), cmd 54h. Allowed
 * before a session exists. Each reply carries up to 16 bytes of the channel's cipher-suite record
 * stream; {@link #parseRecords(byte[])} parses the concatenation of all pages.
 */
public final class GetChannelCipherSuites {
    public static final CommandId ID = CommandId.of(NetFn.APP, 0x54, "Get Channel Cipher Suites");
    /** Channel number meaning "the channel this request arrived on". */
    public static final int THIS_CHANNEL = 0x0E;
    /** A reply with fewer record bytes than this is the last page. */
    public static final int PAGE_SIZE = 16;
    /** List indices are six bits wide. */
    public static final int MAX_LIST_INDEX = 0x3F;

    private GetChannelCipherSuites() {}

    /**
     * @param channel     channel number (0Eh = this channel)
     * @param payloadType payload type whose suites to list (00h IPMI, 01h SOL)
     * @param listIndex   page number, 0..3Fh; the request always asks for the list by cipher suite
     */
    public record Request(int channel, int payloadType, int listIndex) implements IpmiRequest<Response> {
        public Request {
            if (channel < 0 || channel > 0x0F) {
                throw new IllegalArgumentException("channel out of range 0..15: " + channel);
            }
            if (payloadType < 0 || payloadType > 0x3F) {
                throw new IllegalArgumentException("payload type out of range 0..63: " + payloadType);
            }
            if (listIndex < 0 || listIndex > MAX_LIST_INDEX) {
                throw new IllegalArgumentException("list index out of range 0..63: " + listIndex);
            }
        }

        @Override
        public CommandId id() {
            return ID;
        }

        @Override
        public void encode(ByteWriter out) {
            out.u8(channel).u8(payloadType).u8(0x80 | listIndex);
        }

        @Override
        public Response decodeResponse(ByteReader in) {
            return Response.decode(in);
        }
    }

    /**
     * @param channel    channel number the records belong to
     * @param recordData this page of the record stream (0..16 bytes)
     */
    public record Response(int channel, ByteString recordData) implements IpmiResponse {
        public Response {
            Objects.requireNonNull(recordData, "recordData");
        }

        /** Copies the byte array. */
        public Response(int channel, byte[] recordData) {
            this(channel, ByteString.of(recordData));
        }

        static Response decode(ByteReader in) {
            int channel = in.u8("channel number") & 0x0F;
            return new Response(channel, in.rest());
        }

        @Override
        public void encode(ByteWriter out) {
            out.u8(channel).bytes(recordData);
        }

        /** True when this is the last page (fewer than 16 record bytes). */
        public boolean isLastPage() {
            return recordData.size() < PAGE_SIZE;
        }
    }

    /**
     * One cipher-suite record (IPMI v2.0 table 22-19): the suite ID, the OEM IANA for OEM records
     * (start byte C1h), and the algorithm numbers listed for each kind. A record may list several
     * algorithms of one kind, or none.
     */
    public record CipherSuiteRecord(int suiteId, OptionalInt oemIana, List<Integer> authentication,
                                    List<Integer> integrity, List<Integer> confidentiality) {
        public CipherSuiteRecord {
            authentication = List.copyOf(authentication);
            integrity = List.copyOf(integrity);
            confidentiality = List.copyOf(confidentiality);
        }

        public boolean isOem() {
            return oemIana.isPresent();
        }

        public void encode(ByteWriter out) {
            if (oemIana.isPresent()) {
                out.u8(0xC1).u8(suiteId).u24(oemIana.getAsInt());
            } else {
                out.u8(0xC0).u8(suiteId);
            }
            authentication.forEach(a -> out.u8(a & 0x3F));
            integrity.forEach(a -> out.u8(0x40 | (a & 0x3F)));
            confidentiality.forEach(a -> out.u8(0x80 | (a & 0x3F)));
        }
    }

    /**
     * Parses a concatenated record stream. Records are delimited by their start bytes (C0h/C1h), so
     * records of any length parse; algorithm bytes are classified by their tag bits [7:6]. Trailing
     * padding of zero bytes after the last record is ignored.
     *
     * @throws MalformedMessageException if the stream does not start with a record or a record is cut short
     */
    public static List<CipherSuiteRecord> parseRecords(byte[] stream) {
        ByteReader in = ByteReader.of(stream);
        List<CipherSuiteRecord> out = new ArrayList<>();
        while (in.hasRemaining()) {
            int start = in.u8("record start byte");
            if (start != 0xC0 && start != 0xC1) {
                if (start == 0x00 && allZero(stream, in.position())) {
                    break;
                }
                throw in.malformed("record start byte", String.format("expected C0h or C1h, found %02Xh", start));
            }
            int id = in.u8("cipher suite ID");
            OptionalInt iana = start == 0xC1 ? OptionalInt.of(in.u24("OEM IANA")) : OptionalInt.empty();
            List<Integer> auth = new ArrayList<>();
            List<Integer> integ = new ArrayList<>();
            List<Integer> conf = new ArrayList<>();
            while (in.hasRemaining() && !isStart(stream[in.position()])) {
                int b = in.u8("algorithm");
                switch (b >>> 6) {
                    case 0 -> auth.add(b & 0x3F);
                    case 1 -> integ.add(b & 0x3F);
                    case 2 -> conf.add(b & 0x3F);
                    default -> throw in.malformed("algorithm", String.format("tag bits 11b in %02Xh", b));
                }
            }
            out.add(new CipherSuiteRecord(id, iana, auth, integ, conf));
        }
        return out;
    }

    private static boolean isStart(byte b) {
        return (b & 0xFF) == 0xC0 || (b & 0xFF) == 0xC1;
    }

    private static boolean allZero(byte[] b, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
