package dev.ipmi.core.event;

import dev.ipmi.core.CommandId;
import java.net.SocketAddress;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs every event at DEBUG on logger {@code dev.ipmi.events}, packet traces at TRACE. Never sees
 * secrets (see {@link IpmiEventListener}). Arguments that cost something to build are built only when
 * DEBUG is on: this listener sees every request of every session.
 */
public final class LoggingEventListener implements IpmiEventListener {
    private static final Logger LOG = LoggerFactory.getLogger("dev.ipmi.events");
    public static final LoggingEventListener INSTANCE = new LoggingEventListener();

    private LoggingEventListener() {}

    @Override
    public void sessionOpened(SocketAddress bmc, int sessionId, String description) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("{}: session {} opened ({})", bmc, Integer.toHexString(sessionId), description);
        }
    }

    @Override
    public void sessionClosed(SocketAddress bmc, int sessionId, Throwable cause) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("{}: session {} closed{}", bmc, Integer.toHexString(sessionId), cause == null ? "" : ": " + cause);
        }
    }

    @Override
    public void requestSent(SocketAddress bmc, CommandId id, int rqSeq) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("{}: sent {} rqSeq={}", bmc, id, rqSeq);
        }
    }

    @Override
    public void requestRetransmitted(SocketAddress bmc, CommandId id, int rqSeq, int attempt) {
        LOG.debug("{}: retransmitted {} rqSeq={} attempt {}", bmc, id, rqSeq, attempt);
    }

    @Override
    public void requestAnswered(SocketAddress bmc, CommandId id, int rqSeq, int completionCode, int attempts,
                                Duration elapsed) {
        // called for every reply: without this check the format and the argument array cost an
        // allocation per request even with DEBUG off
        if (LOG.isDebugEnabled()) {
            LOG.debug("{}: answered {} rqSeq={} cc={} after {} attempt(s), {} ms", bmc, id, rqSeq,
                    String.format("%02Xh", completionCode), attempts, elapsed.toMillis());
        }
    }

    @Override
    public void requestFailed(SocketAddress bmc, CommandId id, Throwable error) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("{}: {} failed: {}", bmc, id, error.toString());
        }
    }

    @Override
    public void packetDropped(SocketAddress bmc, DropReason reason, String detail) {
        LOG.debug("{}: dropped packet ({}): {}", bmc, reason, detail);
    }

    @Override
    public void loginProgress(SocketAddress bmc, String detail) {
        LOG.debug("{}: login: {}", bmc, detail);
    }

    @Override
    public void quirkApplied(SocketAddress bmc, dev.ipmi.core.options.Quirk quirk, String detail) {
        LOG.info("{}: vendor quirk {} applied: {}", bmc, quirk, detail);
    }

    @Override
    public boolean tracesPackets() {
        return LOG.isTraceEnabled();
    }

    @Override
    public void packetTraced(SocketAddress bmc, boolean outbound, String description) {
        LOG.trace("{} {}: {}", bmc, outbound ? "send" : "recv", description);
    }
}
