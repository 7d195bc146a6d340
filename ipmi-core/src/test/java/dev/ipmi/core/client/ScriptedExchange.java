package dev.ipmi.core.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipmi.testing.FakeTransport;
import dev.ipmi.testing.Vectors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Replays a recorded exchange ({@code [stepN]} = netFn, cmd, data; {@code [stepN_response]} =
 * completion code + data) through a {@link FakeTransport}, and checks that the client sent exactly
 * the recorded requests in the recorded order.
 */
final class ScriptedExchange {
    final FakeTransport fake = new FakeTransport();
    private final List<byte[]> requests = new ArrayList<>();
    private final List<byte[]> responses = new ArrayList<>();
    private int next;

    ScriptedExchange(String vectorPath) {
        Map<String, byte[]> v = Vectors.load(vectorPath);
        for (int i = 1; v.containsKey("step" + i); i++) {
            requests.add(v.get("step" + i));
            responses.add(v.get("step" + i + "_response"));
        }
        for (byte[] r : requests) {
            int netFn = r[0] & 0xFF;
            int cmd = r[1] & 0xFF;
            fake.on(netFn, cmd, data -> answer(netFn, cmd, data));
        }
    }

    private synchronized byte[] answer(int netFn, int cmd, byte[] data) {
        if (next >= responses.size()) {
            return new byte[] {(byte) 0xC1};
        }
        byte[] expected = requests.get(next);
        byte[] got = new byte[data.length + 2];
        got[0] = (byte) netFn;
        got[1] = (byte) cmd;
        System.arraycopy(data, 0, got, 2, data.length);
        if (!Arrays.equals(expected, got)) {
            // Answer as a BMC would to something unexpected; the final check reports the difference.
            return new byte[] {(byte) 0xCC};
        }
        return responses.get(next++);
    }

    /** Asserts the client's requests equal the recorded ones, byte for byte. */
    void assertReplayedExactly() {
        List<byte[]> sent = fake.sent().stream().map(s -> {
            byte[] b = new byte[s.data().length + 2];
            b[0] = (byte) s.id().netFn().code();
            b[1] = (byte) s.id().cmd();
            System.arraycopy(s.data(), 0, b, 2, s.data().length);
            return b;
        }).toList();
        assertThat(sent).as("requests sent").usingElementComparator(Arrays::compare).containsExactlyElementsOf(requests);
    }
}
