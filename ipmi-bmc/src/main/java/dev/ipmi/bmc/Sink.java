package dev.ipmi.bmc;

import java.net.SocketAddress;

/** Where a responder puts the datagrams it wants sent; the I/O layer supplies it. */
@FunctionalInterface
public interface Sink {
    void send(SocketAddress to, byte[] datagram);
}
