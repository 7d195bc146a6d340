package dev.ipmi.gateway.bmc;

import java.time.Instant;
import java.util.Optional;

/**
 * The pool's view of one BMC.
 *
 * @param sessionOpen whether a session is open now
 * @param reachable   empty until the first call; then whether the last call reached the BMC
 * @param lastError   a one-line description of the last failure (never contains a secret)
 */
public record BmcState(boolean sessionOpen, Optional<Boolean> reachable, Optional<Instant> lastContact,
                       Optional<String> lastError) {}
