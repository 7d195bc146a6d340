package dev.ipmi.core.wire;

import java.util.HexFormat;

/** Hex rendering and parsing for diagnostics, vectors and the CLI. */
public final class Hex {
    private static final HexFormat LOWER = HexFormat.of();
    private static final HexFormat SPACED = HexFormat.ofDelimiter(" ");

    private Hex() {}

    /** {@code "0a ff 20"}; at most {@code max} bytes, then {@code "…(+n)"}. */
    public static String dump(byte[] bytes, int max) {
        if (bytes == null) {
            return "null";
        }
        if (bytes.length <= max) {
            return SPACED.formatHex(bytes);
        }
        return SPACED.formatHex(bytes, 0, max) + " …(+" + (bytes.length - max) + ")";
    }

    public static String dump(byte[] bytes) {
        return dump(bytes, 64);
    }

    public static String compact(byte[] bytes) {
        return LOWER.formatHex(bytes);
    }

    /**
     * Parses hex text; ignores whitespace, {@code 0x} prefixes, commas, and {@code #} comments to end of
     * line (the vector file format).
     */
    public static byte[] parse(String text) {
        StringBuilder digits = new StringBuilder(text.length());
        for (String line : text.split("\n", -1)) {
            int hash = line.indexOf('#');
            String body = hash >= 0 ? line.substring(0, hash) : line;
            body = body.replace("0x", " ").replace("0X", " ").replace(',', ' ');
            for (int i = 0; i < body.length(); i++) {
                char c = body.charAt(i);
                if (!Character.isWhitespace(c)) {
                    digits.append(c);
                }
            }
        }
        if (digits.length() % 2 != 0) {
            throw new IllegalArgumentException("odd number of hex digits: " + digits.length());
        }
        return LOWER.parseHex(digits);
    }

    public static String u8(int value) {
        return String.format("%02Xh", value & 0xFF);
    }
}
