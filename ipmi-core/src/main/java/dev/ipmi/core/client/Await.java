package dev.ipmi.core.client;

import dev.ipmi.core.IpmiException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** The blocking side of the facade: waits for an async result and rethrows its typed failure. */
final class Await {
    private Await() {}

    static <T> T get(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(false);
            throw new IpmiException("interrupted while waiting for the BMC", e);
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        } catch (CancellationException e) {
            throw new IpmiException("request cancelled", e);
        }
    }

    /** The failure inside {@link CompletionException} wrappers. */
    static Throwable unwrap(Throwable cause) {
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    static RuntimeException rethrow(Throwable cause) {
        cause = unwrap(cause);
        if (cause instanceof RuntimeException re) {
            return re;
        }
        if (cause instanceof Error err) {
            throw err;
        }
        return new IpmiException(String.valueOf(cause), cause);
    }
}
