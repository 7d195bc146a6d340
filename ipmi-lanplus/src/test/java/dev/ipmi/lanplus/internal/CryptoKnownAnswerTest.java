package dev.ipmi.lanplus.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipmi.core.wire.Hex;
import dev.ipmi.lanplus.internal.Crypto.Hash;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Known-answer tests from RFC 2202 (HMAC-SHA1/MD5), RFC 4231 (HMAC-SHA256), NIST SP 800-38A F.2.1/F.2.2. */
class CryptoKnownAnswerTest {
    static byte[] hex(String s) {
        return Hex.parse(s);
    }

    /** {@code n} bytes of {@code b}, as the RFC 2202 / 4231 test keys and data are written. */
    static byte[] repeat(int b, int n) {
        byte[] out = new byte[n];
        Arrays.fill(out, (byte) b);
        return out;
    }

    private static final byte[] HI_THERE = "Hi There".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] JEFE = "Jefe".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] WHAT = "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII);

    @Test
    void hmacSha1Rfc2202() {
        assertThat(Crypto.hmac(Hash.SHA1, repeat(0x0b, 20), HI_THERE))
                .isEqualTo(hex("b617318655057264e28bc0b6fb378c8ef146be00"));
        assertThat(Crypto.hmac(Hash.SHA1, JEFE, WHAT)).isEqualTo(hex("effcdf6ae5eb2fa2d27416d5f184df9c259a7c79"));
        assertThat(Crypto.hmac(Hash.SHA1, repeat(0xaa, 20), repeat(0xdd, 50)))
                .isEqualTo(hex("125d7342b9ac11cd91a39af48aa17b4f63f175d3"));
        assertThat(Crypto.hmac(Hash.SHA1, repeat(0xaa, 80),
                "Test Using Larger Than Block-Size Key - Hash Key First".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(hex("aa4ae5e15272d00e95705637ce8a3b55ed402112"));
    }

    @Test
    void hmacMd5Rfc2202() {
        assertThat(Crypto.hmac(Hash.MD5, repeat(0x0b, 16), HI_THERE))
                .isEqualTo(hex("9294727a3638bb1c13f48ef8158bfc9d"));
        assertThat(Crypto.hmac(Hash.MD5, JEFE, WHAT)).isEqualTo(hex("750c783e6ab0b503eaa86e310a5db738"));
        assertThat(Crypto.hmac(Hash.MD5, repeat(0xaa, 16), repeat(0xdd, 50)))
                .isEqualTo(hex("56be34521d144c88dbb8c733f0e8b3f6"));
    }

    @Test
    void hmacSha256Rfc4231() {
        assertThat(Crypto.hmac(Hash.SHA256, repeat(0x0b, 20), HI_THERE))
                .isEqualTo(hex("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"));
        assertThat(Crypto.hmac(Hash.SHA256, JEFE, WHAT))
                .isEqualTo(hex("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"));
        assertThat(Crypto.hmac(Hash.SHA256, repeat(0xaa, 20), repeat(0xdd, 50)))
                .isEqualTo(hex("773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"));
    }

    @Test
    void hmacOverPartsEqualsHmacOverConcatenation() {
        byte[] whole = Crypto.hmac(Hash.SHA1, JEFE, WHAT);
        byte[] parts = Crypto.hmac(Hash.SHA1, JEFE, Arrays.copyOf(WHAT, 5), Arrays.copyOfRange(WHAT, 5, WHAT.length));
        assertThat(parts).isEqualTo(whole);
    }

    private static final byte[] NIST_KEY = hex("2b7e151628aed2a6abf7158809cf4f3c");
    private static final byte[] NIST_IV = hex("000102030405060708090a0b0c0d0e0f");
    private static final byte[] NIST_PLAIN = hex("""
            6bc1bee22e409f96e93d7e117393172a ae2d8a571e03ac9c9eb76fac45af8e51
            30c81c46a35ce411e5fbc1191a0a52ef f69f2445df4f9b17ad2b417be66c3710""");
    private static final byte[] NIST_CIPHER = hex("""
            7649abac8119b246cee98e9b12e9197d 5086cb9b507219ee95db113a917678b2
            73bed6b8e3c1743b7116e69e22229516 3ff1caa1681fac09120eca307586e1a7""");

    @Test
    void aesCbc128EncryptNistF21() {
        assertThat(Crypto.aesCbc(true, NIST_KEY, NIST_IV, NIST_PLAIN, 0, NIST_PLAIN.length)).isEqualTo(NIST_CIPHER);
    }

    @Test
    void aesCbc128DecryptNistF22() {
        assertThat(Crypto.aesCbc(false, NIST_KEY, NIST_IV, NIST_CIPHER, 0, NIST_CIPHER.length)).isEqualTo(NIST_PLAIN);
    }

    @Test
    void macEqualsIsExactAndLengthSensitive() {
        byte[] a = hex("01 02 03 04");
        assertThat(Crypto.macEquals(a, hex("00 01 02 03 04 05"), 1, 4)).isTrue();
        assertThat(Crypto.macEquals(a, hex("00 01 02 03 05 05"), 1, 4)).isFalse();
        assertThat(Crypto.macEquals(a, hex("00 01 02 03"), 1, 4)).isFalse();
        assertThat(Crypto.macEquals(a, hex("01 02 03"), 0, 3)).isFalse();
    }
}
