package dev.ipmi.core;

import dev.ipmi.core.types.CompletionCode;

/** The BMC answered a command with a completion code other than 00h. */
public class CompletionCodeException extends IpmiException {
    private final CommandId command;
    private final CompletionCode code;

    public CompletionCodeException(CommandId command, CompletionCode code) {
        super(command.name() + " failed: " + code);
        this.command = command;
        this.code = code;
    }

    public CommandId command() {
        return command;
    }

    public CompletionCode code() {
        return code;
    }

    /** True for the codes a caller may sensibly retry later: C0h busy, C3h timeout, D2h init in progress, CFh. */
    public boolean isRetryable() {
        return code.isRetryable();
    }
}
