package dev.ipmi.core;

/** No cipher suite acceptable to both sides, or the one asked for is refused. */
public class CipherSuiteUnavailableException extends IpmiSessionException {
    public CipherSuiteUnavailableException(String message) {
        super(message);
    }
}
