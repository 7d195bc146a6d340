package dev.ipmi.core;

/** The datagram could not be sent or no usable answer came back. */
public class IpmiTransportException extends IpmiException {
    public IpmiTransportException(String message) {
        super(message);
    }

    public IpmiTransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
