package sunshine.audit.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import org.bouncycastle.crypto.digests.SM3Digest;

/** The chain's arithmetic: an entry's content in its fixed form, and its SM3 hash (see the package documentation). */
final class AuditChain {

    static final String GENESIS = "0".repeat(64);
    /** The recording time in a fixed form: UTC, always six decimals ({@code 2026-11-02T08:15:30.123400Z}). */
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final String VERSION = "sunshine-audit-v1";

    private AuditChain() {
    }

    static String hash(String previousHash, long seq, Instant recordedAt, String actorId, String actorRole,
                       String actorRegion, String action, String subject, String details) {
        StringBuilder content = new StringBuilder(previousHash).append(VERSION);
        field(content, Long.toString(seq));
        field(content, TIME.format(recordedAt));
        field(content, actorId);
        field(content, actorRole);
        field(content, actorRegion);
        field(content, action);
        field(content, subject);
        field(content, details);
        return sm3(content.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void field(StringBuilder content, String value) {
        String v = value == null ? "" : value;
        content.append('\n').append(v.getBytes(StandardCharsets.UTF_8).length).append(':').append(v);
    }

    static String sm3(byte[] bytes) {
        SM3Digest digest = new SM3Digest();
        digest.update(bytes, 0, bytes.length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }
}
