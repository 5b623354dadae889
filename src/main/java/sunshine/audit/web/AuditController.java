package sunshine.audit.web;

import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import sunshine.audit.AuditEntry;
import sunshine.audit.AuditLog;
import sunshine.audit.AuditVerification;
import sunshine.security.Actor;
import sunshine.security.CurrentActor;
import sunshine.security.Role;

/**
 * The audit record over HTTP, for audit, discipline inspection and administrators:
 * <ul>
 *   <li>{@code GET /api/audit?limit=100}: the latest entries of the viewer's region, newest first</li>
 *   <li>{@code GET /api/audit/verify}: recomputes the chain; {@code intact}, and otherwise the first broken entry</li>
 *   <li>{@code GET /api/audit/head}: the last entry's number and hash, to keep outside the database</li>
 * </ul>
 */
@RestController
@RequestMapping("/api/audit")
class AuditController {

    private final AuditLog log;
    private final CurrentActor current;

    AuditController(AuditLog log, CurrentActor current) {
        this.log = log;
        this.current = current;
    }

    @GetMapping
    List<AuditEntry> recent(@RequestParam(value = "limit", defaultValue = "100") int limit) {
        return log.recent(current.get(), limit);
    }

    @GetMapping("/verify")
    AuditVerification verify() {
        auditor();
        return log.verify();
    }

    @GetMapping("/head")
    AuditLog.Head head() {
        auditor();
        return log.head();
    }

    private void auditor() {
        Actor a = current.get();
        if (!(a.role().readOnly() || a.role() == Role.ADMIN)) {
            throw new AccessDeniedException("the audit record is checked by audit, discipline inspection and "
                    + "administrators");
        }
    }
}
