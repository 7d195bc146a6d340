package dev.ipmi.lanplus.internal;

import dev.ipmi.core.MalformedMessageException;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;
import dev.ipmi.lan.engine.Rmcp;
import dev.ipmi.core.types.CipherSuite;
import dev.ipmi.core.types.ConfidentialityAlgorithm;
import dev.ipmi.core.types.IntegrityAlgorithm;
import dev.ipmi.lanplus.internal.Crypto.Hash;
import java.util.Arrays;

/**
 * RMCP+ packet framing — IPMI v2.0 §13.6, §13.28 (facts §3.1, §3.6, §3.7): RMCP header, session
 * header with auth type 06h, payload (AES-CBC-128 wrapped when the session encrypts) and, for
 * authenticated packets, the session trailer with integrity pad, pad length, next header 07h and
 * AuthCode.
 *
 * <p>One instance per session, holding its keys; {@link #unauthenticated()} frames session-setup
 * payloads. On receive the AuthCode is checked over the raw bytes before anything past the fixed
 * header is interpreted.
 */
public final class RmcpPlusCodec implements AutoCloseable {
    public static final int HEADER_LENGTH = 16;
    public static final int AUTH_TYPE_RMCP_PLUS = 0x06;
    public static final int NEXT_HEADER = 0x07;
    public static final int PAYLOAD_IPMI = 0x00;
    public static final int PAYLOAD_SOL = 0x01;
    private static final int ENCRYPTED = 0x80;
    private static final int AUTHENTICATED = 0x40;

    private final IntegrityAlgorithm integrity;
    private final ConfidentialityAlgorithm confidentiality;
    /** K1 prepared for the HMAC integrity algorithms; null for MD5-128 and none. */
    private final Crypto.HmacKey integrityKey;
    private final byte[] aesKey;
    /** Only for MD5-128 integrity, which is keyed with the password itself. */
    private final byte[] password20;

    private RmcpPlusCodec(IntegrityAlgorithm integrity, ConfidentialityAlgorithm confidentiality, byte[] k1,
                          byte[] k2, byte[] password20) {
        this.integrity = integrity;
        this.confidentiality = confidentiality;
        this.integrityKey = k1 == null ? null : switch (integrity) {
            case HMAC_SHA1_96 -> new Crypto.HmacKey(Hash.SHA1, k1);
            case HMAC_MD5_128 -> new Crypto.HmacKey(Hash.MD5, k1);
            case HMAC_SHA256_128 -> new Crypto.HmacKey(Hash.SHA256, k1);
            case MD5_128, NONE -> null;
        };
        this.aesKey = k2 == null ? null : Arrays.copyOf(k2, 16);
        this.password20 = password20 == null || integrity != IntegrityAlgorithm.MD5_128 ? null
                : Arrays.copyOf(password20, 20);
    }

    /** Framing for pre-session and session-setup packets: session ID 0, seq 0, no trailer. */
    public static RmcpPlusCodec unauthenticated() {
        return new RmcpPlusCodec(IntegrityAlgorithm.NONE, ConfidentialityAlgorithm.NONE, null, null, null);
    }

    /**
     * Framing for an established session.
     *
     * @param k1       integrity key (used by the HMAC integrity algorithms); copied
     * @param k2       confidentiality key, first 16 bytes used for AES; copied
     * @param password the user's password (for MD5-128 integrity, zero-padded to 20 bytes); copied
     */
    public static RmcpPlusCodec forSession(CipherSuite suite, byte[] k1, byte[] k2, byte[] password) {
        return new RmcpPlusCodec(suite.integrity(), suite.confidentiality(), k1, k2, password);
    }

    /**
     * The session ID field of an RMCP+ datagram (0 for session setup), read before the session's keys are
     * known; the datagram must be at least {@link #HEADER_LENGTH} bytes.
     */
    public static int sessionIdOf(byte[] datagram) {
        if (datagram.length < HEADER_LENGTH) {
            throw new IllegalArgumentException("an RMCP+ header is " + HEADER_LENGTH + " bytes, got " + datagram.length);
        }
        return ByteReader.of(datagram, Rmcp.HEADER_LENGTH + 2, 4).i32("session ID");
    }

    public boolean authenticates() {
        return integrity != IntegrityAlgorithm.NONE;
    }

    public boolean encrypts() {
        return confidentiality != ConfidentialityAlgorithm.NONE;
    }

    /** A decoded inbound packet. {@code payload} is plaintext. */
    public record Packet(int payloadType, boolean authenticated, boolean encrypted, int sessionId, int sequence,
                         byte[] payload) {
        public Packet {
            payload = payload.clone();
        }

        @Override
        public byte[] payload() {
            return payload.clone();
        }
    }

