package dev.ipmi.bmc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A command line with placeholders, such as {@code virsh start {name}} or
 * {@code virsh-bootdev {name} {device} {persistent}}. It is split into arguments once, when parsed
 * (whitespace separates arguments; single or double quotes keep spaces; a backslash escapes the next
 * character), and each placeholder is then replaced inside its argument: a value never becomes more
 * than one argument and never passes through a shell, whatever it contains.
 */
public final class CommandTemplate {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z][a-z0-9_-]*)}");

    private final String source;
    private final List<String> argv;

    private CommandTemplate(String source, List<String> argv) {
        this.source = source;
        this.argv = List.copyOf(argv);
    }

    /**
     * Parses a template.
     *
     * @param allowed the placeholder names it may use
     * @throws IllegalArgumentException for an empty command, an unclosed quote or an unknown placeholder
     */
    public static CommandTemplate parse(String template, java.util.Set<String> allowed) {
        List<String> args = split(template);
        if (args.isEmpty()) {
            throw new IllegalArgumentException("empty command");
        }
        for (String a : args) {
            Matcher m = PLACEHOLDER.matcher(a);
            while (m.find()) {
                if (!allowed.contains(m.group(1))) {
                    throw new IllegalArgumentException("unknown placeholder {" + m.group(1) + "} (known: "
                            + allowed.stream().sorted().map(x -> "{" + x + "}").toList() + ")");
                }
            }
        }
        return new CommandTemplate(template, args);
    }

    static List<String> split(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inArg = false;
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < s.length()) {
                    cur.append(s.charAt(++i));
                } else {
                    cur.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inArg = true;
            } else if (c == '\\' && i + 1 < s.length()) {
                cur.append(s.charAt(++i));
                inArg = true;
            } else if (Character.isWhitespace(c)) {
                if (inArg) {
                    out.add(cur.toString());
                    cur.setLength(0);
                    inArg = false;
                }
            } else {
                cur.append(c);
                inArg = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("unclosed " + quote + " quote");
        }
        if (inArg) {
            out.add(cur.toString());
        }
        return out;
    }

    /** The argument vector with every placeholder replaced by its value (missing values become empty). */
    public List<String> argv(Map<String, String> values) {
        List<String> out = new ArrayList<>(argv.size());
        for (String a : argv) {
            Matcher m = PLACEHOLDER.matcher(a);
            StringBuilder b = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(b, Matcher.quoteReplacement(values.getOrDefault(m.group(1), "")));
            }
            m.appendTail(b);
            out.add(b.toString());
        }
        return out;
    }

    @Override
    public String toString() {
        return source;
    }
}
