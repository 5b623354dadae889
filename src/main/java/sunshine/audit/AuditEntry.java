package sunshine.audit;

import java.time.Instant;
import sunshine.security.Role;

/**
 * One entry of the audit record.
 *
 * @param seq          its number, 1, 2, 3 ... without gaps
 * @param recordedAt   when it was recorded (to the microsecond)
 * @param actorId      who acted (a username, {@code system}, or for a failed sign-in the name that was tried)
 * @param actorRole    their role, or null when unknown
 * @param actorRegion  the region they act within, or null when unknown
 * @param action       what happened ({@code SIGN_IN}, {@code IMPORT}, {@code ID_REVEALED} ...)
 * @param subject      what it concerns ({@code user:zhangsan}, {@code import-batch:12}, {@code household:H001})
 * @param details      further facts as JSON, keys sorted
 * @param previousHash the hash of the entry before (64 zeros for the first)
 * @param hash         SM3 of the previous hash and this entry's content (see the package documentation)
 */
public record AuditEntry(long seq, Instant recordedAt, String actorId, Role actorRole, String actorRegion,
                         String action, String subject, String details, String previousHash, String hash) {
}
