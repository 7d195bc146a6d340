package dev.ipmi.examples.cli;

/** A user-facing error: printed as one line on stderr, exit code 1. */
public final class CliException extends RuntimeException {
    public CliException(String message) {
        super(message);
    }
}
