package dev.ipmi.gateway;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A console client over the JDK's WebSocket: collects console bytes and control messages. */
final class WsClient implements AutoCloseable {
    private final WebSocket ws;
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final List<String> texts = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private volatile String closeReason = "";

    private WsClient(HttpClient client, URI uri, String key) {
        Listener l = new Listener();
        WebSocket.Builder b = client.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        this.ws = b.buildAsync(uri, l).join();
    }

    static WsClient open(Http http, String path, String key) {
        URI uri = URI.create("ws://" + http.base().getAuthority() + path);
        return new WsClient(http.client(), uri, key);
    }

    /** The HTTP status with which the upgrade was refused. */
    static int refused(Http http, String path, String key) {
        try {
            open(http, path, key).close();
            return 101;
        } catch (CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException h) {
                return h.getResponse().statusCode();
            }
            throw e;
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onBinary(WebSocket w, ByteBuffer data, boolean last) {
            synchronized (output) {
                byte[] b = new byte[data.remaining()];
                data.get(b);
                output.write(b, 0, b.length);
            }
            w.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                texts.add(text.toString());
                text.setLength(0);
            }
            w.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket w, int statusCode, String reason) {
            closeReason = reason;
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket w, Throwable error) {
            closed.complete(-1);
        }
    }

    String output() {
        synchronized (output) {
            return output.toString(StandardCharsets.ISO_8859_1);
        }
    }

    int outputSize() {
        synchronized (output) {
            return output.size();
        }
    }

    List<String> texts() {
        return texts;
    }

    void send(String keys) {
        ws.sendBinary(ByteBuffer.wrap(keys.getBytes(StandardCharsets.ISO_8859_1)), true).join();
    }

    void control(String json) {
        ws.sendText(json, true).join();
    }

    /** Waits (bounded) until the console output contains {@code s}. */
    void awaitOutput(String s) {
        await(() -> output().contains(s), "console output containing '" + s + "', got: " + output());
    }

    String awaitText(Predicate<String> p, String what) {
        await(() -> texts.stream().anyMatch(p), what + "; messages so far: " + texts);
        return texts.stream().filter(p).findFirst().orElseThrow();
    }

    int awaitClosed() {
        try {
            return closed.get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("not closed by the server", e);
        }
    }

    String closeReason() {
        return closeReason;
    }

    static void await(java.util.function.BooleanSupplier condition, String what) {
        await(condition, 20, what);
    }

    static void await(java.util.function.BooleanSupplier condition, int seconds, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Override
    public void close() {
        if (!ws.isOutputClosed()) {
            try {
                ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
            } catch (CompletionException alreadyClosing) {
                // the server closed first; the JDK answers its close frame itself
            }
        }
        try {
            closed.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            ws.abort();
        }
    }
}
