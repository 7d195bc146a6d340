package dev.ipmi.core.commands.app;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.IpmiRequest;
import dev.ipmi.core.IpmiResponse;
import dev.ipmi.core.types.NetFn;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;

/**
 * Set User Password — IPMI v2.0 §22.30, table 22-35. NetFn App (06h), cmd 47h. Also enables,
 * disables and tests a user. Command-specific completion codes (test): 80h password test failed
 * (wrong password), 81h wrong password size. ipmitool sends a 16-byte zero field for enable and
 * disable, which some BMCs require (FreeIPMI documents the same).
 */
public final class SetUserPassword {
    public static final CommandId ID = CommandId.of(NetFn.APP, 0x47, "Set User Password");

    private SetUserPassword() {}

    /** Byte 1 bit 7: the stored password size (20 bytes is IPMI 2.0 only). */
    public enum PasswordSize {
        SIXTEEN(16), TWENTY(20);

        private final int bytes;

        PasswordSize(int bytes) {
            this.bytes = bytes;
        }

        public int bytes() {
            return bytes;
        }
    }

    /** Byte 2 bits 1:0. */
    public enum Operation {
        DISABLE_USER, ENABLE_USER, SET_PASSWORD, TEST_PASSWORD;

        public int code() {
            return ordinal();
        }
    }

    /**
     * @param userId    byte 1 bits 5:0
     * @param size      byte 1 bit 7
     * @param operation byte 2 bits 1:0
     * @param password  the password bytes without the NUL padding (empty for enable/disable);
     *                  trailing NULs are dropped, at most {@code size} bytes. Never printed.
     */
    public record Request(int userId, PasswordSize size, Operation operation, byte[] password)
            implements IpmiRequest<Response> {
        public Request {
            Channels.checkUser(userId);
            Objects.requireNonNull(size, "size");
            Objects.requireNonNull(operation, "operation");
            int n = password.length;
            while (n > 0 && password[n - 1] == 0) {
                n--;
            }
            if (n > size.bytes()) {
                throw new IllegalArgumentException("password longer than " + size.bytes() + " bytes");
            }
            password = Arrays.copyOf(password, n);
        }

        public static Request enable(int userId) {
            return new Request(userId, PasswordSize.SIXTEEN, Operation.ENABLE_USER, new byte[0]);
        }

        public static Request disable(int userId) {
            return new Request(userId, PasswordSize.SIXTEEN, Operation.DISABLE_USER, new byte[0]);
        }

        /** Picks the 20-byte form for passwords longer than 16 bytes, like ipmitool. */
        public static Request set(int userId, byte[] password) {
            return new Request(userId, password.length > 16 ? PasswordSize.TWENTY : PasswordSize.SIXTEEN,
                    Operation.SET_PASSWORD, password);
        }

        public static Request test(int userId, PasswordSize size, byte[] password) {
            return new Request(userId, size, Operation.TEST_PASSWORD, password);
        }

        /** Reads the password field up to {@code size} bytes (a short field is taken as is). */
        public static Request decode(ByteReader in) {
            int b1 = in.u8("user ID / password size");
            int op = in.u8("operation") & 0x03;
            PasswordSize size = (b1 & 0x80) != 0 ? PasswordSize.TWENTY : PasswordSize.SIXTEEN;
            byte[] pw = in.bytes(Math.min(size.bytes(), in.remaining()), "password");
            return new Request(b1 & 0x3F, size, Operation.values()[op], pw);
        }

        @Override
        public byte[] password() {
            return password.clone();
        }

        @Override
        public CommandId id() {
            return ID;
        }

        /** Only the test operation: a repeated set, enable or disable may report on a state the first one changed. */
        @Override
        public boolean idempotent() {
            return operation == Operation.TEST_PASSWORD;
        }

        @Override
        public void encode(ByteWriter out) {
            out.u8((size == PasswordSize.TWENTY ? 0x80 : 0) | userId).u8(operation.code());
            out.padded(password, size.bytes());
        }

        @Override
        public Response decodeResponse(ByteReader in) {
            return Response.decode(in);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Request r && r.userId == userId && r.size == size && r.operation == operation
                    && MessageDigest.isEqual(r.password, password);
        }

        @Override
        public int hashCode() {
            return Objects.hash(userId, size, operation);
        }

        @Override
        public String toString() {
            return "SetUserPassword.Request[userId=" + userId + ", size=" + size + ", operation=" + operation
                    + ", password=****]";
        }
    }

    /** No data beyond the completion code. */
    public record Response() implements IpmiResponse {
        static Response decode(ByteReader in) {
            return new Response();
        }

        @Override
        public void encode(ByteWriter out) {}
    }
}
