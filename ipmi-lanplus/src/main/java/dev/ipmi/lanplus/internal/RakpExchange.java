package dev.ipmi.lanplus.internal;

import dev.ipmi.core.IpmiAuthenticationException;
import dev.ipmi.core.options.Quirk;
import dev.ipmi.core.types.AuthenticationAlgorithm;
import dev.ipmi.core.types.CipherSuite;
import dev.ipmi.core.types.IntegrityAlgorithm;
import dev.ipmi.lanplus.RmcpPlusStatus;
import dev.ipmi.lanplus.internal.RakpMessage.Rakp1;
import dev.ipmi.lanplus.internal.RakpMessage.Rakp2;
import dev.ipmi.lanplus.internal.RakpMessage.Rakp3;
import dev.ipmi.lanplus.internal.RakpMessage.Rakp4;
import java.util.Arrays;

/**
 * The RAKP key exchange — IPMI v2.0 §13.20–13.23 — as immutable steps: each step holds what the
 * exchange has established so far and turns the BMC's next message into the next step, ending in
 * the {@link SessionKeys}. No state is changed in place, so a stale or repeated RAKP message can
 * never corrupt an attempt: the login simply keeps the step it has.
 */
final class RakpExchange {
    private RakpExchange() {}

    /** The user's secrets for one machine; copied in, wiped when the machine ends. */
    static final class Secrets {
        private final byte[] userName;
        private final byte[] password;
        private final byte[] kg;

        Secrets(byte[] userName, byte[] password, byte[] kg) {
            this.userName = userName.clone();
            this.password = password.clone();
            this.kg = kg == null ? null : kg.clone();
        }

        byte[] userName() {
            return userName;
        }

        byte[] password() {
            return password;
        }

        boolean hasKg() {
            return kg != null;
        }

        RakpKeys keys(CipherSuite suite) {
            return new RakpKeys(suite.authentication(), password, kg);
        }

        /** Keys from the first {@code length} bytes of the password only. */
        RakpKeys keys(CipherSuite suite, int length) {
            byte[] p = Arrays.copyOf(password, Math.min(length, password.length));
            try {
                return new RakpKeys(suite.authentication(), p, kg);
            } finally {
                Crypto.wipe(p);
            }
        }

        void wipe() {
            Crypto.wipe(password);
            Crypto.wipe(kg);
        }

        @Override
        public String toString() {
            return "Secrets[redacted]";
        }
    }

    /** Open Session accepted and RAKP 1 sent: waits for RAKP 2. */
    record AwaitRakp2(CipherSuite suite, int tag, int consoleSid, int bmcSid, byte[] rm, int role) {
        static AwaitRakp2 begin(CipherSuite suite, int tag, int consoleSid, int bmcSid, int role) {
            return new AwaitRakp2(suite, tag, consoleSid, bmcSid, Crypto.random(16), role);
        }

        Rakp1 rakp1(Secrets s) {
            return new Rakp1(tag, bmcSid, rm, role, s.userName());
        }

        /**
         * Checks the BMC's key exchange auth code. On success the answer is the RAKP 3 to send and
         * the next step; otherwise a RAKP 3 carrying "invalid integrity check value" (so the BMC
         * frees the slot) and the error.
         */
        Rakp2Outcome onRakp2(Rakp2 r, Secrets s) {
            byte[] name = s.userName();
            byte[] code = r.authCode();
            try (RakpKeys keys = s.keys(suite)) {
                byte[] expected = keys.rakp2AuthCode(consoleSid, bmcSid, rm, r.bmcRandom(), r.bmcGuid(), role, name);
                if (Crypto.macEquals(expected, code)) {
                    return confirmed(r, keys, name, false, null, null);
                }
                if (code.length == expected.length + 1 && Crypto.macEquals(expected, Arrays.copyOf(code, expected.length))) {
                    // Peppercon (Supermicro H8QME) and Sun ILOM firmware: one byte too many after the HMAC.
                    return confirmed(r, keys, name, false, Quirk.SUPERMICRO_2_0, "RAKP2 auth code one byte too long");
                }
                byte[] padded = Arrays.copyOf(name, Math.max(16, name.length));
                if (name.length < 16 && Crypto.macEquals(keys.rakp2AuthCode(consoleSid, bmcSid, rm, r.bmcRandom(),
                        r.bmcGuid(), role, padded), code)) {
                    // Intel SMM: hashed over the name padded to 16 bytes, whatever RAKP1 carried.
                    return confirmed(r, keys, name, true, Quirk.INTEL_2_0,
                            "RAKP2 hashed over the user name padded to 16 bytes");
                }
                if (suite.authentication() == AuthenticationAlgorithm.RAKP_HMAC_MD5 && s.password().length > 16) {
                    // Intel SMM with RAKP-HMAC-MD5: only the first 16 bytes of a longer password are used
                    // (FreeIPMI ipmipower_check.c, intel20). The BMC proves exactly the secret it holds.
                    try (RakpKeys truncated = s.keys(suite, 16)) {
                        if (Crypto.macEquals(truncated.rakp2AuthCode(consoleSid, bmcSid, rm, r.bmcRandom(),
                                r.bmcGuid(), role, padded), code)) {
                            return confirmed(r, truncated, name, true, Quirk.INTEL_2_0, "RAKP2 hashed over the user "
                                    + "name padded to 16 bytes and the password's first 16 bytes (HMAC-MD5)");
                        }
                    }
                }
                return new Rakp2Outcome.Refused(
                        new Rakp3(tag, RmcpPlusStatus.INVALID_INTEGRITY_CHECK_VALUE, bmcSid, new byte[0]),
                        new IpmiAuthenticationException("RAKP2",
                                RmcpPlusStatus.INVALID_INTEGRITY_CHECK_VALUE.code(), "the BMC's key exchange "
                                + "auth code does not verify; likely cause: wrong password"));
            }
        }

