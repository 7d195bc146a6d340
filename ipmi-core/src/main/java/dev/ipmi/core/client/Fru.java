package dev.ipmi.core.client;

import dev.ipmi.core.commands.storage.GetFruInventoryAreaInfo;
import dev.ipmi.core.fru.FruInventory;
import java.util.List;

/** FRU inventory (ipmitool's {@code fru}); waits on {@link AsyncFru}. */
public final class Fru {
    private final AsyncFru async;

    Fru(AsyncFru async) {
        this.async = async;
    }

    public GetFruInventoryAreaInfo.Response info(int fruId) {
        return Await.get(async.info(fruId));
    }

    public byte[] read(int fruId) {
        return Await.get(async.read(fruId));
    }

    public FruInventory inventory(int fruId) {
        return Await.get(async.inventory(fruId));
    }

    public List<AsyncFru.Device> devices() {
        return Await.get(async.devices());
    }

    public List<String> print(AsyncFru.Device device) {
        return Await.get(async.print(device));
    }

    /** Returns the number of bytes written. */
    public int write(int fruId, int offset, byte[] bytes) {
        return Await.get(async.write(fruId, offset, bytes));
    }
}
