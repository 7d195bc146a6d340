package dev.ipmi.lanplus.sol;

import dev.ipmi.core.CompletionCodeException;
import dev.ipmi.core.IpmiSessionException;
import dev.ipmi.core.commands.app.ActivatePayload;
import dev.ipmi.core.commands.app.DeactivatePayload;
import dev.ipmi.core.commands.app.Payloads;
import dev.ipmi.core.commands.sol.GetSolConfigurationParameters;
import dev.ipmi.core.commands.sol.SolParameter;
import dev.ipmi.core.sol.SolAlreadyActiveException;
import java.util.Optional;

/**
 * The IPMI commands around a console's life (SOL retry parameter, Activate and Deactivate
 * Payload), with their errors mapped.
 */
final class SolPayloadCommands {
    private SolPayloadCommands() {}

    /**
     * Activate Payload.
     *
     * @throws SolAlreadyActiveException the payload is active on another session (80h)
     * @throws IpmiSessionException      SOL is disabled on the channel
     */
    static ActivatePayload.Response activate(SolTransport transport, ActivatePayload.Request request) {
        try {
            return transport.execute(request);
        } catch (CompletionCodeException e) {
            switch (e.code().code()) {
                case ActivatePayload.ALREADY_ACTIVE -> throw new SolAlreadyActiveException(request.instance());
                case ActivatePayload.PAYLOAD_DISABLED -> throw new IpmiSessionException(
                        "SOL is disabled on channel " + transport.channel() + " (SOL configuration parameter 1)");
                default -> throw e;
            }
        }
    }

    /** The BMC's SOL retry parameter, or empty when it does not say. */
    static Optional<SolParameter.Retry> readRetry(SolTransport transport) {
        try {
            return transport.execute(GetSolConfigurationParameters.Request.of(transport.channel(), SolParameter.RETRY))
                    .parameter().filter(SolParameter.Retry.class::isInstance).map(SolParameter.Retry.class::cast);
        } catch (CompletionCodeException e) {
            // 80h from ipmi_sim and others: the BMC does not say, our defaults apply
            return Optional.empty();
        }
    }

    /** Deactivate Payload for SOL {@code instance}; "already deactivated" (80h) counts as success. */
    static void deactivate(SolTransport transport, int instance) {
        try {
            transport.execute(new DeactivatePayload.Request(Payloads.SOL, instance));
        } catch (CompletionCodeException e) {
            if (e.code().code() != DeactivatePayload.ALREADY_DEACTIVATED) {
                throw e;
            }
        }
    }
}
