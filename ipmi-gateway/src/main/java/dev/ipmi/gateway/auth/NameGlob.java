package dev.ipmi.gateway.auth;

import java.util.List;
import java.util.regex.Pattern;

/** Shell-style globs over BMC names: {@code *} any run of characters, {@code ?} one character. */
public final class NameGlob {
    private final List<Pattern> patterns;

    private NameGlob(List<Pattern> patterns) {
        this.patterns = patterns;
    }

    /** An empty list means every name. */
    public static NameGlob of(List<String> globs) {
        if (globs.isEmpty()) {
            return new NameGlob(List.of(Pattern.compile(".*", Pattern.DOTALL)));
        }
        return new NameGlob(globs.stream().map(NameGlob::compile).toList());
    }

    public boolean matches(String name) {
        for (Pattern p : patterns) {
            if (p.matcher(name).matches()) {
                return true;
            }
        }
        return false;
    }

    private static Pattern compile(String glob) {
        StringBuilder re = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }
}