    /** Encodes one packet; the session's integrity and confidentiality apply when {@code sessionId != 0}. */
    public byte[] encode(int payloadType, int sessionId, int sequence, byte[] payload) {
        return encode(payloadType, sessionId, sequence, payload, sessionId != 0);
    }

    /**
     * Encodes one in-session packet whose header carries session ID 0 but is still authenticated and
     * encrypted with the session's keys: the fault of BMCs behind FreeIPMI's {@code idzero} (the virtual BMC
     * reproduces it).
     */
    public byte[] encodeWithSessionIdZero(int payloadType, int sequence, byte[] payload) {
        return encode(payloadType, 0, sequence, payload, true);
    }

    private byte[] encode(int payloadType, int sessionId, int sequence, byte[] payload, boolean inSession) {
        boolean auth = inSession && authenticates();
        boolean crypt = inSession && encrypts();
        int bodyLength = crypt ? encryptedLength(payload.length) : payload.length;
        int pad = auth ? (4 - ((12 + bodyLength + 2) % 4)) % 4 : 0;
        int authCodeLength = auth ? integrity.authCodeLength() : 0;
        int trailerStart = HEADER_LENGTH + bodyLength;
        int macEnd = auth ? trailerStart + pad + 2 : trailerStart;
        ByteWriter w = new ByteWriter(HEADER_LENGTH);
        Rmcp.writeIpmiHeader(w);
        w.u8(AUTH_TYPE_RMCP_PLUS).u8((crypt ? ENCRYPTED : 0) | (auth ? AUTHENTICATED : 0) | (payloadType & 0x3F));
        w.i32(sessionId).i32(sequence).u16(bodyLength);
        byte[] out = Arrays.copyOf(w.toByteArray(), macEnd + authCodeLength);
        if (crypt) {
            encryptInto(payload, Crypto.random(Crypto.AES_BLOCK), out, HEADER_LENGTH);
        } else {
            System.arraycopy(payload, 0, out, HEADER_LENGTH, payload.length);
        }
        if (auth) {
            Arrays.fill(out, trailerStart, trailerStart + pad, (byte) 0xFF);
            out[macEnd - 2] = (byte) pad;
            out[macEnd - 1] = NEXT_HEADER;
            authCodeInto(out, 4, macEnd - 4, out, macEnd);
        }
        return out;
    }

    /**
     * Decodes one datagram. Throws {@link IntegrityCheckException} when the session authenticates and
     * the packet is unauthenticated or its AuthCode, trailer or AES padding is wrong, and
     * {@link MalformedMessageException} when it is not RMCP+ or runs short.
     */
    public Packet decode(byte[] datagram) {
        ByteReader in = ByteReader.of(datagram);
        Rmcp.readIpmiHeader(in);
        int authType = in.u8("auth type");
        if (authType != AUTH_TYPE_RMCP_PLUS) {
            throw in.malformed("auth type", "not RMCP+ (" + authType + ")");
        }
        int typeByte = in.u8("payload type");
        int payloadType = typeByte & 0x3F;
        if (payloadType == 0x02) {
            throw in.malformed("payload type", "OEM explicit payloads are not supported");
        }
        boolean auth = (typeByte & AUTHENTICATED) != 0;
        boolean crypt = (typeByte & ENCRYPTED) != 0;
        int sid = in.i32("session ID");
        int seq = in.i32("session sequence number");
        int len = in.u16("payload length");
        if (sid != 0 && authenticates() && !auth) {
            throw new IntegrityCheckException("unauthenticated packet in an authenticated session");
        }
        if (auth) {
            if (!authenticates()) {
                throw new IntegrityCheckException("authenticated packet but no integrity algorithm negotiated");
            }
            verifyTrailer(datagram, len);
        }
        int at = in.position();
        in.skip(len, "payload");
        byte[] body;
        if (crypt) {
            if (!encrypts()) {
                throw new IntegrityCheckException("encrypted packet but no confidentiality algorithm negotiated");
            }
            body = decrypt(datagram, at, len);
        } else {
            body = Arrays.copyOfRange(datagram, at, at + len);
        }
        if (!crypt && sid != 0 && encrypts() && payloadType <= PAYLOAD_SOL) {
            throw new IntegrityCheckException("unencrypted packet in an encrypted session");
        }
        return new Packet(payloadType, auth, crypt, sid, seq, body);
    }

    private void verifyTrailer(byte[] d, int payloadLength) {
        int n = integrity.authCodeLength();
        int end = d.length - n;
        int trailerStart = HEADER_LENGTH + payloadLength;
        if (end < trailerStart + 2) {
            throw new IntegrityCheckException("packet too short for its session trailer");
        }
        byte[] expected = new byte[n];
        authCodeInto(d, 4, end - 4, expected, 0);
        if (!Crypto.macEquals(expected, d, end, n)) {
            throw new IntegrityCheckException("AuthCode mismatch");
        }
        if ((d[end - 1] & 0xFF) != NEXT_HEADER) {
            throw new IntegrityCheckException("next header is not 07h");
        }
        int pad = d[end - 2] & 0xFF;
        if (pad > 3 || trailerStart + pad != end - 2) {
            throw new IntegrityCheckException("integrity pad length inconsistent");
        }
        for (int i = trailerStart; i < trailerStart + pad; i++) {
            if ((d[i] & 0xFF) != 0xFF) {
                throw new IntegrityCheckException("integrity pad byte is not FFh");
            }
        }
    }

