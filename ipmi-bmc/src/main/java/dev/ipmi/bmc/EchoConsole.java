package dev.ipmi.bmc;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A fake serial console: prints a banner when SOL is activated, echoes what is typed and, at each
 * carriage return, answers {@code you typed: <line>}. Output is kept to a bounded buffer.
 */
public final class EchoConsole implements SolConsole {
    private static final int MAX_BUFFER = 64 * 1024;
    private final String banner;
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final StringBuilder line = new StringBuilder();

    public EchoConsole(String banner) {
        this.banner = banner;
    }

    @Override
    public synchronized void activated() {
        emit(banner.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public synchronized void input(byte[] data) {
        for (byte b : data) {
            if (b == '\r' || b == '\n') {
                String typed = line.toString();
                line.setLength(0);
                emit(("\r\nyou typed: " + typed + "\r\n").getBytes(StandardCharsets.US_ASCII));
            } else {
                if (line.length() < 256) {
                    line.append((char) (b & 0xFF));
                }
                emit(new byte[] {b});
            }
        }
    }

    private void emit(byte[] b) {
        if (output.size() + b.length <= MAX_BUFFER) {
            output.write(b, 0, b.length);
        }
    }

    @Override
    public synchronized byte[] drainOutput(int max) {
        byte[] all = output.toByteArray();
        int n = Math.min(max, all.length);
        byte[] out = new byte[n];
        System.arraycopy(all, 0, out, 0, n);
        output.reset();
        output.write(all, n, all.length - n);
        return out;
    }
}
