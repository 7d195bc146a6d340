package dev.ipmi.core.commands.sol;

import dev.ipmi.core.types.PrivilegeLevel;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A channel's SOL configuration as read with Get SOL Configuration Parameters 0-8 (what ipmitool's
 * {@code sol info} shows). A parameter the BMC does not support (completion code 80h) is empty.
 */
public record SolConfig(Optional<SolParameter.SetInProgress.State> setInProgress, Optional<Boolean> enabled,
                        Optional<SolParameter.Authentication> authentication,
                        Optional<SolParameter.CharacterAccumulate> characterAccumulate,
                        Optional<SolParameter.Retry> retry, Optional<SolBitRate> nonVolatileBitRate,
                        Optional<SolBitRate> volatileBitRate, OptionalInt payloadChannel, OptionalInt payloadPort) {

    /** The selectors {@code sol info} reads, in order. */
    public static final List<Integer> INFO_SELECTORS = List.of(0, 1, 2, 3, 4, 5, 6, 7, 8);

    /** Assembles the parameters that were read; later duplicates win, unknown selectors are ignored. */
    public static SolConfig of(Collection<? extends SolParameter> parameters) {
        Optional<SolParameter.SetInProgress.State> sip = Optional.empty();
        Optional<Boolean> enabled = Optional.empty();
        Optional<SolParameter.Authentication> auth = Optional.empty();
        Optional<SolParameter.CharacterAccumulate> acc = Optional.empty();
        Optional<SolParameter.Retry> retry = Optional.empty();
        Optional<SolBitRate> nv = Optional.empty();
        Optional<SolBitRate> vol = Optional.empty();
        OptionalInt channel = OptionalInt.empty();
        OptionalInt port = OptionalInt.empty();
        for (SolParameter p : parameters) {
            if (p instanceof SolParameter.SetInProgress s) {
                sip = Optional.of(s.state());
            } else if (p instanceof SolParameter.Enable e) {
                enabled = Optional.of(e.enabled());
            } else if (p instanceof SolParameter.Authentication a) {
                auth = Optional.of(a);
            } else if (p instanceof SolParameter.CharacterAccumulate c) {
                acc = Optional.of(c);
            } else if (p instanceof SolParameter.Retry r) {
                retry = Optional.of(r);
            } else if (p instanceof SolParameter.NonVolatileBitRate b) {
                nv = Optional.of(b.rate());
            } else if (p instanceof SolParameter.VolatileBitRate b) {
                vol = Optional.of(b.rate());
            } else if (p instanceof SolParameter.PayloadChannel c) {
                channel = OptionalInt.of(c.channel());
            } else if (p instanceof SolParameter.PayloadPort pp) {
                port = OptionalInt.of(pp.port());
            }
        }
        return new SolConfig(sip, enabled, auth, acc, retry, nv, vol, channel, port);
    }

    /**
     * The same lines as ipmitool 1.8.19 {@code sol info}. Like ipmitool, unsupported parameters print
     * zeros, the queried channel and the session's port.
     *
     * @param queriedChannel the channel asked about (ipmitool's fallback for parameter 7)
     * @param sessionPort    the RMCP+ port in use (ipmitool's fallback for parameter 8)
     */
    public String toIpmitoolText(int queriedChannel, int sessionPort) {
        SolParameter.Authentication auth = authentication.orElse(
                new SolParameter.Authentication(false, false, PrivilegeLevel.valueOf(0)));
        SolParameter.CharacterAccumulate acc = characterAccumulate.orElse(new SolParameter.CharacterAccumulate(0, 0));
        SolParameter.Retry r = retry.orElse(new SolParameter.Retry(0, 0));
        int ch = payloadChannel.orElse(queriedChannel);
        StringBuilder sb = new StringBuilder();
        line(sb, "Set in progress", setInProgress.orElse(SolParameter.SetInProgress.State.SET_COMPLETE).text());
        line(sb, "Enabled", Boolean.toString(enabled.orElse(false)));
        line(sb, "Force Encryption", Boolean.toString(auth.forceEncryption()));
        line(sb, "Force Authentication", Boolean.toString(auth.forceAuthentication()));
        line(sb, "Privilege Level", privilegeText(auth.minimumPrivilege().code()));
        line(sb, "Character Accumulate Level (ms)", Integer.toString(acc.intervalMillis()));
        line(sb, "Character Send Threshold", Integer.toString(acc.sendThreshold()));
        line(sb, "Retry Count", Integer.toString(r.retryCount()));
        line(sb, "Retry Interval (ms)", Integer.toString(r.intervalMillis()));
        line(sb, "Volatile Bit Rate (kbps)", volatileBitRate.orElse(SolBitRate.SERIAL_SETTING).kbpsText());
        line(sb, "Non-Volatile Bit Rate (kbps)", nonVolatileBitRate.orElse(SolBitRate.SERIAL_SETTING).kbpsText());
        line(sb, "Payload Channel", ch + " (" + String.format("0x%02x", ch) + ")");
        line(sb, "Payload Port", Integer.toString(payloadPort.orElse(sessionPort)));
        return sb.toString();
    }

    private static void line(StringBuilder sb, String label, String value) {
        sb.append(String.format("%-32s: %s\n", label, value));
    }

    private static String privilegeText(int code) {
        return switch (code) {
            case 1 -> "CALLBACK";
            case 2 -> "USER";
            case 3 -> "OPERATOR";
            case 4 -> "ADMINISTRATOR";
            case 5 -> "OEM";
            default -> "Unknown (" + String.format("0x%02x", code) + ")";
        };
    }
}
