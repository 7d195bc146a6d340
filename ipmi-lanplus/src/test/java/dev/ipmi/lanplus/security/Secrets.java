package dev.ipmi.lanplus.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/** Every textual form a secret could take in a log line, an exception message or a toString(). */
final class Secrets {
    private Secrets() {}

    static List<String> forms(byte[] secret) {
        List<String> f = new ArrayList<>();
        String hex = HexFormat.of().formatHex(secret);
        f.add(hex);
        f.add(hex.toUpperCase(Locale.ROOT));
        f.add(HexFormat.ofDelimiter(" ").formatHex(secret));
        f.add(HexFormat.ofDelimiter(" ").withUpperCase().formatHex(secret));
        f.add(HexFormat.ofDelimiter(":").formatHex(secret));
        f.add(Arrays.toString(secret));
        f.add(Base64.getEncoder().encodeToString(secret));
        String text = new String(secret, StandardCharsets.ISO_8859_1);
        if (text.chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
            f.add(text);
            f.add(Arrays.toString(text.toCharArray()));
        }
        return f;
    }

    static List<String> forms(String secret) {
        return forms(secret.getBytes(StandardCharsets.UTF_8));
    }

    /** Asserts no form of any secret appears; secrets shorter than 6 bytes would match by chance and are not used. */
    static void assertFree(String what, String text, List<byte[]> secrets) {
        for (byte[] s : secrets) {
            if (s.length < 6) {
                throw new IllegalArgumentException("secret too short to search for");
            }
            for (String form : forms(s)) {
                assertThat(text).as("%s must not contain a secret (%s form)", what, form.length() > 4
                        ? form.substring(0, 4) + "…" : form).doesNotContain(form);
            }
        }
    }
}
