package dev.ipmi.core;

import java.util.OptionalInt;

/**
 * The BMC refused the credentials, or its proof of knowing them did not verify. Names the step
 * (for example "RAKP2" or "Activate Session") and, for RMCP+, the RAKP status code.
 */
public class IpmiAuthenticationException extends IpmiSessionException {
    private final String step;
    private final Integer statusCode;

    public IpmiAuthenticationException(String step, String message) {
        super(step + ": " + message);
        this.step = step;
        this.statusCode = null;
    }

    public IpmiAuthenticationException(String step, int statusCode, String message) {
        super(step + ": " + message + " (status " + String.format("%02Xh", statusCode & 0xFF) + ")");
        this.step = step;
        this.statusCode = statusCode & 0xFF;
    }

    public String step() {
        return step;
    }

    public OptionalInt statusCode() {
        return statusCode == null ? OptionalInt.empty() : OptionalInt.of(statusCode);
    }
}
