package dev.ipmi.core.fru;

/**
 * Something wrong in a FRU image that did not stop decoding: the decoder reports it and goes on
 * with what it can read.
 *
 * @param area   where
 * @param kind   what
 * @param offset byte offset into the FRU image where the problem was found
 * @param detail human-readable detail (expected/found values)
 */
public record FruProblem(Area area, Kind kind, int offset, String detail) {
    public enum Area { COMMON_HEADER, INTERNAL_USE, CHASSIS, BOARD, PRODUCT, MULTI_RECORD }

    public enum Kind {
        /** The area's zero checksum does not sum to 0 mod 256. */
        CHECKSUM,
        /** The area runs past the end of the FRU data or of its declared length. */
        TRUNCATED,
        /** Unsupported format version. */
        VERSION,
        /** A field could not be decoded. */
        MALFORMED
    }

    @Override
    public String toString() {
        return area + " " + kind + " at offset " + offset + ": " + detail;
    }
}
