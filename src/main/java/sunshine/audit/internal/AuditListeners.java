package sunshine.audit.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import sunshine.audit.AuditLog;
import sunshine.imports.ImportCompleted;
import sunshine.imports.ImportStatus;
import sunshine.security.SecurityEvent;

/**
 * What other modules announce and the audit record keeps: sign-ins, failures, lockouts, sign-outs and account
 * changes (the security module), and every import (the importer). Synchronous, in the publisher's transaction.
 */
@Component
class AuditListeners {

    static final String IMPORT = "IMPORT";
    static final String IMPORT_REJECTED = "IMPORT_REJECTED";

    private final AuditLog log;

    AuditListeners(AuditLog log) {
        this.log = log;
    }

    @EventListener
    void security(SecurityEvent e) {
        log.record(e.actorId(), e.actorRole(), e.actorRegion(), e.action(), e.subject(), e.details());
    }

    @EventListener
    void imported(ImportCompleted e) {
        List<Map<String, Object>> files = new ArrayList<>();
        for (ImportCompleted.FileOutcome f : e.files()) {
            Map<String, Object> file = new LinkedHashMap<>();
            file.put("importId", f.importId());
            file.put("dataset", f.dataset());
            file.put("file", f.fileName());
            file.put("status", f.status().name());
            file.put("rows", f.rows());
            file.put("errors", f.errors());
            file.put("sm3", f.contentHash());
            file.put("periods", f.periods());
            file.put("replaced", f.replacedImportIds());
            files.add(file);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("status", e.status().name());
        details.put("files", files);
        String action = e.status() == ImportStatus.REJECTED ? IMPORT_REJECTED : IMPORT;
        String subject = "import-batch:" + e.batchId();
        if (e.actor() != null) {
            log.record(e.actor(), action, subject, details);
        } else {
            log.record(e.user(), null, null, action, subject, details);
        }
    }
}
