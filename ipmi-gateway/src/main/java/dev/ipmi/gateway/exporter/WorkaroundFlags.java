package dev.ipmi.gateway.exporter;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * FreeIPMI's workaround flags ({@code workaround_flags} in ipmi_exporter modules, {@code -W} of the
 * FreeIPMI tools) and what each means for this exporter. None of them needs a quirk of ours today:
 * each names a FreeIPMI parsing strictness our client does not have, or a fault of hardware we have
 * not met. They are accepted so that existing files load; an unknown flag is refused, as FreeIPMI
 * refuses it.
 */
final class WorkaroundFlags {
    private static final Map<String, String> FLAGS = new TreeMap<>(Map.ofEntries(
            // FreeIPMI asks Open Session for privilege 0 ("highest") and refuses ipmi_sim's echo of 0;
            // we ask for the configured privilege, so ipmi_sim needs nothing.
            Map.entry("opensesspriv", "not needed: Open Session asks for the configured privilege"),
            Map.entry("authcap", "not needed: the authentication capabilities reply is read leniently"),
            Map.entry("idzero", "not needed: a session ID of 0 in replies is accepted"),
            Map.entry("unexpectedauth", "not needed"),
            Map.entry("forcepermsg", "not needed"),
            Map.entry("endianseq", "not needed"),
            Map.entry("noauthcodecheck", "not applied: auth codes are always checked"),
            Map.entry("intel20", "not needed"),
            Map.entry("supermicro20", "not needed"),
            Map.entry("sun20", "not needed"),
            Map.entry("integritycheckvalue", "not needed"),
            Map.entry("nochecksumcheck", "not applied: checksums are always checked"),
            Map.entry("discretereading", "not needed: readings are interpreted by the SDR's reading type"),
            Map.entry("ignorescanningdisabled", "not applied: a sensor not scanned has no value (NaN)"),
            Map.entry("assumebmcowner", "not needed"),
            Map.entry("ignoreauthcode", "not applied"),
            Map.entry("assumemaxsdrrecordcount", "not needed: the SDR repository is read until its last record"),
            Map.entry("solpayloadsize", "not used: the exporter opens no console"),
            Map.entry("solport", "not used: the exporter opens no console"),
            Map.entry("solstatus", "not used: the exporter opens no console"),
            Map.entry("solchannelsupport", "not used: the exporter opens no console"),
            Map.entry("serialalertsdeferred", "not used"),
            Map.entry("packetsequence", "not used"),
            Map.entry("ignoresolpayloadsize", "not used"),
            Map.entry("ignoresolport", "not used"),
            Map.entry("skipchecks", "not applied"),
            Map.entry("nodiscovery", "not needed"),
            Map.entry("malformedack", "not used"),
            Map.entry("slowcommit", "not used"),
            Map.entry("veryslowcommit", "not used"),
            Map.entry("sendtimestamp", "not used"),
            Map.entry("nodcmicapabilities", "not needed: Get Power Reading is asked directly")));

    private WorkaroundFlags() {}

    static boolean known(String flag) {
        return FLAGS.containsKey(flag);
    }

    static List<String> names() {
        return List.copyOf(FLAGS.keySet());
    }

    static String meaning(String flag) {
        return FLAGS.getOrDefault(flag, "unknown");
    }
}
