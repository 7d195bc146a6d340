package dev.ipmi.core.fleet;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What one BMC of a fan-out gave: its value or its failure, never both. A failed host never throws
 * out of the fan-out; its error is here, typed as the library threw it (an
 * {@link dev.ipmi.core.IpmiException} in almost every case). Tell the two records apart:
 *
 * <pre>{@code
 * if (r instanceof HostResult.Success<Boolean> s) {
 *     System.out.println(s.host() + ": " + (s.value() ? "on" : "off"));
 * } else if (r instanceof HostResult.Failure<Boolean> f) {
 *     System.err.println(f.host() + ": " + f.cause().getMessage());
 * }
 * }</pre>
 *
 * @param <T> the value type
 */
public sealed interface HostResult<T> {
    /** The BMC's name as passed to the fan-out. */
    String host();

    /** From the call's start (after waiting for a slot) to its end. */
    Duration elapsed();

    boolean ok();

    /** The value, or {@code other} for a failure. */
    T orElse(T other);

    /** The failure, or empty for a success. */
    Optional<Throwable> error();

    record Success<T>(String host, T value, Duration elapsed) implements HostResult<T> {
        public Success {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(elapsed, "elapsed");
        }

        @Override
        public boolean ok() {
            return true;
        }

        @Override
        public T orElse(T other) {
            return value;
        }

        @Override
        public Optional<Throwable> error() {
            return Optional.empty();
        }
    }

    record Failure<T>(String host, Throwable cause, Duration elapsed) implements HostResult<T> {
        public Failure {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(cause, "cause");
            Objects.requireNonNull(elapsed, "elapsed");
        }

        @Override
        public boolean ok() {
            return false;
        }

        @Override
        public T orElse(T other) {
            return other;
        }

        @Override
        public Optional<Throwable> error() {
            return Optional.of(cause);
        }

        @Override
        public String toString() {
            return "Failure[" + host + ": " + cause + "]";
        }
    }
}
