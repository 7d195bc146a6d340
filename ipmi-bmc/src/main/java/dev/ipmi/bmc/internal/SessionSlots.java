package dev.ipmi.bmc.internal;

/** Counts the sessions of one BMC across both protocols against its limit. Confined to the I/O thread. */
public final class SessionSlots {
    private final int limit;
    private int inUse;

    public SessionSlots(int limit) {
        this.limit = limit;
    }

    public boolean tryAcquire() {
        if (inUse >= limit) {
            return false;
        }
        inUse++;
        return true;
    }

    public void release() {
        if (inUse > 0) {
            inUse--;
        }
    }

    public int inUse() {
        return inUse;
    }

    public int limit() {
        return limit;
    }
}
