package dev.ipmi.lanplus.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipmi.lanplus.internal.Crypto;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * MACs, AuthCodes and ICVs are compared in constant time: both {@link Crypto#macEquals} variants
 * delegate to {@code MessageDigest.isEqual}, and no main source of ipmi-lan / ipmi-lanplus compares
 * a received code any other way.
 */
class ConstantTimeMacTest {
    private static final Pattern MAC_EQUALS = Pattern.compile(
            "public static boolean macEquals\\([^)]*\\) \\{(.*?)\\n    \\}", Pattern.DOTALL);
    private static final Pattern SUSPICIOUS = Pattern.compile(
            "Arrays\\.equals\\([^;]*(?i:authCode|icv|mac|integrity|expected)[^;]*\\)");

    @Test
    void bothHelpersDelegateToMessageDigestIsEqual() throws IOException {
        String src = Files.readString(Path.of("src/main/java/dev/ipmi/lanplus/internal/Crypto.java"));
        Matcher m = MAC_EQUALS.matcher(src);
        int found = 0;
        while (m.find()) {
            found++;
            assertThat(m.group(1)).contains("MessageDigest.isEqual(").doesNotContain("for (");
        }
        assertThat(found).isEqualTo(2);
    }

    @Test
    void noReceivedCodeIsComparedWithArraysEquals() throws IOException {
        List<String> hits = new ArrayList<>();
        for (Path root : List.of(Path.of("src/main/java"), Path.of("../ipmi-lan/src/main/java"))) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    String src = Files.readString(f);
                    Matcher m = SUSPICIOUS.matcher(src);
                    while (m.find()) {
                        // value equality of a record (equals(Object)) is not a verification
                        String before = src.substring(Math.max(0, m.start() - 200), m.start());
                        if (!before.contains("boolean equals(Object")) {
                            hits.add(f + ": " + m.group());
                        }
                    }
                }
            }
        }
        assertThat(hits).isEmpty();
        String authCodes = Files.readString(Path.of("../ipmi-lan/src/main/java/dev/ipmi/lan/internal/AuthCodes.java"));
        assertThat(authCodes).contains("MessageDigest.isEqual(expected, p.authCode())");
    }

    @Property(tries = 300)
    void windowedCompareAgreesWithAPlainCompare(@ForAll @Size(min = 1, max = 32) byte[] expected,
                                                @ForAll @Size(max = 48) byte[] received,
                                                @ForAll @IntRange(min = -2, max = 50) int off,
                                                @ForAll @IntRange(max = 40) int len) {
        boolean plain = len == expected.length && off >= 0 && off + len <= received.length
                && java.util.Arrays.equals(expected, java.util.Arrays.copyOfRange(received, off, off + len));
        assertThat(Crypto.macEquals(expected, received, off, len)).isEqualTo(plain);
        byte[] embedded = new byte[expected.length + 5];
        System.arraycopy(expected, 0, embedded, 3, expected.length);
        assertThat(Crypto.macEquals(expected, embedded, 3, expected.length)).isTrue();
        embedded[3 + Math.floorMod(off, expected.length)] ^= 0x01;
        assertThat(Crypto.macEquals(expected, embedded, 3, expected.length)).isFalse();
    }
}
