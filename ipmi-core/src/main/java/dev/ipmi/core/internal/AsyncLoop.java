package dev.ipmi.core.internal;

import dev.ipmi.core.CompletionCodeException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Runs an asynchronous step until it yields a result, without growing the stack when steps
 * complete synchronously (a fake transport, or a reply already waiting): completed steps are
 * looped over, pending ones resume the loop from their completion.
 */
public final class AsyncLoop {
    private AsyncLoop() {}

    /** Repeats {@code step} until one completes with a present value or fails. */
    public static <T> CompletableFuture<T> run(Supplier<CompletableFuture<Optional<T>>> step) {
        CompletableFuture<T> result = new CompletableFuture<>();
        drive(step, result);
        return result;
    }

    private static <T> void drive(Supplier<CompletableFuture<Optional<T>>> step, CompletableFuture<T> result) {
        while (!result.isDone()) {
            CompletableFuture<Optional<T>> f;
            try {
                f = step.get();
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
                return;
            }
            if (!f.isDone()) {
                f.whenComplete((v, e) -> {
                    if (e != null) {
                        result.completeExceptionally(Futures.unwrap(e));
                    } else if (v.isPresent()) {
                        result.complete(v.get());
                    } else {
                        drive(step, result);
                    }
                });
                return;
            }
            try {
                Optional<T> v = f.join();
                if (v.isPresent()) {
                    result.complete(v.get());
                }
            } catch (RuntimeException e) {
                result.completeExceptionally(Futures.unwrap(e));
            }
        }
    }

    /** The completion code of a failure, or -1 when it was not a completion-code failure. */
    public static int completionCode(Throwable e) {
        return Futures.unwrap(e) instanceof CompletionCodeException c ? c.code().code() : -1;
    }

    /**
     * Runs {@code request} and turns its outcome into an {@link Outcome}, so a step can branch on
     * completion codes without exceptions.
     */
    public static <R> CompletableFuture<Outcome<R>> attempt(Supplier<CompletableFuture<R>> request) {
        CompletableFuture<R> f;
        try {
            f = request.get();
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(new Outcome<>(null, e));
        }
        return f.handle((v, e) -> new Outcome<>(v, e == null ? null : Futures.unwrap(e)));
    }

    /** A value or a failure. */
    public record Outcome<R>(R value, Throwable failure) {
        public boolean ok() {
            return failure == null;
        }

        public int completionCode() {
            return failure == null ? 0 : AsyncLoop.completionCode(failure);
        }
    }
}
