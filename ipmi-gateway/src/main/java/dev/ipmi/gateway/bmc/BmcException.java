package dev.ipmi.gateway.bmc;

/** A call to a BMC failed; names the BMC and where it was tried, wraps the library's exception. */
public final class BmcException extends RuntimeException {
    private final String bmc;
    private final String address;

    public BmcException(String bmc, String address, Throwable cause) {
        super(bmc + " (" + address + "): " + cause.getMessage(), cause);
        this.bmc = bmc;
        this.address = address;
    }

    public String bmc() {
        return bmc;
    }

    /** host:port */
    public String address() {
        return address;
    }
}
