package dev.ipmi.core.options;

/**
 * Named workarounds for BMCs that deviate from IPMI v2.0. Each says which firmware needed it, what
 * it does wrong and what the library does instead. Enable them with
 * {@link LanPlusOptions.Builder#quirks(Quirk...)}; some are also tried automatically where noted.
 */
public enum Quirk {
    /**
     * OpenIPMI {@code ipmi_sim} 2.0.33 (lanserv) checks and signs HMAC-MD5-128 integrity (cipher
     * suites 7 to 10) with the user's password as the HMAC key instead of K1 (IPMI v2.0 §13.28.4):
     * with K1 it drops every in-session packet ("Message integrity failed"), which is why ipmitool
     * and FreeIPMI time out with suite 7 there. With this quirk the password, zero-padded to 20
     * bytes, keys HMAC-MD5-128. Tried automatically once when Set Session Privilege Level gets no
     * answer under HMAC-MD5-128 integrity.
     */
    HMAC_MD5_128_KEYED_WITH_PASSWORD,

    /**
     * Seen on OpenBMC (bmcweb-era netipmid builds): RAKP2 carries message tag 0 instead of the tag
     * of our RAKP1 (IPMI v2.0 §13.21 says it is echoed). A successful RAKP2 with tag 0 whose console
     * session ID is ours is accepted; the ID is random per login attempt, so stale replies still
     * fail to match. Always applied: the ID check keeps it safe, and naming it here documents it.
     */
    RAKP2_MESSAGE_TAG_ZERO,

    /**
     * FreeIPMI {@code authcap}. Asus P5M2/P5MT-R/RS162-E4/RX4, Intel SR1520ML/X38ML, Sun Fire
     * 2200/4150/4450 with ELOM: Get Channel Authentication Capabilities reports the user-name
     * capabilities, auth types or K_g status wrongly. We never refuse a login on those bits (the
     * login itself proves what works), so this is always applied.
     */
    AUTHCAP,

    /**
     * FreeIPMI {@code nochecksumcheck}. Supermicro X9SCM-iiF, X9DRi-F, X9DRFR: the second checksum of
     * IPMI responses is wrong. Accepting them removes a check, so it is opt-in; a timeout after
     * replies were dropped for their checksum names this quirk.
     */
    NO_CHECKSUM_CHECK,

    /**
     * FreeIPMI {@code idzero}. Tyan S2882 with M3289 BMC: IPMI 1.5 in-session replies carry session
     * ID 0. Their AuthCode, computed over the header, still has to verify, so accepting ID 0 costs
     * nothing: detected and applied automatically.
     */
    ID_ZERO,

    /**
     * FreeIPMI {@code unexpectedauth}. Dell PowerEdge 2850, SC1425: per-message authentication is
     * announced as disabled but replies carry AuthCodes. We never run an IPMI 1.5 session without
     * AuthCodes (see {@link #FORCE_PERMSG}), so those AuthCodes are the expected ones and are checked:
     * always applied, nothing to weaken.
     */
    UNEXPECTED_AUTH,

    /**
     * FreeIPMI {@code forcepermsg}. IBM eServer 325: per-message authentication is announced as
     * disabled (Activate Session answers auth type NONE) although the BMC needs AuthCodes. We keep
     * authenticating every message with the auth type the session was activated with; never
     * downgrading costs no security, so this is automatic (reported when the BMC announced NONE).
     */
    FORCE_PERMSG,

    /**
     * FreeIPMI {@code endianseq}. Some Sun ILOM 1.0/2.0: IPMI 1.5 session sequence numbers of replies
     * are big-endian. A reply whose byte-swapped number fits the window (its AuthCode verified first)
     * switches the session to swapped numbers: automatic.
     */
    ENDIAN_SEQ,

    /**
     * FreeIPMI {@code noauthcodecheck}. Xyratex FB-H8-SRAY, Intel Windmill, Quanta Winterfell, Wiwynn
     * Windmill: IPMI 1.5 replies carry AuthCodes that do not verify (blank with straight password).
     * Skipping the check removes the reply's authentication, so it is opt-in; a login whose replies
     * were dropped for their AuthCode names this quirk in its error.
     */
    NO_AUTHCODE_CHECK,

    /**
     * FreeIPMI {@code intel20}. Intel SE7520AF2 with Intel Server Management Module (Professional
     * Edition): RAKP2 and the session key are hashed over the user name padded with NULs to 16 bytes,
     * RAKP3 over the unpadded name as a name-and-privilege lookup. A RAKP2 that verifies only this way
     * proves the password just as well: detected and applied automatically.
     */
    INTEL_2_0,

    /**
     * FreeIPMI {@code supermicro20}. Supermicro H8QME with SIMSO daughter card (Peppercon firmware):
     * the RAKP2 key exchange auth code is one byte too long. When its first bytes verify, the extra
     * byte is ignored: automatic.
     */
    SUPERMICRO_2_0,

    /**
     * FreeIPMI {@code sun20}. Sun Fire 4100/4200/4500 with ILOM: the RAKP2 HMAC-SHA1 auth code is one
     * byte too long (handled as {@link #SUPERMICRO_2_0}) and keys are hashed with the Open Session
     * privilege (handled as {@link #OPEN_SESSION_PRIVILEGE}): automatic, reported as
     * {@link #SUPERMICRO_2_0}.
     */
    SUN_2_0,

    /**
     * FreeIPMI {@code opensesspriv}. Sun ILOM, Inventec 5441/Dell Xanadu II, Supermicro X8DTH/X8DTG,
     * Intel S5500WBV/S2600JF, Quanta QSSC-S4R, Dell C5220: keys are hashed with the privilege of Open
     * Session instead of RAKP1's. We always ask for the same concrete privilege in both, so the two
     * hashes agree: always applied.
     */
    OPEN_SESSION_PRIVILEGE,

    /**
     * FreeIPMI {@code integritycheckvalue}. Supermicro X8DTG/X8DTU, Intel S5500WBV/S2600JF: with cipher
     * suite 0, RAKP4 carries an integrity check value where it should be empty. There is nothing to
     * verify with RAKP-none, so it is ignored: always applied (suite 0 itself stays opt-in).
     */
    INTEGRITY_CHECK_VALUE;

    /** FreeIPMI's {@code -W} flag for the same fault, if FreeIPMI has one. */
    public java.util.Optional<String> freeIpmiFlag() {
        return java.util.Optional.ofNullable(switch (this) {
            case AUTHCAP -> "authcap";
            case NO_CHECKSUM_CHECK -> "nochecksumcheck";
            case ID_ZERO -> "idzero";
            case UNEXPECTED_AUTH -> "unexpectedauth";
            case FORCE_PERMSG -> "forcepermsg";
            case ENDIAN_SEQ -> "endianseq";
            case NO_AUTHCODE_CHECK -> "noauthcodecheck";
            case INTEL_2_0 -> "intel20";
            case SUPERMICRO_2_0 -> "supermicro20";
            case SUN_2_0 -> "sun20";
            case OPEN_SESSION_PRIVILEGE -> "opensesspriv";
            case INTEGRITY_CHECK_VALUE -> "integritycheckvalue";
            default -> null;
        });
    }

    /**
     * Whether the quirk weakens a check and so is applied only when enabled; the others are detected and
     * applied on their own (or are always in force).
     */
    public boolean optIn() {
        return this == NO_CHECKSUM_CHECK || this == NO_AUTHCODE_CHECK;
    }
}
