package dev.ipmi.lanplus.internal;

import dev.ipmi.core.event.DropReason;
import dev.ipmi.core.event.IpmiEventListener;
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

    /** A packet trace line; {@code description} is built only when someone traces (it costs a hex dump). */
    void trace(boolean outbound, Supplier<String> description) {
        if (listener.tracesPackets()) {
            listener.packetTraced(bmc, outbound, description.get());
        }
    }
}
