package dev.ipmi.core.client;

import dev.ipmi.core.commands.storage.GetFruInventoryAreaInfo;
import dev.ipmi.core.fru.FruInventory;
import dev.ipmi.core.internal.Futures;
import java.util.List;

/** FRU inventory (ipmitool's {@code fru}); waits on {@link AsyncFru}. */
public final class Fru {
    private final AsyncFru async;

    Fru(AsyncFru async) {
        this.async = async;
    }

    public GetFruInventoryAreaInfo.Response info(int fruId) {
        return Futures.await(async.info(fruId));
    }

    public byte[] read(int fruId) {
        return Futures.await(async.read(fruId));
    }

    public FruInventory inventory(int fruId) {
        return Futures.await(async.inventory(fruId));
    }

    public List<AsyncFru.Device> devices() {
        return Futures.await(async.devices());
    }

    public List<String> print(AsyncFru.Device device) {
        return Futures.await(async.print(device));
    }

    /** Returns the number of bytes written. */
    public int write(int fruId, int offset, byte[] bytes) {
        return Futures.await(async.write(fruId, offset, bytes));
    }
}
