package dev.ipmi.core.internal;

import dev.ipmi.core.IpmiException;
import dev.ipmi.core.IpmiTransportException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The one place that looks through {@link CompletionException} / {@link ExecutionException}
 * wrappers, and the one blocking wait of the library: every blocking method is this wait on its
 * asynchronous twin, so callers see the typed failure (an {@link IpmiException}, or the caller
 * error) instead of a wrapper.
 */
public final class Futures {
    private Futures() {}

    /** The real cause behind any number of CompletionException/ExecutionException wrappers. */
    public static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /**
     * The unwrapped failure as an unchecked exception to throw: itself when unchecked (an
     * {@link Error} is thrown right here), else wrapped in an {@link IpmiException}.
     */
    public static RuntimeException rethrow(Throwable e) {
        Throwable cause = unwrap(e);
        if (cause instanceof RuntimeException re) {
            return re;
        }
        if (cause instanceof Error err) {
            throw err;
        }
        return new IpmiException(String.valueOf(cause), cause);
    }

    /**
     * Waits for {@code future} and returns its value or throws its unwrapped failure. An interrupt
     * cancels the future, keeps the thread's interrupt flag and throws an
     * {@link IpmiTransportException}; a cancelled future throws an {@link IpmiException}.
     */
    public static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(false);
            throw new IpmiTransportException("interrupted while waiting for the BMC", e);
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        } catch (CancellationException e) {
            throw new IpmiException("request cancelled", e);
        }
    }

    /**
     * Waits for a close to finish, for {@code close()} methods: an interrupt stops the wait and keeps
     * the thread's interrupt flag (the session still ends on its own), a failure is rethrown unwrapped.
     */
    public static void awaitClose(CompletableFuture<Void> closed) {
        try {
            closed.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        }
    }
}
