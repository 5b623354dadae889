package sunshine.disclosure;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * One publication of a village's list of one program: immutable once made. Its canonical text
 * ({@link NoticeFormat}) is what was hashed and signed; everything else repeats what the text says or how it was
 * sealed.
 *
 * @param villageCode     the village (12 digits)
 * @param program         the program code
 * @param version         1, 2, 3 ... per village and program
 * @param publishedAt     to the second
 * @param publisherRegion the region of the staff who published it (their town, county ...)
 * @param households      rows of the list
 * @param coveredMembers  covered members in all
 * @param monthlyTotal    the monthly amounts in all, yuan
 * @param hash            SM3 of the canonical bytes, 64 lower-case hex digits
 * @param previousHash    the previous version's hash ({@link NoticeFormat#GENESIS} for version 1)
 * @param signature       the SM2 signature of the canonical bytes, DER, in Base64
 * @param keyFingerprint  the SM3 hash of the signing public key's DER form
 * @param content         the canonical text
 * @param auditSeq        the number of the audit record entry that recorded the publication
 * @param intact          whether, when read, the text still hashes to {@code hash} and the signature verifies
 */
public record Notice(long id, String villageCode, String program, int version, Instant publishedAt,
                     String publisherRegion, int households, int coveredMembers, BigDecimal monthlyTotal,
                     String hash, String previousHash, String signature, String keyFingerprint, String content,
                     long auditSeq, boolean intact) {

    /** The canonical bytes, as downloaded. */
    public byte[] bytes() {
        return content.getBytes(StandardCharsets.UTF_8);
    }

    /** The signature's DER bytes. */
    public byte[] signatureBytes() {
        return java.util.Base64.getDecoder().decode(signature);
    }

    /** The content read back (a stored text is always canonical unless the database was changed). */
    public NoticeFormat.Content parsed() {
        try {
            return NoticeFormat.parse(content);
        } catch (NoticeFormat.FormatException e) {
            throw new IllegalStateException("a stored notice cannot be read: " + e.getMessage(), e);
        }
    }

    /** A name for downloads: {@code notice-371526100001-DIBAO_URBAN-v3}. */
    public String fileStem() {
        return "notice-" + villageCode + "-" + program + "-v" + version;
    }
}
