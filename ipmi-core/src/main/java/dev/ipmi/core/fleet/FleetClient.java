package dev.ipmi.core.fleet;

import dev.ipmi.core.IpmiRequest;
import dev.ipmi.core.client.AsyncIpmiClient;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * One BMC of an {@link IpmiFleet}: calls on it log in when needed, reuse the session, and after a
 * lost session the next call logs in again. Never permanently dead. Cheap to obtain; every handle
 * to the same name shares the same sessions and limits.
 */
public final class FleetClient {
    private final Member member;
    private final IpmiFleet fleet;

    FleetClient(Member member, IpmiFleet fleet) {
        this.member = member;
        this.fleet = fleet;
    }

    public String name() {
        return member.name;
    }

    /** Runs {@code work} on a session to this BMC; see {@link IpmiFleet#call}. */
    public <T> CompletableFuture<T> call(Function<AsyncIpmiClient, CompletableFuture<T>> work) {
        return fleet.call(member.name, work);
    }

    /** Any modelled request. */
    public <R> CompletableFuture<R> execute(IpmiRequest<R> request) {
        return fleet.execute(member.name, request);
    }

    public BmcHealth health() {
        return member.health();
    }
}
