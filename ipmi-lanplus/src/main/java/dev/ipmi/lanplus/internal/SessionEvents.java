package dev.ipmi.lanplus.internal;

import dev.ipmi.core.event.DropReason;
import dev.ipmi.core.event.IpmiEventListener;
import dev.ipmi.core.options.QuirkCache;
import java.net.InetSocketAddress;
import java.util.function.Supplier;

/**
 * How the RMCP+ machine pieces report what they do: through the {@link IpmiEventListener} (never a
 * logger: the machines are pure), with a listener that throws isolated from the session.
 */
final class SessionEvents {
    private final InetSocketAddress bmc;
    private final IpmiEventListener listener;

    SessionEvents(InetSocketAddress bmc, IpmiEventListener listener) {
        this.bmc = bmc;
        this.listener = IpmiEventListener.safe(listener);
    }

    InetSocketAddress bmc() {
        return bmc;
    }

    IpmiEventListener listener() {
        return listener;
    }

    void drop(DropReason reason, String detail) {
        listener.packetDropped(bmc, reason, detail);
    }

    void progress(String detail) {
        listener.loginProgress(bmc, detail);
    }

    void quirkApplied(dev.ipmi.core.options.Quirk quirk, String detail) {
        listener.quirkApplied(bmc, quirk, detail);
    }

    /** Reports a quirk the exchange needed and remembers it for this BMC's next login. */
    void quirkDetected(dev.ipmi.core.options.Quirk quirk, String detail) {
        boolean known = QuirkCache.shared().get(bmc).contains(quirk);
        QuirkCache.shared().add(bmc, quirk);
        listener.quirkApplied(bmc, quirk, detail + (known ? " (remembered for this BMC)" : " (detected)"));
    }

    /** Whether anyone traces packets: asked before a per-packet description is even captured. */
    boolean tracesPackets() {
        return listener.tracesPackets();
    }

    /** A packet trace line; {@code description} is built only when someone traces (it costs a hex dump). */
    void trace(boolean outbound, Supplier<String> description) {
        if (listener.tracesPackets()) {
            listener.packetTraced(bmc, outbound, description.get());
        }
    }
}
