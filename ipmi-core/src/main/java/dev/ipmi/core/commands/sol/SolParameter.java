package dev.ipmi.core.commands.sol;

import dev.ipmi.core.commands.ParameterFamily;
import dev.ipmi.core.commands.RawParameter;
import dev.ipmi.core.types.ByteString;
import dev.ipmi.core.types.PrivilegeLevel;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;

/**
 * A typed SOL configuration parameter — IPMI v2.0 §26.3, table 26-5. Each record knows its selector
 * and encodes its own data bytes; {@link #decode} turns data bytes back into the record for a
 * selector. Selectors this library does not model (including OEM 192+) become a {@link RawParameter}.
 */
public interface SolParameter {
    int SET_IN_PROGRESS = 0;
    int ENABLE = 1;
    int AUTHENTICATION = 2;
    int CHARACTER_ACCUMULATE = 3;
    int RETRY = 4;
    int NON_VOLATILE_BIT_RATE = 5;
    int VOLATILE_BIT_RATE = 6;
    int PAYLOAD_CHANNEL = 7;
    int PAYLOAD_PORT = 8;

    int selector();

    /** Writes the parameter data (the bytes after the selector in Set, after the revision in Get). */
    void encodeData(ByteWriter out);

    /**
     * A parameter without a typed record, as raw data bytes.
     *
     * @throws IllegalArgumentException if the selector is out of range or has a typed record
     */
    static RawParameter raw(int selector, ByteString data) {
        return new RawParameter(ParameterFamily.SOL, selector, data);
    }

    /** The encoded parameter data. */
    default ByteString data() {
        ByteWriter w = new ByteWriter(4);
        encodeData(w);
        return ByteString.of(w.toByteArray());
    }

    /** Decodes the data of parameter {@code selector}; trailing extra bytes are ignored. */
    static SolParameter decode(int selector, ByteReader in) {
        return switch (selector) {
            case SET_IN_PROGRESS -> new SetInProgress(SetInProgress.State.values()[in.u8("set in progress") & 3]);
            case ENABLE -> new Enable((in.u8("SOL enable") & 1) != 0);
            case AUTHENTICATION -> {
                int b = in.u8("SOL authentication");
                yield new Authentication((b & 0x80) != 0, (b & 0x40) != 0, PrivilegeLevel.valueOf(b & 0x0F));
            }
            case CHARACTER_ACCUMULATE -> new CharacterAccumulate(in.u8("character accumulate interval"),
                    in.u8("character send threshold"));
            case RETRY -> new Retry(in.u8("retry count") & 0x07, in.u8("retry interval"));
            case NON_VOLATILE_BIT_RATE -> new NonVolatileBitRate(new SolBitRate(in.u8("non-volatile bit rate") & 0x0F));
            case VOLATILE_BIT_RATE -> new VolatileBitRate(new SolBitRate(in.u8("volatile bit rate") & 0x0F));
            case PAYLOAD_CHANNEL -> new PayloadChannel(in.u8("payload channel") & 0x0F);
            case PAYLOAD_PORT -> new PayloadPort(in.u16("payload port"));
            default -> new RawParameter(ParameterFamily.SOL, selector, in.restAsByteString());
        };
    }

    /** Parameter 0. */
    record SetInProgress(State state) implements SolParameter {
        public enum State {
            SET_COMPLETE, SET_IN_PROGRESS, COMMIT_WRITE, RESERVED;

            /** ipmitool's words: set-complete, set-in-progress, commit-write, reserved. */
            public String text() {
                return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
            }
        }

        public SetInProgress {
            if (state == null) {
                throw new IllegalArgumentException("state must not be null");
            }
        }

        @Override
        public int selector() {
            return SET_IN_PROGRESS;
        }

        @Override
        public void encodeData(ByteWriter out) {
            out.u8(state.ordinal());
        }
    }

    /** Parameter 1: SOL payload enabled on this channel. */
    record Enable(boolean enabled) implements SolParameter {
        @Override
        public int selector() {
            return ENABLE;
        }

