package dev.ipmi.core.fru;

import dev.ipmi.core.MalformedMessageException;
import dev.ipmi.core.fru.FruProblem.Area;
import dev.ipmi.core.fru.FruProblem.Kind;
import dev.ipmi.core.sdr.TypeLengthString;
import dev.ipmi.core.types.ByteString;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.Hex;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A decoded FRU inventory image — Platform Management FRU Information Storage Definition v1.0
 * §8–§16. Decoding never throws on bad content: checksum errors, truncated areas and undecodable
 * fields are listed in {@link #problems()} with their area, and everything readable is kept.
 */
public record FruInventory(CommonHeader header, Optional<Chassis> chassis, Optional<Board> board,
                           Optional<Product> product, List<MultiRecord> multiRecords, List<FruProblem> problems) {

    public FruInventory {
        multiRecords = List.copyOf(multiRecords);
        problems = List.copyOf(problems);
    }

    /** Offsets are in bytes (the header stores multiples of 8); 0 = area absent. */
    public record CommonHeader(int formatVersion, int internalUseOffset, int chassisOffset, int boardOffset,
                               int productOffset, int multiRecordOffset) {}

    /** Chassis info area (§10): SMBIOS chassis type, part and serial number, custom fields. */
    public record Chassis(int type, TypeLengthString partNumber, TypeLengthString serialNumber,
                          List<TypeLengthString> custom) {
        public Chassis {
            custom = List.copyOf(custom);
        }

        public String typeName() {
            return FruFormat.chassisTypeName(type);
        }
    }

    /**
     * Board info area (§11).
     *
     * @param mfgMinutes manufacturing date/time in minutes since 1996-01-01 00:00 UTC (0 = unspecified)
     */
    public record Board(int languageCode, int mfgMinutes, TypeLengthString manufacturer, TypeLengthString productName,
                        TypeLengthString serialNumber, TypeLengthString partNumber, TypeLengthString fruFileId,
                        List<TypeLengthString> custom) {
        /** 1996-01-01T00:00:00Z in Unix seconds. */
        public static final long EPOCH_1996 = 820454400L;

        public Board {
            custom = List.copyOf(custom);
        }

        public Optional<Instant> mfgDate() {
            return mfgMinutes == 0 ? Optional.empty() : Optional.of(Instant.ofEpochSecond(EPOCH_1996 + mfgMinutes * 60L));
        }
    }

    /** Product info area (§12). */
    public record Product(int languageCode, TypeLengthString manufacturer, TypeLengthString name,
                          TypeLengthString partNumber, TypeLengthString version, TypeLengthString serialNumber,
                          TypeLengthString assetTag, TypeLengthString fruFileId, List<TypeLengthString> custom) {
        public Product {
            custom = List.copyOf(custom);
        }
    }

    /** One MultiRecord (§16): header fields and the record data. */
    public record MultiRecord(int typeId, boolean endOfList, int formatVersion, ByteString data, boolean checksumOk) {
        public MultiRecord {
            Objects.requireNonNull(data, "data");
        }

        /** Copies the byte arrays. */
        public MultiRecord(int typeId, boolean endOfList, int formatVersion, byte[] data, boolean checksumOk) {
            this(typeId, endOfList, formatVersion, ByteString.of(data), checksumOk);
        }
    }

    /** Decodes a whole FRU image. Never throws for bad content; see {@link #problems()}. */
    public static FruInventory decode(byte[] fru) {
        List<FruProblem> problems = new ArrayList<>();
        if (fru.length < 8) {
            problems.add(new FruProblem(Area.COMMON_HEADER, Kind.TRUNCATED, 0,
                    "common header needs 8 bytes, FRU has " + fru.length));
            return new FruInventory(new CommonHeader(0, 0, 0, 0, 0, 0), Optional.empty(), Optional.empty(),
                    Optional.empty(), List.of(), problems);
        }
        CommonHeader h = new CommonHeader(fru[0] & 0x0F, (fru[1] & 0xFF) * 8, (fru[2] & 0xFF) * 8,
                (fru[3] & 0xFF) * 8, (fru[4] & 0xFF) * 8, (fru[5] & 0xFF) * 8);
        if (h.formatVersion() != 1) {
            problems.add(new FruProblem(Area.COMMON_HEADER, Kind.VERSION, 0,
                    "format version " + h.formatVersion() + ", expected 1"));
            return new FruInventory(h, Optional.empty(), Optional.empty(), Optional.empty(), List.of(), problems);
        }
        if (sum(fru, 0, 8) != 0) {
            problems.add(new FruProblem(Area.COMMON_HEADER, Kind.CHECKSUM, 7,
                    "bytes 0-7 sum to " + Hex.u8(sum(fru, 0, 8)) + " instead of 00h"));
        }
        Optional<Chassis> chassis = h.chassisOffset() == 0 ? Optional.empty()
                : Optional.ofNullable(area(fru, h.chassisOffset(), Area.CHASSIS, problems, FruInventory::chassis));
        Optional<Board> board = h.boardOffset() == 0 ? Optional.empty()
                : Optional.ofNullable(area(fru, h.boardOffset(), Area.BOARD, problems, FruInventory::board));
        Optional<Product> product = h.productOffset() == 0 ? Optional.empty()
                : Optional.ofNullable(area(fru, h.productOffset(), Area.PRODUCT, problems, FruInventory::product));
        List<MultiRecord> multi = h.multiRecordOffset() == 0 ? List.of() : multiRecords(fru, h.multiRecordOffset(),
                problems);
        return new FruInventory(h, chassis, board, product, multi, problems);
    }

    private interface AreaDecoder<T> {
        T decode(ByteReader in);
    }

    private static <T> T area(byte[] fru, int offset, Area area, List<FruProblem> problems, AreaDecoder<T> decoder) {
        if (offset + 2 > fru.length) {
            problems.add(new FruProblem(area, Kind.TRUNCATED, offset, "area starts beyond the FRU data ("
                    + fru.length + " bytes)"));
            return null;
        }
        int version = fru[offset] & 0x0F;
        int length = (fru[offset + 1] & 0xFF) * 8;
        if (version != 1) {
            problems.add(new FruProblem(area, Kind.VERSION, offset, "format version " + version + ", expected 1"));
        }
        int available = length;
        if (length == 0 || offset + length > fru.length) {
            available = fru.length - offset;
            problems.add(new FruProblem(area, Kind.TRUNCATED, offset, "area length " + length + " but "
                    + available + " bytes remain"));
        } else if (sum(fru, offset, length) != 0) {
            problems.add(new FruProblem(area, Kind.CHECKSUM, offset + length - 1, "area sums to "
                    + Hex.u8(sum(fru, offset, length)) + " instead of 00h"));
        }
        ByteReader in = ByteReader.of(fru, offset + 2, available - 2);
        try {
            return decoder.decode(in);
        } catch (MalformedMessageException e) {
            problems.add(new FruProblem(area, Kind.MALFORMED, offset + 2 + e.offset(), e.getMessage()));
            return null;
        }
    }

    private static boolean english(int language) {
        return language == 0 || language == 25;
    }

    /** The next field, EMPTY when the area ran out, or null at the end-of-fields marker. */
    private static TypeLengthString field(ByteReader in, String name, boolean english) {
        if (!in.hasRemaining()) {
            return TypeLengthString.EMPTY;
        }
        return TypeLengthString.decodeFru(in, name, english);
    }

    /** Fixed fields in order; once the end marker is seen the rest are empty. */
    private static TypeLengthString[] fields(ByteReader in, boolean english, List<TypeLengthString> custom,
                                             String... names) {
        TypeLengthString[] out = new TypeLengthString[names.length];
        boolean ended = false;
        for (int i = 0; i < names.length; i++) {
            TypeLengthString f = ended ? null : field(in, names[i], english);
            if (f == null) {
                ended = true;
                out[i] = TypeLengthString.EMPTY;
            } else {
                out[i] = f;
            }
        }
        while (!ended && in.hasRemaining()) {
            TypeLengthString f = TypeLengthString.decodeFru(in, "custom field", english);
            if (f == null) {
                break;
            }
            custom.add(f);
        }
        return out;
    }

    private static Chassis chassis(ByteReader in) {
        int type = in.u8("chassis type");
        List<TypeLengthString> custom = new ArrayList<>();
        // chassis fields are always English per FRUS §10
        TypeLengthString[] f = fields(in, true, custom, "chassis part number", "chassis serial number");
        return new Chassis(type, f[0], f[1], custom);
    }

    private static Board board(ByteReader in) {
        int lang = in.u8("language code");
        int minutes = in.u24("manufacturing date/time");
        List<TypeLengthString> custom = new ArrayList<>();
        boolean en = english(lang);
        TypeLengthString[] f = fields(in, en, custom, "board manufacturer", "board product name",
                "board serial number", "board part number", "FRU file ID");
        return new Board(lang, minutes, f[0], f[1], f[2], f[3], f[4], custom);
    }

    private static Product product(ByteReader in) {
        int lang = in.u8("language code");
        List<TypeLengthString> custom = new ArrayList<>();
        TypeLengthString[] f = fields(in, english(lang), custom, "manufacturer name", "product name",
                "product part/model number", "product version", "product serial number", "asset tag", "FRU file ID");
        return new Product(lang, f[0], f[1], f[2], f[3], f[4], f[5], f[6], custom);
    }

    private static List<MultiRecord> multiRecords(byte[] fru, int offset, List<FruProblem> problems) {
        List<MultiRecord> out = new ArrayList<>();
        int pos = offset;
        // at most one record per 5 bytes: bounds the loop even for a corrupt chain
        for (int guard = 0; guard < fru.length / 5 + 1; guard++) {
            if (pos + 5 > fru.length) {
                problems.add(new FruProblem(Area.MULTI_RECORD, Kind.TRUNCATED, pos, "record header beyond FRU data"));
                break;
            }
            int type = fru[pos] & 0xFF;
            int flags = fru[pos + 1] & 0xFF;
            int len = fru[pos + 2] & 0xFF;
            int dataSum = fru[pos + 3] & 0xFF;
            if (sum(fru, pos, 5) != 0) {
                problems.add(new FruProblem(Area.MULTI_RECORD, Kind.CHECKSUM, pos + 4, "record header checksum"));
                break;
            }
            if (pos + 5 + len > fru.length) {
                problems.add(new FruProblem(Area.MULTI_RECORD, Kind.TRUNCATED, pos, "record data of " + len
                        + " bytes beyond FRU data"));
                break;
            }
            byte[] data = Arrays.copyOfRange(fru, pos + 5, pos + 5 + len);
            boolean ok = ((sum(data, 0, len) + dataSum) & 0xFF) == 0;
            if (!ok) {
                problems.add(new FruProblem(Area.MULTI_RECORD, Kind.CHECKSUM, pos + 3, "record data checksum"));
            }
            boolean end = (flags & 0x80) != 0;
            out.add(new MultiRecord(type, end, flags & 0x0F, data, ok));
            if (end) {
                break;
            }
            pos += 5 + len;
        }
        return out;
    }

    static int sum(byte[] b, int off, int len) {
        int s = 0;
        for (int i = off; i < off + len && i < b.length; i++) {
            s += b[i] & 0xFF;
        }
        return s & 0xFF;
    }
}
