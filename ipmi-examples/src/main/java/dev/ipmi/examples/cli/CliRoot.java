package dev.ipmi.examples.cli;

/** The top of a command line: the {@code ipmi} command itself, or one line of {@code exec}/{@code shell}. */
interface CliRoot {
    /** The global options, and the session they open. */
    ConnectionOptions options();
}
