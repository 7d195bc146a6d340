package dev.ipmi.core.client;

/**
 * The counts ipmitool's {@code user summary} prints.
 *
 * @param maxUserIds     number of user slots
 * @param enabledUserIds number of enabled users
 * @param fixedNameUserIds number of slots with fixed names
 */
public record UserSummary(int maxUserIds, int enabledUserIds, int fixedNameUserIds) {}
