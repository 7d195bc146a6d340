package dev.ipmi.core.commands.app;

/** Argument checks shared by the channel and user commands. */
final class Channels {
    private Channels() {}

    static void check(int channel) {
        if (channel < 0 || channel > 0x0F) {
            throw new IllegalArgumentException("channel number is 0..15: " + channel);
        }
    }

    static void checkUser(int userId) {
        if (userId < 0 || userId > 0x3F) {
            throw new IllegalArgumentException("user ID is 0..63: " + userId);
        }
    }
}
