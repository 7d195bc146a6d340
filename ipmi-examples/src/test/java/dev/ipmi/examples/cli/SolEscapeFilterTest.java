package dev.ipmi.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipmi.examples.cli.SolEscapeFilter.Event;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class SolEscapeFilterTest {

    private static List<Event> feed(SolEscapeFilter f, String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        return f.feed(b, 0, b.length);
    }

    private static Event data(String s) {
        return new Event.Data(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void tildeDotAtLineStartQuits() {
        assertThat(feed(new SolEscapeFilter(), "~.")).containsExactly(new Event.Quit());
        assertThat(feed(new SolEscapeFilter(), "ls\r~.ignored")).containsExactly(data("ls\r"), new Event.Quit());
        assertThat(feed(new SolEscapeFilter(), "ls\n~.")).containsExactly(data("ls\n"), new Event.Quit());
    }

    @Test
    void escapeInsideALineIsPlainText() {
        assertThat(feed(new SolEscapeFilter(), "a~.b")).containsExactly(data("a~.b"));
    }

    @Test
    void breakAndHelp() {
        assertThat(feed(new SolEscapeFilter(), "~Bx\r~?")).containsExactly(new Event.Break(), data("x\r"),
                new Event.Help());
        assertThat(new SolEscapeFilter().help()).contains("~.  - terminate connection").contains("~B  - send break");
    }

    @Test
    void doubledEscapeTypesOneAndOtherKeysTypeBoth() {
        assertThat(feed(new SolEscapeFilter(), "~~.")).containsExactly(data("~."));
        assertThat(feed(new SolEscapeFilter(), "~x")).containsExactly(data("~x"));
    }

    @Test
    void escapeSplitAcrossReadsStillWorks() {
        SolEscapeFilter f = new SolEscapeFilter();
        assertThat(feed(f, "echo\r~")).containsExactly(data("echo\r"));
        assertThat(feed(f, ".")).containsExactly(new Event.Quit());
    }

    @Test
    void otherEscapeCharacter() {
        assertThat(feed(new SolEscapeFilter('^'), "^.")).containsExactly(new Event.Quit());
        assertThat(feed(new SolEscapeFilter('^'), "~.")).containsExactly(data("~."));
    }

    /** Text without the escape character passes unchanged, however it is split into reads. */
    @Property
    void textWithoutEscapesPassesThrough(@ForAll byte[] bytes, @ForAll @IntRange(min = 1, max = 17) int chunk) {
        byte[] in = bytes.clone();
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '~') {
                in[i] = 'x';
            }
        }
        SolEscapeFilter f = new SolEscapeFilter();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int off = 0; off < in.length; off += chunk) {
            for (Event e : f.feed(in, off, Math.min(chunk, in.length - off))) {
                assertThat(e).isInstanceOf(Event.Data.class);
                out.writeBytes(((Event.Data) e).bytes());
            }
        }
        assertThat(out.toByteArray()).isEqualTo(in);
    }

    /** Splitting the input into reads never changes the events (data concatenated). */
    @Property
    void splittingDoesNotMatter(@ForAll("keys") String keys, @ForAll @IntRange(min = 1, max = 5) int chunk) {
        byte[] in = keys.getBytes(StandardCharsets.ISO_8859_1);
        assertThat(normalise(runSplit(in, chunk))).isEqualTo(normalise(new SolEscapeFilter().feed(in, 0, in.length)));
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> keys() {
        return net.jqwik.api.Arbitraries.strings().withChars('~', '.', 'B', '?', 'a', '\r', '\n').ofMaxLength(30);
    }

    private static List<Event> runSplit(byte[] in, int chunk) {
        SolEscapeFilter f = new SolEscapeFilter();
        List<Event> all = new ArrayList<>();
        for (int off = 0; off < in.length; off += chunk) {
            List<Event> ev = f.feed(in, off, Math.min(chunk, in.length - off));
            all.addAll(ev);
            if (!ev.isEmpty() && ev.get(ev.size() - 1) instanceof Event.Quit) {
                break;
            }
        }
        return all;
    }

    private static List<Event> normalise(List<Event> events) {
        List<Event> out = new ArrayList<>();
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        for (Event e : events) {
            if (e instanceof Event.Data d) {
                data.writeBytes(d.bytes());
            } else {
                if (data.size() > 0) {
                    out.add(new Event.Data(data.toByteArray()));
                    data.reset();
                }
                out.add(e);
            }
        }
        if (data.size() > 0) {
            out.add(new Event.Data(data.toByteArray()));
        }
        return out;
    }
}
