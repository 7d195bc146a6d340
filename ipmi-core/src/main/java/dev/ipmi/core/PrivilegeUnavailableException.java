package dev.ipmi.core;

/** The BMC will not grant the privilege level asked for. */
public class PrivilegeUnavailableException extends IpmiSessionException {
    public PrivilegeUnavailableException(String message) {
        super(message);
    }
}
