package dev.ipmi.bmc;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** A console client (ipmitool sol, ipmiconsole) run under script(1) so it gets the terminal it wants. */
final class TerminalProcess implements AutoCloseable {
    private final Process process;
    private final StringBuilder out = new StringBuilder();
    private final Thread reader;
    private final OutputStream stdin;

    TerminalProcess(String command) throws IOException {
        process = new ProcessBuilder("script", "-qfc", command, "/dev/null").redirectErrorStream(true).start();
        stdin = process.getOutputStream();
        reader = new Thread(() -> {
            try (InputStream in = process.getInputStream()) {
                int c;
                while ((c = in.read()) >= 0) {
                    synchronized (out) {
                        out.append((char) c);
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
        });
        reader.start();
    }

    /** Waits up to 5 s for {@code text} to appear; returns whether it did. */
    boolean await(String text) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (output().contains(text)) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    void type(String text) throws IOException {
        stdin.write(text.getBytes(StandardCharsets.US_ASCII));
        stdin.flush();
    }

    String output() {
        synchronized (out) {
            return out.toString();
        }
    }

    @Override
    public void close() {
        try {
            stdin.close();
        } catch (IOException ignored) {
            // already gone
        }
        try {
            if (!process.waitFor(3, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            reader.join(2000);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
