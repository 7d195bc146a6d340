package dev.ipmi.core.sol;

import dev.ipmi.core.IpmiSessionException;

/** Activate Payload answered 80h: the SOL instance is active on another session. */
public class SolAlreadyActiveException extends IpmiSessionException {
    public SolAlreadyActiveException(int instance) {
        super("SOL payload instance " + instance + " is already active on another session"
                + " (SolOptions.builder().takeOver() deactivates it and takes the console over)");
    }
}
