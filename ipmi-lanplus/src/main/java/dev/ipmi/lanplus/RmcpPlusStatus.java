package dev.ipmi.lanplus;

/**
 * RMCP+ and RAKP message status codes — IPMI v2.0 §13.24, table 13-15 (byte 2 of the Open Session
 * Response and RAKP 2/3/4). Open: {@link #valueOf} never fails. {@link #likelyCause()} says in user
 * terms what usually produced the code, following FreeIPMI's mapping.
 */
public final class RmcpPlusStatus {
    private static final RmcpPlusStatus[] KNOWN = {
        new RmcpPlusStatus(0x00, "no errors", "none"),
        new RmcpPlusStatus(0x01, "insufficient resources to create a session",
                "the BMC has no free session slot; close other sessions or wait for them to time out"),
        new RmcpPlusStatus(0x02, "invalid session ID", "the BMC lost the session (for example after a reset)"),
        new RmcpPlusStatus(0x03, "invalid payload type", "the BMC does not implement this RMCP+ payload"),
        new RmcpPlusStatus(0x04, "invalid authentication algorithm",
                "the BMC does not support this cipher suite's authentication algorithm; try another cipher suite"),
        new RmcpPlusStatus(0x05, "invalid integrity algorithm",
                "the BMC does not support this cipher suite's integrity algorithm; try another cipher suite"),
        new RmcpPlusStatus(0x06, "no matching authentication payload",
                "the BMC does not support this cipher suite; try another cipher suite"),
        new RmcpPlusStatus(0x07, "no matching integrity payload",
                "the BMC does not support this cipher suite; try another cipher suite"),
        new RmcpPlusStatus(0x08, "inactive session ID", "the BMC dropped the session during login"),
        new RmcpPlusStatus(0x09, "invalid role",
                "the privilege level requested is not valid for this user"),
        new RmcpPlusStatus(0x0A, "unauthorized role or privilege level requested",
                "the user may not have the requested privilege level (try a lower one, e.g. OPERATOR)"),
        new RmcpPlusStatus(0x0B, "insufficient resources to create a session at the requested role",
                "no free session slot at this privilege level"),
        new RmcpPlusStatus(0x0C, "invalid name length", "the user name is too long"),
        new RmcpPlusStatus(0x0D, "unauthorized name", "unknown user name (or the user is disabled)"),
        new RmcpPlusStatus(0x0E, "unauthorized GUID", "the BMC GUID was not accepted"),
        new RmcpPlusStatus(0x0F, "invalid integrity check value", "wrong password or wrong BMC key (K_g)"),
        new RmcpPlusStatus(0x10, "invalid confidentiality algorithm",
                "the BMC does not support this cipher suite's encryption algorithm; try another cipher suite"),
        new RmcpPlusStatus(0x11, "no cipher suite match with proposed security algorithms",
                "the BMC does not support or has disabled this cipher suite; try another cipher suite"),
        new RmcpPlusStatus(0x12, "illegal or unrecognized parameter",
                "the BMC rejected a request parameter (often a disabled cipher suite or privilege level)"),
    };

    public static final RmcpPlusStatus NO_ERRORS = KNOWN[0x00];
    public static final RmcpPlusStatus INSUFFICIENT_RESOURCES = KNOWN[0x01];
    public static final RmcpPlusStatus INVALID_SESSION_ID = KNOWN[0x02];
    public static final RmcpPlusStatus INVALID_PAYLOAD_TYPE = KNOWN[0x03];
    public static final RmcpPlusStatus INVALID_AUTHENTICATION_ALGORITHM = KNOWN[0x04];
    public static final RmcpPlusStatus INVALID_INTEGRITY_ALGORITHM = KNOWN[0x05];
    public static final RmcpPlusStatus NO_MATCHING_AUTHENTICATION_PAYLOAD = KNOWN[0x06];
    public static final RmcpPlusStatus NO_MATCHING_INTEGRITY_PAYLOAD = KNOWN[0x07];
    public static final RmcpPlusStatus INACTIVE_SESSION_ID = KNOWN[0x08];
    public static final RmcpPlusStatus INVALID_ROLE = KNOWN[0x09];
    public static final RmcpPlusStatus UNAUTHORIZED_ROLE = KNOWN[0x0A];
    public static final RmcpPlusStatus INSUFFICIENT_RESOURCES_FOR_ROLE = KNOWN[0x0B];
    public static final RmcpPlusStatus INVALID_NAME_LENGTH = KNOWN[0x0C];
    public static final RmcpPlusStatus UNAUTHORIZED_NAME = KNOWN[0x0D];
    public static final RmcpPlusStatus UNAUTHORIZED_GUID = KNOWN[0x0E];
    public static final RmcpPlusStatus INVALID_INTEGRITY_CHECK_VALUE = KNOWN[0x0F];
    public static final RmcpPlusStatus INVALID_CONFIDENTIALITY_ALGORITHM = KNOWN[0x10];
    public static final RmcpPlusStatus NO_CIPHER_SUITE_MATCH = KNOWN[0x11];
    public static final RmcpPlusStatus ILLEGAL_PARAMETER = KNOWN[0x12];

    private final int code;
    private final String description;
    private final String likelyCause;

    private RmcpPlusStatus(int code, String description, String likelyCause) {
        this.code = code;
        this.description = description;
        this.likelyCause = likelyCause;
    }

    public static RmcpPlusStatus valueOf(int code) {
        int c = code & 0xFF;
        if (c < KNOWN.length) {
            return KNOWN[c];
        }
        return new RmcpPlusStatus(c, String.format("unknown status %02Xh", c), "unknown (vendor-specific status)");
    }

    public int code() {
        return code;
    }

    public boolean isKnown() {
        return code < KNOWN.length;
    }

    public boolean isSuccess() {
        return code == 0;
    }

    /** The specification's wording. */
    public String description() {
        return description;
    }

    /** What usually causes this status, in terms a user can act on. */
    public String likelyCause() {
        return likelyCause;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RmcpPlusStatus s && s.code == code;
    }

    @Override
    public int hashCode() {
        return code;
    }

    @Override
    public String toString() {
        return String.format("%02Xh %s", code, description);
    }
}
