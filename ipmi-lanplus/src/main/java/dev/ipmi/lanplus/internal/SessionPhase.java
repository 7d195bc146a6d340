package dev.ipmi.lanplus.internal;

/** Where a {@link LanPlusMachine} is; each phase carries the data that exists in it. */
sealed interface SessionPhase {
    /** The established session of this phase, or null while logging in and after the end. */
    default EstablishedSession session() {
        return null;
    }

    /** Before verified keys: {@link LanPlusLogin} has the step. */
    record LoggingIn() implements SessionPhase {}

    /** A phase with established session keys. */
    sealed interface WithSession extends SessionPhase {
        @Override
        EstablishedSession session();
    }

    /** Keys verified, Set Session Privilege Level outstanding. */
    record SettingPrivilege(EstablishedSession session) implements WithSession {}

    record Active(EstablishedSession session) implements WithSession {}

    /** Close Session sent; ends when answered or at {@code deadline}. */
    record Closing(EstablishedSession session, long deadline) implements WithSession {}

    record Ended() implements SessionPhase {}
}
