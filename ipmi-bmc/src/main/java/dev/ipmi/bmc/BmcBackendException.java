package dev.ipmi.bmc;

import dev.ipmi.core.types.CompletionCode;
import java.util.Objects;

/**
 * A backend refusing an action; the virtual BMC answers with its completion code and logs the reason.
 * The codes are the ones OpenStack VirtualBMC answers, so tools written against it see the same errors:
 * C0h "node busy" when the hypervisor command failed or is still running, CCh "invalid data field" for a
 * boot device the machine cannot boot from.
 */
public final class BmcBackendException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient CompletionCode completionCode;

    public BmcBackendException(CompletionCode completionCode, String reason) {
        super(reason);
        this.completionCode = Objects.requireNonNull(completionCode, "completionCode");
    }

    /** C0h: the command behind the action failed, timed out or is still running. */
    public static BmcBackendException busy(String reason) {
        return new BmcBackendException(CompletionCode.NODE_BUSY, reason);
    }

    /** CCh: a boot device this machine does not offer. */
    public static BmcBackendException invalidBootDevice(String reason) {
        return new BmcBackendException(CompletionCode.INVALID_DATA_FIELD, reason);
    }

    public CompletionCode completionCode() {
        return completionCode;
    }
}
