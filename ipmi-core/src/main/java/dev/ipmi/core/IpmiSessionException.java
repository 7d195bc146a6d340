package dev.ipmi.core;

/** A session could not be established or was lost. */
public class IpmiSessionException extends IpmiException {
    public IpmiSessionException(String message) {
        super(message);
    }

    public IpmiSessionException(String message, Throwable cause) {
        super(message, cause);
    }
}
