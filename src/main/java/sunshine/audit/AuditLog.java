package sunshine.audit;

import java.util.List;
import java.util.Map;
import sunshine.security.Actor;
import sunshine.security.Role;

/**
 * The tamper-evident, append-only record of every fund movement and decision (see the package documentation for
 * the chain). Entries are only ever added.
 */
public interface AuditLog {

    /** The head of the chain: the last entry's number (0 when empty) and hash, to be kept outside the database. */
    record Head(long lastSeq, String lastHash) {
    }

    /**
     * Appends an entry; inside a transaction it commits or rolls back with it.
     *
     * @param actor   who acted
     * @param action  what happened, an upper-case code ({@code IMPORT}, {@code ID_REVEALED}, {@code CLUE_CLOSED} ...)
     * @param subject what it concerns, as {@code kind:key} ({@code household:H001})
     * @param details further facts (strings, numbers, booleans, lists, maps; no nulls needed): stored as JSON
     */
    AuditEntry record(Actor actor, String action, String subject, Map<String, ?> details);

    /**
     * Appends an entry whose actor is not (or not fully) known: a failed sign-in with an unknown name, a job of the
     * command line.
     *
     * @param role       null when unknown
     * @param regionCode null when unknown
     */
    AuditEntry record(String actorId, Role role, String regionCode, String action, String subject,
                      Map<String, ?> details);

    /** Recomputes the whole chain and names the first entry that does not fit. */
    AuditVerification verify();

    /** The head of the chain. */
    Head head();

    /**
     * The latest entries, newest first, of actors within the viewer's region (and entries of unknown actors,
     * such as failed sign-ins with an unknown name).
     *
     * @throws org.springframework.security.access.AccessDeniedException unless the viewer is audit, discipline
     *         inspection or an administrator
     */
    List<AuditEntry> recent(Actor viewer, int limit);
}
