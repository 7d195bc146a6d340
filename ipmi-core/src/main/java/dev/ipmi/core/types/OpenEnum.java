package dev.ipmi.core.types;

import java.util.Map;
import java.util.function.IntFunction;

/**
 * Base of the small code sets decoded from BMC replies. Each subclass defines its spec values as
 * constants and a {@code valueOf(int)} that returns an "unknown(n)" instance for anything else,
 * so a vendor's new value never breaks decoding. Equality is by class and code.
 */
public abstract class OpenEnum {
    private final int code;
    private final String name;
    private final boolean known;

    protected OpenEnum(int code, String name, boolean known) {
        this.code = code;
        this.name = name;
        this.known = known;
    }

    /** Looks {@code code} up in {@code known}, or makes an unknown instance with {@code unknown}. */
    protected static <T extends OpenEnum> T lookup(Map<Integer, T> known, int code, IntFunction<T> unknown) {
        T t = known.get(code);
        return t != null ? t : unknown.apply(code);
    }

    protected static String unknownName(int code) {
        return "unknown(" + code + ")";
    }

    public final int code() {
        return code;
    }

    public final String displayName() {
        return name;
    }

    public final boolean isKnown() {
        return known;
    }

    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && ((OpenEnum) o).code == code;
    }

    @Override
    public final int hashCode() {
        return getClass().getName().hashCode() * 31 + code;
    }

    @Override
    public String toString() {
        return name;
    }
}
