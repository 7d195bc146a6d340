package dev.ipmi.core.commands.transport;

import dev.ipmi.core.types.PrivilegeLevel;
import java.util.Objects;
import java.util.Optional;

/**
 * One RMCP+ cipher suite of a LAN channel with its maximum privilege (LAN parameters 23 and 24).
 *
 * @param cipherSuiteId the ID from parameter 23
 * @param maxPrivilege  the nibble of parameter 24 for the same entry (absent when the BMC lacks parameter 24)
 */
public record CipherSuitePrivilege(int cipherSuiteId, Optional<PrivilegeLevel> maxPrivilege) {
    public CipherSuitePrivilege {
        Objects.requireNonNull(maxPrivilege, "maxPrivilege");
        if (cipherSuiteId < 0 || cipherSuiteId > 0xFF) {
            throw new IllegalArgumentException("cipher suite ID is one byte: " + cipherSuiteId);
        }
    }
}
