package dev.ipmi.examples.cli;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Keyboard escapes for {@code ipmi sol activate}, as in ipmitool: the escape character (default
 * {@code ~}) counts only at the start of a line (after CR or LF, or as the very first key).
 * {@code ~.} leaves, {@code ~B} sends a serial BREAK, {@code ~?} shows help, {@code ~~} types one
 * {@code ~}; {@code ~} followed by anything else types both characters. Pure and stateful across
 * calls, so an escape split over two reads still works. (ipmitool's {@code ~^Z}/{@code ~^X} suspend
 * keys are not offered.)
 */
public final class SolEscapeFilter {
    /** What the keyboard input means. */
    public sealed interface Event {
        /** Characters for the host. */
        record Data(byte[] bytes) implements Event {
            @Override
            public boolean equals(Object o) {
                return o instanceof Data d && java.util.Arrays.equals(d.bytes, bytes);
            }

            @Override
            public int hashCode() {
                return java.util.Arrays.hashCode(bytes);
            }

            @Override
            public String toString() {
                return "Data[" + new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1) + "]";
            }
        }

        record Break() implements Event {}

        record Quit() implements Event {}

        record Help() implements Event {}
    }

    private final int escape;
    private boolean lineStart = true;
    private boolean pendingEscape;

    public SolEscapeFilter() {
        this('~');
    }

    public SolEscapeFilter(char escape) {
        if (escape > 0x7E || escape < 0x21) {
            throw new IllegalArgumentException("escape character must be a printable ASCII character: " + (int) escape);
        }
        this.escape = escape;
    }

    /** The help text ipmitool prints for {@code ~?}, for this escape character. */
    public String help() {
        char e = (char) escape;
        return "Supported escape sequences:\r\n"
                + "\t" + e + ".  - terminate connection\r\n"
                + "\t" + e + "B  - send break\r\n"
                + "\t" + e + "?  - this message\r\n"
                + "\t" + e + e + "  - send the escape character by typing it twice\r\n"
                + "\t(Note that escapes are only recognized immediately after newline.)\r\n";
    }

    public List<Event> feed(byte[] buf, int off, int len) {
        List<Event> events = new ArrayList<>();
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        for (int i = off; i < off + len; i++) {
            int b = buf[i] & 0xFF;
            if (pendingEscape) {
                pendingEscape = false;
                if (b == '.' || b == 'B' || b == '?') {
                    flush(data, events);
                    events.add(b == '.' ? new Event.Quit() : b == 'B' ? new Event.Break() : new Event.Help());
                    if (b == '.') {
                        return events;
                    }
                    lineStart = false;
                    continue;
                }
                data.write(escape);
                if (b == escape) {
                    lineStart = false;
                    continue;
                }
            } else if (lineStart && b == escape) {
                pendingEscape = true;
                continue;
            }
            data.write(b);
            lineStart = b == '\r' || b == '\n';
        }
        flush(data, events);
        return events;
    }

    private static void flush(ByteArrayOutputStream data, List<Event> events) {
        if (data.size() > 0) {
            events.add(new Event.Data(data.toByteArray()));
            data.reset();
        }
    }
}
