package dev.ipmi.core.client;

/** Which reset {@code mc().reset(...)} sends (ipmitool's {@code mc reset warm|cold}). */
public enum McReset {
    /** Warm Reset (App 03h): restart the firmware, keep state. */
    WARM,
    /** Cold Reset (App 02h): full BMC reset. */
    COLD
}
