package dev.ipmi.bmc;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Known vendor misbehaviour the virtual BMC can reproduce on demand, so that the client's
 * workarounds have something real to run against.
 *
 * <p>Twelve of them reproduce the faults behind FreeIPMI's workaround flags ({@code man ipmi-power},
 * section WORKAROUNDS) and carry the flag's name ({@link #freeIpmiFlag()}); the firmware named is
 * where FreeIPMI saw the fault. What each one does was read from FreeIPMI 1.6's ipmipower source
 * ({@code ipmipower_check.c}, {@code ipmipower_powercmd.c}): the misbehaviour is the one the flag's
 * code tolerates.
 */
public enum BmcQuirk {
    /**
     * OpenIPMI's ipmi_sim 2.0.33 echoes the requested maximum privilege (0 = "highest") in the Open
     * Session response instead of the level granted; FreeIPMI then refuses the session unless run
     * with {@code -W opensesspriv}.
     */
    OPEN_SESSION_PRIVILEGE_ZERO(null),
    /** OpenBMC (seen on several builds) answers RAKP1 with message tag 0 instead of echoing the console's tag. */
    RAKP2_TAG_ZERO(null),
    /**
     * ipmi_sim drops a Get Channel Cipher Suites sent before a session exists (in RMCP+ framing it
     * logs "Invalid authtype: 6"); ipmitool without {@code -C} then stalls 10 s before falling back.
     */
    IGNORE_PRESESSION_CIPHER_SUITES(null),
    /**
     * Some BMCs answer Open Session with algorithms other than the ones requested (facts §14); a
     * client must compare and refuse. The virtual BMC answers with a different offered suite.
     */
    OPEN_SESSION_OTHER_ALGORITHMS(null),
    /**
     * The first inbound SOL data packet of an activation is acknowledged but discarded, as ipmi_sim
     * does for the first packet of a later SOL session (its last-acked sequence number is not reset).
     */
    DROP_FIRST_SOL_PACKET(null),
    /**
     * OpenIPMI's ipmi_sim 2.0.33 keys HMAC-MD5-128 integrity (cipher suites 7 to 10) with the user's
     * password instead of K1, so a client keying it by the book gets no answer inside the session.
     */
    HMAC_MD5_128_KEYED_WITH_PASSWORD(null),
    /**
     * Asus P5M2/P5MT-R/RS162-E4/RX4, Intel SR1520ML/X38ML, Sun Fire 2200/4150/4450 with ELOM: Get
     * Channel Authentication Capabilities reports non-null user names as disabled although the BMC
     * logs them in. FreeIPMI without the flag: "username invalid".
     */
    AUTHCAP("authcap"),
    /**
     * Supermicro X9SCM-iiF, X9DRi-F, X9DRFR: the second checksum of every IPMI response message is
     * wrong (the packet is otherwise valid, the AuthCode or integrity data cover the wrong byte).
     * FreeIPMI without the flag drops every reply: "session timeout".
     */
    NOCHECKSUMCHECK("nochecksumcheck"),
    /**
     * Tyan S2882 with M3289 BMC: in-session replies carry session ID 0 instead of the session's ID, over
     * IPMI 1.5 and (still authenticated and encrypted with the session's keys) over RMCP+; ipmipower checks
     * the ID of both ({@code ipmipower_check_session_id}). FreeIPMI without the flag drops them: "session
     * timeout".
     */
    IDZERO("idzero"),
    /**
     * Dell PowerEdge 2850, SC1425: per-message authentication is reported disabled and Activate
     * Session says the session continues without AuthCodes; the BMC accepts unauthenticated requests
     * but answers with the login's auth type and AuthCode. FreeIPMI without the flag checks the
     * reply as unauthenticated and drops it: "session timeout".
     */
    UNEXPECTEDAUTH("unexpectedauth"),
    /**
     * IBM eServer 325: per-message authentication is reported disabled (and Activate Session says
     * the session continues without AuthCodes), but requests without an AuthCode are ignored.
     * FreeIPMI without the flag sends them unauthenticated: "session timeout".
     */
    FORCEPERMSG("forcepermsg"),
    /**
     * Some Sun ILOM 1.0/2.0 service processors: IPMI 1.5 session sequence numbers of replies are
     * big-endian. FreeIPMI without the flag sees them jump out of its window: "session timeout".
     */
    ENDIANSEQ("endianseq"),
    /**
     * Xyratex FB-H8-SRAY, Intel Windmill, Quanta Winterfell, Wiwynn Windmill: IPMI 1.5 replies carry
     * a blank AuthCode (all zero). FreeIPMI without the flag drops them: "session timeout".
     */
    NOAUTHCODECHECK("noauthcodecheck"),
    /**
     * Intel SE7520AF2 with Intel Server Management Module (Professional Edition): the RAKP hashes
     * use the user name padded with NULs to 16 bytes whatever length RAKP1 sent, and RAKP3 is
     * checked as if name-only lookup were off; with RAKP-HMAC-MD5 (cipher suites 6 to 12) only the first 16
     * bytes of a longer password key the hashes and the session keys; RAKP4's integrity check value follows
     * the integrity algorithm, so suites without integrity (1, 6) get none. FreeIPMI without the flag: "password
     * invalid".
     */
    INTEL20("intel20"),
    /**
     * Supermicro H8QME with SIMSO daughter card (Peppercon firmware): the RAKP2 key exchange
     * authentication code is one byte too long. FreeIPMI without the flag: "password invalid".
     */
    SUPERMICRO20("supermicro20"),
    /**
     * Sun Fire 4100/4200/4500 with ILOM: the RAKP2 HMAC-SHA1 key exchange authentication code is
     * one byte too long, and the keys are hashed with the Open Session privilege (as
     * {@link #OPENSESSPRIV}). FreeIPMI without the flag: "password invalid".
     */
    SUN20("sun20"),
    /**
     * Sun Fire 4100/4200/4500 with ILOM, Inventec 5441/Dell Xanadu II, Supermicro X8DTH/X8DTG, Intel
     * S5500WBV, Intel S2600JF, Quanta QSSC-S4R, Dell C5220: RAKP hashes and keys use the privilege
     * sent in Open Session instead of the one in RAKP1, which differ when the console asks for
     * "highest" (0) first. FreeIPMI without the flag: "password invalid".
     */
    OPENSESSPRIV("opensesspriv"),
    /**
     * Supermicro X8DTG, X8DTU, Intel S5500WBV, Intel S2600JF: with cipher suite 0 RAKP4 carries a
     * 12-byte integrity check value where it should be empty. FreeIPMI without the flag: "k_g invalid".
     */
    INTEGRITYCHECKVALUE("integritycheckvalue");

    private final String freeIpmiFlag;

    BmcQuirk(String freeIpmiFlag) {
        this.freeIpmiFlag = freeIpmiFlag;
    }

    /** FreeIPMI's {@code -W} flag that works around this fault, if it reproduces one of FreeIPMI's twelve. */
    public Optional<String> freeIpmiFlag() {
        return Optional.ofNullable(freeIpmiFlag);
    }

    /**
     * The quirk with this name: FreeIPMI's flag name ({@code opensesspriv}) or the constant's name in
     * any case, with {@code -} for {@code _}.
     *
     * @throws IllegalArgumentException naming the value and the known names
     */
    public static BmcQuirk parse(String name) {
        String n = name.trim();
        for (BmcQuirk q : values()) {
            if (n.equalsIgnoreCase(q.freeIpmiFlag) || n.replace('-', '_').equalsIgnoreCase(q.name())) {
                return q;
            }
        }
        throw new IllegalArgumentException("unknown quirk '" + name + "'; known: "
                + Arrays.stream(values()).map(BmcQuirk::displayName).toList());
    }

    /** FreeIPMI's flag name when there is one, the constant's name in lower case otherwise. */
    public String displayName() {
        return freeIpmiFlag != null ? freeIpmiFlag : name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
