package dev.ipmi.core.client;

/** The outcome of Set User Password's "test password" operation. */
public enum PasswordTest {
    /** Completion code 00h. */
    CORRECT,
    /** Completion code 80h: the password does not match. */
    INCORRECT,
    /** Completion code 81h: the stored password has the other size (16 vs 20 bytes). */
    WRONG_SIZE
}