        private Rakp2Outcome confirmed(Rakp2 r, RakpKeys keys, byte[] name, boolean intel, Quirk quirk, String detail) {
            byte[] sik = keys.sik(rm, r.bmcRandom(), role, intel ? Arrays.copyOf(name, Math.max(16, name.length)) : name);
            Rakp3 reply = new Rakp3(tag, RmcpPlusStatus.NO_ERRORS, bmcSid,
                    keys.rakp3AuthCode(r.bmcRandom(), consoleSid, intel ? role & ~0x10 : role, name));
            return new Rakp2Outcome.Confirmed(reply, new AwaitRakp4(suite, tag, consoleSid, bmcSid, rm, sik,
                    r.bmcGuid(), intel), java.util.Optional.ofNullable(quirk), detail);
        }

        @Override
        public String toString() {
            return "AwaitRakp2[suite " + suite.id() + ", tag " + tag + "]";
        }
    }

    /** What RAKP 2 led to. */
    sealed interface Rakp2Outcome {
        Rakp3 reply();

        /**
         * @param quirk  the vendor fault the auth code verified under, if it verified only that way
         * @param detail what the fault was, for the event listener (null without a quirk)
         */
        record Confirmed(Rakp3 reply, AwaitRakp4 next, java.util.Optional<Quirk> quirk, String detail)
                implements Rakp2Outcome {}

        record Refused(Rakp3 reply, IpmiAuthenticationException error) implements Rakp2Outcome {}
    }

    /**
     * RAKP 3 sent: waits for RAKP 4, holding the session integrity key until the session keys are derived.
     *
     * @param intel the BMC hashed RAKP2 the Intel SMM way ({@link Quirk#INTEL_2_0})
     */
    record AwaitRakp4(CipherSuite suite, int tag, int consoleSid, int bmcSid, byte[] rm, byte[] sik, byte[] guid,
                      boolean intel) {
        /**
         * Checks the BMC's integrity check value and derives K1 and K2.
         *
         * @param md5KeyedWithPassword {@link dev.ipmi.core.options.Quirk#HMAC_MD5_128_KEYED_WITH_PASSWORD}
         * @param bmcHasKg             what Get Channel Authentication Capabilities said (for the error text)
         * @throws IpmiAuthenticationException the ICV does not verify
         */
        SessionKeys onRakp4(Rakp4 r, Secrets s, boolean md5KeyedWithPassword, boolean bmcHasKg) {
            try (Crypto.HmacKey sikKey = RakpKeys.sikKey(suite.authentication(), sik)) {
                return onRakp4(r, s, md5KeyedWithPassword, bmcHasKg, sikKey);
            }
        }

        private SessionKeys onRakp4(Rakp4 r, Secrets s, boolean md5KeyedWithPassword, boolean bmcHasKg,
                                    Crypto.HmacKey sikKey) {
            byte[] icv = RakpKeys.rakp4Icv(suite.authentication(), sikKey, rm, bmcSid, guid);
            if (intel && suite.integrity() == IntegrityAlgorithm.NONE && r.integrityCheckValue().length == 0) {
                // Intel SMM: the RAKP4 ICV follows the integrity algorithm, so none comes without integrity
                // (FreeIPMI ipmipower_check.c, intel20). With one key RAKP2 already proved the password, which is
                // all RAKP4 would prove; with a K_g it would be the only proof of the K_g, so it stays required.
                if (s.hasKg()) {
                    throw new IpmiAuthenticationException("RAKP4", "the BMC sent no integrity check value (Intel SMM, "
                            + "Quirk.INTEL_2_0, cipher suite without integrity), so the K_g cannot be verified; use a "
                            + "cipher suite with integrity");
                }
                icv = new byte[0];
            }
            // Cipher suite 0: some BMCs send a non-empty ICV anyway (FreeIPMI doc Auth #16); there is nothing to check.
            if (icv.length > 0 && !Crypto.macEquals(icv, r.integrityCheckValue())) {
                throw new IpmiAuthenticationException("RAKP4",
                        "the BMC's integrity check value does not verify; likely cause: wrong BMC key (K_g)"
                                + (bmcHasKg && !s.hasKg() ? " - the BMC reports a K_g is configured but none was given"
                                : ""));
            }
            byte[] k1 = md5KeyedWithPassword && suite.integrity() == IntegrityAlgorithm.HMAC_MD5_128
                    ? Arrays.copyOf(s.password(), 20) : RakpKeys.derive(suite.authentication(), sikKey, 0x01);
            byte[] k2 = RakpKeys.derive(suite.authentication(), sikKey, 0x02);
            return new SessionKeys(suite, consoleSid, bmcSid, k1, k2);
        }

        void wipe() {
            Crypto.wipe(sik);
        }

        @Override
        public String toString() {
            return "AwaitRakp4[suite " + suite.id() + ", tag " + tag + "]";
        }
    }

    /** The outcome of a verified exchange; {@link #codec} consumes (wipes) the keys. */
    record SessionKeys(CipherSuite suite, int consoleSid, int bmcSid, byte[] k1, byte[] k2) {
        RmcpPlusCodec codec(Secrets s) {
            try {
                return RmcpPlusCodec.forSession(suite, k1, k2, s.password());
            } finally {
                Crypto.wipe(k1);
                Crypto.wipe(k2);
            }
        }

        @Override
        public String toString() {
            return "SessionKeys[suite " + suite.id() + ", keys redacted]";
        }
    }
}
