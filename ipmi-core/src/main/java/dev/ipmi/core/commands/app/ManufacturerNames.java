package dev.ipmi.core.commands.app;

import java.util.Map;
import java.util.Optional;

/**
 * Names for the IANA enterprise numbers that Get Device ID reports as manufacturer ID (IPMI v2.0
 * §20.1, table 20-2, bytes 8-10), for the vendors met most often on servers. Every number was
 * checked against the IANA Private Enterprise Numbers registry as shipped in Debian 12
 * ({@code /usr/share/misc/enterprise-numbers.txt}, 2024-05-16, the file ipmitool 1.8.19 reads
 * for its "Manufacturer Name") and, where ipmitool knows it, against ipmitool's {@code IPMI_OEM}
 * table. Names are short vendor names, not the registry's full legal names.
 */
public final class ManufacturerNames {
    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(2, "IBM"),
            Map.entry(11, "Hewlett-Packard"),
            Map.entry(42, "Sun Microsystems"),
            Map.entry(111, "Oracle"),
            Map.entry(119, "NEC"),
            Map.entry(343, "Intel"),
            Map.entry(674, "Dell"),
            Map.entry(2011, "Huawei"),
            Map.entry(4753, "MontaVista"),
            Map.entry(5771, "Cisco"),
            Map.entry(6653, "Tyan"),
            Map.entry(7244, "Quanta"),
            Map.entry(10368, "Fujitsu"),
            Map.entry(10876, "Supermicro"),
            Map.entry(11129, "Google"),
            Map.entry(15370, "Gigabyte"),
            Map.entry(19046, "Lenovo"),
            Map.entry(20569, "Inventec"),
            Map.entry(20974, "AMI"),
            Map.entry(37945, "Inspur"),
            Map.entry(40981, "Facebook"),
            // The IANA registry lists 47488 for another organization; ipmitool treats it as
            // Supermicro (IPMI_OEM_SUPERMICRO_47488) because Supermicro boards report it.
            Map.entry(47488, "Supermicro"),
            Map.entry(47196, "Hewlett Packard Enterprise"),
            Map.entry(49622, "ASRock Rack"),
            Map.entry(52538, "Ampere Computing"));

    private ManufacturerNames() {}

    /** The vendor name for an IANA enterprise number, if it is in the table. */
    public static Optional<String> of(int ianaEnterpriseNumber) {
        return Optional.ofNullable(NAMES.get(ianaEnterpriseNumber));
    }

    /** The name, or "Unknown (n)" like ipmitool. */
    public static String nameOrUnknown(int ianaEnterpriseNumber) {
        return of(ianaEnterpriseNumber).orElse("Unknown (" + ianaEnterpriseNumber + ")");
    }
}
