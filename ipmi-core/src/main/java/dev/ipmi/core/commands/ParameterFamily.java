package dev.ipmi.core.commands;

import dev.ipmi.core.commands.chassis.BootOptionParameter;
import dev.ipmi.core.commands.dcmi.DcmiCapabilityParameter;
import dev.ipmi.core.commands.sol.SolParameter;
import dev.ipmi.core.commands.transport.LanParameter;
import java.util.Set;

/**
 * The configuration-parameter families whose selectors this library decodes, each with its selector
 * range and the selectors it has a typed record for. A {@link RawParameter} names its family so that
 * one raw type serves them all while a selector with a typed form is still refused as raw.
 */
public enum ParameterFamily {
    /** LAN configuration parameters, IPMI v2.0 §23.2, table 23-4. */
    LAN("LAN parameter", 0xFF, Set.of(LanParameter.SET_IN_PROGRESS, LanParameter.AUTH_TYPE_SUPPORT,
            LanParameter.AUTH_TYPE_ENABLES, LanParameter.IP_ADDRESS, LanParameter.IP_ADDRESS_SOURCE,
            LanParameter.MAC_ADDRESS, LanParameter.SUBNET_MASK, LanParameter.DEFAULT_GATEWAY_IP,
            LanParameter.DEFAULT_GATEWAY_MAC, LanParameter.BACKUP_GATEWAY_IP, LanParameter.BACKUP_GATEWAY_MAC,
            LanParameter.COMMUNITY_STRING, LanParameter.VLAN_ID, LanParameter.VLAN_PRIORITY,
            LanParameter.CIPHER_SUITE_ENTRY_COUNT, LanParameter.CIPHER_SUITE_ENTRIES,
            LanParameter.CIPHER_SUITE_PRIVILEGES)),
    /** SOL configuration parameters, IPMI v2.0 §26.3, table 26-5: 0..8 typed, 9..191 reserved, 192+ OEM. */
    SOL("SOL parameter", 0xFF, Set.of(SolParameter.SET_IN_PROGRESS, SolParameter.ENABLE,
            SolParameter.AUTHENTICATION, SolParameter.CHARACTER_ACCUMULATE, SolParameter.RETRY,
            SolParameter.NON_VOLATILE_BIT_RATE, SolParameter.VOLATILE_BIT_RATE, SolParameter.PAYLOAD_CHANNEL,
            SolParameter.PAYLOAD_PORT)),
    /** System Boot Options parameters, IPMI v2.0 §28.13, table 28-14; the selector is seven bits. */
    BOOT_OPTIONS("boot option selector", 0x7F, Set.of(BootOptionParameter.SET_IN_PROGRESS,
            BootOptionParameter.VALID_BIT_CLEARING, BootOptionParameter.BOOT_INFO_ACKNOWLEDGE,
            BootOptionParameter.BOOT_FLAGS)),
    /** DCMI capability parameters, DCMI v1.5 §6.1.1, tables 6-3 and 6-4. */
    DCMI_CAPABILITY("DCMI capability parameter", 0xFF, Set.of(DcmiCapabilityParameter.SUPPORTED_CAPABILITIES,
            DcmiCapabilityParameter.MANDATORY_PLATFORM_ATTRIBUTES, DcmiCapabilityParameter.OPTIONAL_PLATFORM_ATTRIBUTES,
            DcmiCapabilityParameter.MANAGEABILITY_ACCESS_ATTRIBUTES,
            DcmiCapabilityParameter.ENHANCED_POWER_STATISTICS_ATTRIBUTES));

    private final String what;
    private final int maxSelector;
    private final Set<Integer> typed;

    ParameterFamily(String what, int maxSelector, Set<Integer> typed) {
        this.what = what;
        this.maxSelector = maxSelector;
        this.typed = typed;
    }

    /** Largest selector of the family (0x7F for boot options, 0xFF otherwise). */
    public int maxSelector() {
        return maxSelector;
    }

    /** Whether {@code selector} decodes to a typed record rather than a {@link RawParameter}. */
    public boolean hasTypedForm(int selector) {
        return typed.contains(selector);
    }

    void checkRawSelector(int selector) {
        if (selector < 0 || selector > maxSelector) {
            throw new IllegalArgumentException(what + " selector is 0.." + maxSelector + ": " + selector);
        }
        if (typed.contains(selector)) {
            throw new IllegalArgumentException(what + " " + selector + " has a typed form");
        }
    }
}
