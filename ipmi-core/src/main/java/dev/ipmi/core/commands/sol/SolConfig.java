package dev.ipmi.core.commands.sol;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A channel's SOL configuration as read with Get SOL Configuration Parameters 0-8 (what ipmitool's
 * {@code sol info} shows). A parameter the BMC does not support (completion code 80h) is empty.
 * The CLI prints it as ipmitool does ({@code dev.ipmi.examples.cli.IpmitoolText.solInfo}).
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
}