    private byte[] authCode(byte[] data, int off, int len) {
        byte[] out = new byte[integrity.authCodeLength()];
        authCodeInto(data, off, len, out, 0);
        return out;
    }

    /** The AuthCode over {@code data[off, off+len)}, written to {@code out[outOff, outOff+authCodeLength)}. */
    private void authCodeInto(byte[] data, int off, int len, byte[] out, int outOff) {
        int n = integrity.authCodeLength();
        switch (integrity) {
            case HMAC_SHA1_96, HMAC_MD5_128, HMAC_SHA256_128 -> integrityKey.mac(data, off, len, out, outOff, n);
            case MD5_128 -> System.arraycopy(Crypto.digest(Hash.MD5, password20, Arrays.copyOfRange(data, off,
                    off + len), password20), 0, out, outOff, n);
            case NONE -> throw new IllegalStateException("no integrity algorithm");
        }
    }

    private static int encryptedLength(int payloadLength) {
        int pad = (Crypto.AES_BLOCK - (payloadLength + 1) % Crypto.AES_BLOCK) % Crypto.AES_BLOCK;
        return Crypto.AES_BLOCK + payloadLength + pad + 1;
    }

    /** IV ‖ AES-CBC(K2, IV, payload ‖ 01 02 .. N ‖ N) with a fresh random IV. */
    byte[] encrypt(byte[] payload) {
        return encrypt(payload, Crypto.random(Crypto.AES_BLOCK));
    }

    byte[] encrypt(byte[] payload, byte[] iv) {
        byte[] out = new byte[encryptedLength(payload.length)];
        encryptInto(payload, iv, out, 0);
        return out;
    }

    /** Writes IV ‖ AES-CBC(K2, IV, payload ‖ 01 02 .. N ‖ N), {@link #encryptedLength} bytes, at {@code out[at]}. */
    private void encryptInto(byte[] payload, byte[] iv, byte[] out, int at) {
        int pad = (Crypto.AES_BLOCK - (payload.length + 1) % Crypto.AES_BLOCK) % Crypto.AES_BLOCK;
        int plainLength = payload.length + pad + 1;
        int plainAt = at + Crypto.AES_BLOCK;
        System.arraycopy(iv, 0, out, at, Crypto.AES_BLOCK);
        System.arraycopy(payload, 0, out, plainAt, payload.length);
        for (int i = 1; i <= pad; i++) {
            out[plainAt + payload.length + i - 1] = (byte) i;
        }
        out[plainAt + plainLength - 1] = (byte) pad;
        Crypto.aesCbcInPlace(true, aesKey, iv, out, plainAt, plainLength);
    }

    byte[] decrypt(byte[] body) {
        return decrypt(body, 0, body.length);
    }

    /** Opens IV ‖ ciphertext at {@code d[off, off+len)}, checks the confidentiality pad, returns the payload. */
    private byte[] decrypt(byte[] d, int off, int len) {
        if (len < 2 * Crypto.AES_BLOCK || len % Crypto.AES_BLOCK != 0) {
            throw new IntegrityCheckException("encrypted payload length " + len + " is not IV + n*16");
        }
        byte[] iv = Arrays.copyOfRange(d, off, off + Crypto.AES_BLOCK);
        byte[] plain = Crypto.aesCbc(false, aesKey, iv, d, off + Crypto.AES_BLOCK, len - Crypto.AES_BLOCK);
        int pad = plain[plain.length - 1] & 0xFF;
        if (pad >= Crypto.AES_BLOCK || pad + 1 > plain.length) {
            throw new IntegrityCheckException("confidentiality pad length " + pad + " out of range");
        }
        int dataLen = plain.length - 1 - pad;
        for (int i = 0; i < pad; i++) {
            if ((plain[dataLen + i] & 0xFF) != i + 1) {
                throw new IntegrityCheckException("confidentiality pad bytes are not 01 02 .. N");
            }
        }
        return Arrays.copyOf(plain, dataLen);
    }

    @Override
    public void close() {
        if (integrityKey != null) {
            integrityKey.close();
        }
        Crypto.wipe(aesKey);
        Crypto.wipe(password20);
    }

    @Override
    public String toString() {
        return "RmcpPlusCodec[" + integrity + ", " + confidentiality + ", keys redacted]";
    }

}
