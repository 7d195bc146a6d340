package dev.ipmi.core.types;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Completion codes — IPMI v2.0 §5.2, table 5-2. Generic codes C0h–FFh carry the spec's meaning;
 * 80h–BEh are command-specific and get their meaning from the command. Open: never throws.
 */
public final class CompletionCode {
    private static final Map<Integer, CompletionCode> KNOWN = new ConcurrentHashMap<>();

    public static final CompletionCode OK = define(0x00, "Command completed normally");
    public static final CompletionCode NODE_BUSY = define(0xC0, "Node busy");
    public static final CompletionCode INVALID_COMMAND = define(0xC1, "Invalid command");
    public static final CompletionCode INVALID_FOR_LUN = define(0xC2, "Invalid command on LUN");
    public static final CompletionCode TIMEOUT = define(0xC3, "Timeout while processing command");
    public static final CompletionCode OUT_OF_SPACE = define(0xC4, "Out of space");
    public static final CompletionCode RESERVATION_CANCELLED = define(0xC5, "Reservation cancelled or invalid");
    public static final CompletionCode REQUEST_TRUNCATED = define(0xC6, "Request data truncated");
    public static final CompletionCode REQUEST_LENGTH_INVALID = define(0xC7, "Request data length invalid");
    public static final CompletionCode REQUEST_FIELD_TOO_LONG = define(0xC8, "Request data field length limit exceeded");
    public static final CompletionCode PARAMETER_OUT_OF_RANGE = define(0xC9, "Parameter out of range");
    public static final CompletionCode CANNOT_RETURN_BYTES = define(0xCA, "Cannot return number of requested data bytes");
    public static final CompletionCode NOT_PRESENT = define(0xCB, "Requested sensor, data, or record not found");
    public static final CompletionCode INVALID_DATA_FIELD = define(0xCC, "Invalid data field in request");
    public static final CompletionCode ILLEGAL_FOR_TYPE = define(0xCD, "Command illegal for specified sensor or record type");
    public static final CompletionCode RESPONSE_UNAVAILABLE = define(0xCE, "Command response could not be provided");
    public static final CompletionCode DUPLICATE_REQUEST = define(0xCF, "Cannot execute duplicated request");
    public static final CompletionCode SDR_UPDATE_MODE = define(0xD0, "SDR repository in update mode");
    public static final CompletionCode FIRMWARE_UPDATE_MODE = define(0xD1, "Device firmware in update mode");
    public static final CompletionCode INITIALIZING = define(0xD2, "BMC initialization in progress");
    public static final CompletionCode DESTINATION_UNAVAILABLE = define(0xD3, "Destination unavailable");
    public static final CompletionCode INSUFFICIENT_PRIVILEGE = define(0xD4, "Insufficient privilege level");
    public static final CompletionCode NOT_SUPPORTED_IN_STATE = define(0xD5, "Command not supported in present state");
    public static final CompletionCode SUBFUNCTION_DISABLED = define(0xD6, "Cannot execute command, command disabled");
    public static final CompletionCode UNSPECIFIED = define(0xFF, "Unspecified error");

    private final int code;
    private final String description;
    private final boolean known;

    private CompletionCode(int code, String description, boolean known) {
        this.code = code;
        this.description = description;
        this.known = known;
    }

    private static CompletionCode define(int code, String description) {
        CompletionCode c = new CompletionCode(code, description, true);
        KNOWN.put(code, c);
        return c;
    }

    public static CompletionCode valueOf(int code) {
        int c = code & 0xFF;
        CompletionCode known = KNOWN.get(c);
        if (known != null) {
            return known;
        }
        if (c >= 0x01 && c <= 0x7E) {
            return new CompletionCode(c, "OEM completion code", false);
        }
        if (c >= 0x80 && c <= 0xBE) {
            return new CompletionCode(c, "Command-specific completion code", false);
        }
        return new CompletionCode(c, "unknown(" + String.format("%02Xh", c) + ")", false);
    }

    public int code() {
        return code;
    }

    public String description() {
        return description;
    }

    public boolean isKnown() {
        return known;
    }

    public boolean isSuccess() {
        return code == 0;
    }

    public boolean isCommandSpecific() {
        return code >= 0x80 && code <= 0xBE;
    }

    public boolean isRetryable() {
        return code == 0xC0 || code == 0xC3 || code == 0xCF || code == 0xD2;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CompletionCode c && c.code == code;
    }

    @Override
    public int hashCode() {
        return code;
    }

    @Override
    public String toString() {
        return String.format("%02Xh", code) + " " + description;
    }
}
