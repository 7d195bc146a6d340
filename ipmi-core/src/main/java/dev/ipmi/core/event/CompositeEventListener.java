package dev.ipmi.core.event;

import dev.ipmi.core.CommandId;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.function.Consumer;

/** Fans events out; a listener that throws does not stop the others nor the I/O thread. */
final class CompositeEventListener implements IpmiEventListener {
    private final IpmiEventListener[] listeners;

    CompositeEventListener(IpmiEventListener[] listeners) {
        this.listeners = listeners;
    }

    private void each(Consumer<IpmiEventListener> c) {
        for (IpmiEventListener l : listeners) {
            try {
                c.accept(l);
            } catch (RuntimeException ignored) {
                // a listener must not break the protocol; its failure is its own business
            }
        }
    }

    @Override
    public void sessionOpened(SocketAddress bmc, int sessionId, String description) {
        each(l -> l.sessionOpened(bmc, sessionId, description));
    }

    @Override
    public void sessionClosed(SocketAddress bmc, int sessionId, Throwable cause) {
        each(l -> l.sessionClosed(bmc, sessionId, cause));
    }

    // requestSent and requestAnswered run for every request on the I/O thread: plain loops, without
    // a capturing lambda allocated per event (one was 6 % of a pooled sweep's samples)
    @Override
    public void requestSent(SocketAddress bmc, CommandId id, int rqSeq) {
        for (IpmiEventListener l : listeners) {
            try {
                l.requestSent(bmc, id, rqSeq);
            } catch (RuntimeException ignored) {
                // a listener must not break the protocol; its failure is its own business
            }
        }
    }

    @Override
    public void requestRetransmitted(SocketAddress bmc, CommandId id, int rqSeq, int attempt) {
        each(l -> l.requestRetransmitted(bmc, id, rqSeq, attempt));
    }

    @Override
    public void requestAnswered(SocketAddress bmc, CommandId id, int rqSeq, int completionCode, int attempts,
                                Duration elapsed) {
        for (IpmiEventListener l : listeners) {
            try {
                l.requestAnswered(bmc, id, rqSeq, completionCode, attempts, elapsed);
            } catch (RuntimeException ignored) {
                // a listener must not break the protocol; its failure is its own business
            }
        }
    }

    @Override
    public void requestFailed(SocketAddress bmc, CommandId id, Throwable error) {
        each(l -> l.requestFailed(bmc, id, error));
    }

    @Override
    public void packetDropped(SocketAddress bmc, DropReason reason, String detail) {
        each(l -> l.packetDropped(bmc, reason, detail));
    }

    @Override
    public void loginProgress(SocketAddress bmc, String detail) {
        each(l -> l.loginProgress(bmc, detail));
    }

    @Override
    public void quirkApplied(SocketAddress bmc, dev.ipmi.core.options.Quirk quirk, String detail) {
        each(l -> l.quirkApplied(bmc, quirk, detail));
    }

    @Override
    public boolean tracesPackets() {
        for (IpmiEventListener l : listeners) {
            try {
                if (l.tracesPackets()) {
                    return true;
                }
            } catch (RuntimeException ignored) {
                // a listener that cannot answer is taken as not tracing
            }
        }
        return false;
    }

    @Override
    public void packetTraced(SocketAddress bmc, boolean outbound, String description) {
        each(l -> l.packetTraced(bmc, outbound, description));
    }
}
