package sunshine.disclosure.internal;

import java.util.HexFormat;
import org.bouncycastle.crypto.digests.SM3Digest;

/** The SM3 hash (GB/T 32905) as 64 lower-case hex digits, like {@code openssl dgst -sm3} prints it. */
public final class Sm3 {

    private Sm3() {
    }

    public static String hex(byte[] bytes) {
        SM3Digest digest = new SM3Digest();
        digest.update(bytes, 0, bytes.length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }
}
