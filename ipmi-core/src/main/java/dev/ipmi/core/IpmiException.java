package dev.ipmi.core;

/** Root of everything the library throws for protocol, transport and BMC-side failures. Unchecked. */
public class IpmiException extends RuntimeException {
    public IpmiException(String message) {
        super(message);
    }

    public IpmiException(String message, Throwable cause) {
        super(message, cause);
    }
}
