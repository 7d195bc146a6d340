package dev.ipmi.examples.cli;

import picocli.CommandLine;

/** Number parsing as ipmitool accepts it: decimal, or hex with 0x. */
final class Numbers {
    private Numbers() {}

    static int parse(String s) {
        String t = s.trim();
        try {
            if (t.startsWith("0x") || t.startsWith("0X")) {
                return Integer.parseInt(t.substring(2), 16);
            }
            return Integer.parseInt(t);
        } catch (NumberFormatException e) {
            throw new CliException("Given value \"" + s + "\" is invalid.");
        }
    }

    static final class IntConverter implements CommandLine.ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return parse(value);
        }
    }
}
