package sunshine.disclosure;

import java.util.List;
import sunshine.contract.Reason;

/**
 * The answer to "is this the list that was published?" for a file, a pasted text or a hash.
 *
 * @param outcome     the answer
 * @param notice      the publication the input is (MATCH, MATCH_AFTER_NORMALIZING, HASH_FOUND) or claims to be
 *                    (CHANGED); null otherwise
 * @param latest      the latest publication of the same village and program (to tell a superseded version), or
 *                    null
 * @param hash        the SM3 hash of the input's bytes (of the hash itself for a hash look-up)
 * @param differences what differs from the publication (CHANGED)
 * @param problem     why the input is not a notice (NOT_A_NOTICE), or null
 */
public record Verification(Outcome outcome, Notice notice, Notice latest, String hash,
                           List<Difference> differences, Reason problem) {

    public enum Outcome {
        /** byte for byte a published list */
        MATCH,
        /** the same text as a published list, but line ends or a byte order mark were changed by an editor */
        MATCH_AFTER_NORMALIZING,
        /** claims to be a publication, but its content differs from it */
        CHANGED,
        /** claims to be a publication that does not exist */
        NO_SUCH_PUBLICATION,
        /** not a notice of this platform */
        NOT_A_NOTICE,
        /** a hash that is a publication's */
        HASH_FOUND,
        /** a hash that is no publication's */
        HASH_UNKNOWN
    }

    /** Whether the input is a publication that is not the latest of its list. */
    public boolean superseded() {
        return notice != null && latest != null && latest.version() > notice.version();
    }

    /**
     * One difference.
     *
     * @param kind      a header field, or a row only in the publication, or only in the input
     * @param field     the header field's name (HEADER), or null
     * @param published what the publication says (HEADER, MISSING_ROW), or null
     * @param given     what the input says (HEADER, EXTRA_ROW), or null
     */
    public record Difference(Kind kind, String field, String published, String given) {
        public enum Kind { HEADER, MISSING_ROW, EXTRA_ROW }
    }
}
