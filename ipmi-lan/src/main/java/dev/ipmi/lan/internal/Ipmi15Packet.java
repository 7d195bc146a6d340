package dev.ipmi.lan.internal;

import dev.ipmi.core.MalformedMessageException;
import dev.ipmi.core.types.AuthType;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;
import dev.ipmi.lan.engine.Rmcp;
import java.util.Arrays;
import java.util.Objects;

/**
 * An IPMI 1.5 LAN datagram — IPMI v2.0 §13.6, table 13-8: RMCP header, auth type, session
 * sequence number, session ID (in that order, unlike RMCP+), a 16-byte AuthCode unless the auth
 * type is NONE, the message length and the IPMI message. The legacy Ethernet pad byte is not
 * added (no BMC in the lab needs it; ipmitool and FreeIPMI do not send it either).
 *
 * @param authType  auth type byte (never RMCP+ here)
 * @param sequence  session sequence number (0 outside a session)
 * @param sessionId session ID (0 outside a session)
 * @param authCode  16 bytes, or empty for auth type NONE
 * @param message   the IPMI message ({@link dev.ipmi.core.wire.LanMessage} bytes)
 */
public record Ipmi15Packet(AuthType authType, int sequence, int sessionId, byte[] authCode, byte[] message) {
    public static final int AUTH_CODE_LENGTH = 16;

    public Ipmi15Packet {
        Objects.requireNonNull(authType, "authType");
        if (authType.equals(AuthType.RMCP_PLUS)) {
            throw new IllegalArgumentException("RMCP+ packets have their own format");
        }
        int expected = authType.equals(AuthType.NONE) ? 0 : AUTH_CODE_LENGTH;
        if (authCode.length != expected) {
            throw new IllegalArgumentException("AuthCode for " + authType + " is " + expected + " bytes, got "
                    + authCode.length);
        }
        if (message.length > 0xFF) {
            throw new IllegalArgumentException("IPMI message longer than 255 bytes");
        }
        authCode = authCode.clone();
        message = message.clone();
    }

    @Override
    public byte[] authCode() {
        return authCode.clone();
    }

    @Override
    public byte[] message() {
        return message.clone();
    }

    /** A packet outside any session: auth type NONE, sequence number and session ID 0, no AuthCode. */
    public static Ipmi15Packet outsideSession(byte[] message) {
        return new Ipmi15Packet(AuthType.NONE, 0, 0, new byte[0], message);
    }

    public byte[] encode() {
        ByteWriter w = new ByteWriter(30 + message.length);
        Rmcp.writeIpmiHeader(w);
        w.u8(authType.code()).i32(sequence).i32(sessionId).bytes(authCode).u8(message.length).bytes(message);
        return w.toByteArray();
    }

    /** Parses a datagram; anything that is not a well-formed IPMI 1.5 packet is a {@link MalformedMessageException}. */
    public static Ipmi15Packet decode(byte[] datagram) {
        ByteReader in = ByteReader.of(datagram);
        Rmcp.readIpmiHeader(in);
        int auth = in.u8("auth type");
        if (auth == AuthType.RMCP_PLUS.code()) {
            throw in.malformed("auth type", "RMCP+ packet in an IPMI 1.5 session");
        }
        AuthType type = AuthType.valueOf(auth);
        if (!type.isKnown() || type.equals(AuthType.OEM)) {
            throw in.malformed("auth type", "unsupported auth type " + String.format("%02Xh", auth));
        }
        int seq = in.i32("session sequence number");
        int sid = in.i32("session ID");
        byte[] code = type.equals(AuthType.NONE) ? new byte[0] : in.bytes(AUTH_CODE_LENGTH, "AuthCode");
        int len = in.u8("message length");
        byte[] msg = in.bytes(len, "IPMI message");
        return new Ipmi15Packet(type, seq, sid, code, msg);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ipmi15Packet p && p.authType.equals(authType) && p.sequence == sequence
                && p.sessionId == sessionId && Arrays.equals(p.authCode, authCode) && Arrays.equals(p.message, message);
    }

    @Override
    public int hashCode() {
        return Objects.hash(authType, sequence, sessionId, Arrays.hashCode(message));
    }

    /** Never shows the AuthCode (for straight-password auth it is the password). */
    @Override
    public String toString() {
        return String.format("Ipmi15Packet[%s seq=%08X sid=%08X %d message bytes]", authType, sequence, sessionId,
                message.length);
    }
}
