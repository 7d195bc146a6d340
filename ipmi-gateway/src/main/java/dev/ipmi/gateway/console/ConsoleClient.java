package dev.ipmi.gateway.console;

import dev.ipmi.gateway.auth.Principal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * One browser (or program) on a console. Output to it goes through a bounded queue drained by
 * Jetty's asynchronous sends, one frame in flight at a time: the SOL reader only ever appends, so a
 * slow client costs memory up to its bound and is then disconnected, never stalling the BMC or the
 * other clients.
 */
final class ConsoleClient {
    private final Session session;
    private final Principal principal;
    private final long limit;
    private final Deque<Object> queue = new ArrayDeque<>();
    private long queued;
    private boolean sending;
    private boolean closed;
    private volatile boolean writer;

    ConsoleClient(Session session, Principal principal, long limit) {
        this.session = session;
        this.principal = principal;
        this.limit = limit;
    }

    Principal principal() {
        return principal;
    }

    boolean isWriter() {
        return writer;
    }

    void setWriter(boolean writer) {
        this.writer = writer;
    }

    /** Queues console bytes; false when the client is closed or was too slow and has now been closed. */
    boolean sendBinary(byte[] data, int len) {
        ByteBuffer b = ByteBuffer.allocate(len);
        b.put(data, 0, len).flip();
        return enqueue(b, len);
    }

    boolean sendText(String text) {
        return enqueue(text, text.length());
    }

    private boolean enqueue(Object frame, int size) {
        boolean tooSlow = false;
        synchronized (this) {
            if (closed) {
                return false;
            }
            if (queued + size > limit) {
                closed = true;
                tooSlow = true;
                queue.clear();
            } else {
                queue.add(frame);
                queued += size;
            }
        }
        if (tooSlow) {
            session.close(1008, "console client too slow: more than " + limit + " bytes queued", Callback.NOOP);
            return false;
        }
        pump();
        return true;
    }

    private void pump() {
        Object frame;
        synchronized (this) {
            if (sending || closed || queue.isEmpty()) {
                return;
            }
            frame = queue.poll();
            sending = true;
        }
        int size = frame instanceof ByteBuffer b ? b.remaining() : ((String) frame).length();
        Callback done = Callback.from(() -> {
            synchronized (this) {
                sending = false;
                queued -= size;
            }
            pump();
        }, failure -> close(1011, "send failed"));
        if (frame instanceof ByteBuffer b) {
            session.sendBinary(b, done);
        } else {
            session.sendText((String) frame, done);
        }
    }

    void close(int code, String reason) {
        synchronized (this) {
            closed = true;
            queue.clear();
        }
        if (session.isOpen()) {
            // a close reason is limited to 123 bytes in a WebSocket frame
            byte[] r = reason.getBytes(StandardCharsets.UTF_8);
            String cut = r.length <= 120 ? reason : new String(r, 0, 120, StandardCharsets.UTF_8);
            session.close(code, cut, Callback.NOOP);
        }
    }
}
