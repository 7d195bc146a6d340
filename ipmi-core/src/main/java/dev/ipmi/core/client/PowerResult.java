package dev.ipmi.core.client;

import dev.ipmi.core.commands.chassis.PowerAction;
import java.util.Objects;

/**
 * What {@code chassis().power(action)} did.
 *
 * @param action the action asked for
 * @param wasOn  the power state read before deciding
 * @param sent   false when the chassis was already in the requested state and nothing was sent
 */
public record PowerResult(PowerAction action, boolean wasOn, boolean sent) {
    public PowerResult {
        Objects.requireNonNull(action, "action");
    }
}