        @Override
        public void encodeData(ByteWriter out) {
            out.u8(enabled ? 1 : 0);
        }
    }

    /** Parameter 2: force encryption/authentication and the minimum privilege to activate SOL. */
    record Authentication(boolean forceEncryption, boolean forceAuthentication, PrivilegeLevel minimumPrivilege)
            implements SolParameter {
        public Authentication {
            if (minimumPrivilege == null) {
                throw new IllegalArgumentException("minimum privilege must not be null");
            }
        }

        @Override
        public int selector() {
            return AUTHENTICATION;
        }

        @Override
        public void encodeData(ByteWriter out) {
            out.u8((forceEncryption ? 0x80 : 0) | (forceAuthentication ? 0x40 : 0) | (minimumPrivilege.code() & 0x0F));
        }
    }

    /**
     * Parameter 3.
     *
     * @param intervalUnits character accumulate interval in 5 ms units (1-based; 0 is reserved by the spec)
     * @param sendThreshold the BMC sends a packet once this many characters are buffered
     */
    record CharacterAccumulate(int intervalUnits, int sendThreshold) implements SolParameter {
        public CharacterAccumulate {
            check(intervalUnits, 0xFF, "accumulate interval");
            check(sendThreshold, 0xFF, "send threshold");
        }

        public int intervalMillis() {
            return intervalUnits * 5;
        }

        @Override
        public int selector() {
            return CHARACTER_ACCUMULATE;
        }

        @Override
        public void encodeData(ByteWriter out) {
            out.u8(intervalUnits).u8(sendThreshold);
        }
    }

    /**
     * Parameter 4: how the BMC retransmits unacknowledged SOL packets.
     *
     * @param retryCount    0-7 retries (0 = no retries after the first transmission)
     * @param intervalUnits retry interval in 10 ms units (0 = retries sent back-to-back)
     */
    record Retry(int retryCount, int intervalUnits) implements SolParameter {
        public Retry {
            check(retryCount, 7, "retry count");
            check(intervalUnits, 0xFF, "retry interval");
        }

        public int intervalMillis() {
            return intervalUnits * 10;
        }

        @Override
        public int selector() {
            return RETRY;
        }

        @Override
        public void encodeData(ByteWriter out) {
            out.u8(retryCount).u8(intervalUnits);
        }
    }

    /** Parameter 5. */
    record NonVolatileBitRate(SolBitRate rate) implements SolParameter {
        @Override
        public int selector() {
            return NON_VOLATILE_BIT_RATE;
        }

        @Override
        public void encodeData(ByteWriter out) {
            out.u8(rate.code());
        }
    }

    /** Parameter 6. */
    record VolatileBitRate(SolBitRate rate) implements SolParameter {
        @Override
        public int selector() {
            return VOLATILE_BIT_RATE;
        }

        @Override
        public void encodeData(ByteWriter out) {
            out.u8(rate.code());
        }
    }

    /** Parameter 7 (read-only): the channel SOL runs on. */
    record PayloadChannel(int channel) implements SolParameter {
        public PayloadChannel {
            check(channel, 0x0F, "payload channel");
        }

        @Override
        public int selector() {
            return PAYLOAD_CHANNEL;
        }

        @Override
        public void encodeData(ByteWriter out) {
            out.u8(channel);
        }
    }

    /** Parameter 8 (read-only on most BMCs): the UDP port SOL uses, LS byte first. */
    record PayloadPort(int port) implements SolParameter {
        public PayloadPort {
            check(port, 0xFFFF, "payload port");
        }

        @Override
        public int selector() {
            return PAYLOAD_PORT;
        }

        @Override
        public void encodeData(ByteWriter out) {
            out.u16(port);
        }
    }


    private static void check(int v, int max, String what) {
        if (v < 0 || v > max) {
            throw new IllegalArgumentException(what + " out of range 0.." + max + ": " + v);
        }
    }
}
