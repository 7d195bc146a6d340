package dev.ipmi.lanplus.internal;

import dev.ipmi.core.IpmiException;

/**
 * An inbound packet failed the integrity check (wrong AuthCode, bad trailer or bad confidentiality
 * padding). The session counts and drops such packets; the message never contains key material.
 */
public final class IntegrityCheckException extends IpmiException {
    public IntegrityCheckException(String message) {
        super(message);
    }
}
