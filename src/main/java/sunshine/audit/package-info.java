/**
 * The tamper-evident record (留痕): an append-only list of every fund movement and decision, and of every sign-in,
 * lockout and revealed ID number, in which each entry is chained to the one before by the SM3 hash (GB/T 32905).
 *
 * <h2>Public API</h2>
 * {@link sunshine.audit.AuditLog} ({@code record}, {@code verify}, {@code recent}, {@code head}),
 * {@link sunshine.audit.AuditEntry}, {@link sunshine.audit.AuditVerification}. Other modules call {@code record}
 * directly, in the transaction of what they record, or publish an event this module listens to: the security
 * module's {@link sunshine.security.SecurityEvent} and the importer's {@link sunshine.imports.ImportCompleted}
 * (they must not depend on this module: it depends on them). REST: {@code GET /api/audit},
 * {@code GET /api/audit/verify} ({@code sunshine.audit.web}).
 *
 * <h2>The chain</h2>
 * Entry {@code n} (numbered 1, 2, 3 ... without gaps) is stored with
 * <pre>
 *   hash(n) = SM3( UTF-8( hash(n-1) + content(n) ) )        hash(0) = 64 zeros
 *   content(n) = "sunshine-audit-v1" + f(seq) + f(recorded_at) + f(actor_id) + f(actor_role) + f(actor_region)
 *                + f(action) + f(subject) + f(details)
 *   f(x) = "\n" + (length of x in UTF-8 bytes) + ":" + x          (an absent value is the empty text)
 * </pre>
 * with {@code recorded_at} in UTC with always six decimals ({@code 2026-11-02T08:15:30.123400Z}) and
 * {@code details} the JSON text exactly as stored (keys sorted). Hashes are 64 lower-case hex digits. Anyone with
 * the table and an SM3 implementation can recompute it; {@link sunshine.audit.AuditLog#verify()} does, and names
 * the first entry that does not fit. Changing any field of an entry breaks its own hash; deleting or inserting an
 * entry breaks the next one's link; cutting entries off the end is caught by {@code audit_head}, which holds the
 * last entry's number and hash.
 * <p>
 * What the chain cannot show by itself: someone with write access to the database who rewrites every entry from
 * some point on and the head too. Against that the head's hash must be kept outside the database from time to time
 * ({@link sunshine.audit.AuditLog#head()}: print it in a report, send it to the level above); a later verification
 * then shows whether the chain still leads to it.
 *
 * <h2>Appending</h2>
 * One entry at a time: a lock in the server and a row lock on {@code audit_head} (held until the transaction
 * ends), so entries of concurrent requests, and of the command line on the same database, never fork the chain.
 * An entry recorded inside a transaction commits or rolls back with it: a rolled-back import leaves no IMPORT
 * entry, and a failing record fails what it records.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit 留痕")
package sunshine.audit;
