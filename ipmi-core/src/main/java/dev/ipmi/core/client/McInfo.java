package dev.ipmi.core.client;

import dev.ipmi.core.commands.app.GetDeviceId;
import java.util.Objects;

/**
 * Get Device ID with the manufacturer's name looked up (what ipmitool's {@code mc info} shows).
 *
 * @param device           the decoded Get Device ID response
 * @param manufacturerName name for the IANA number, "Unknown" when not in the table
 */
public record McInfo(GetDeviceId.Response device, String manufacturerName) {
    public McInfo {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(manufacturerName, "manufacturerName");
    }
}
