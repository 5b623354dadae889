package sunshine.payments.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/** The details of a decision as the tamper-evident audit log ({@code sunshine.audit}) records them. */
final class Audit {

    private Audit() {
    }

    static Map<String, Object> details(String from, String to, String reason, String detail) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (from != null) {
            m.put("from", from);
        }
        m.put("to", to);
        if (reason != null) {
            m.put("reason", reason);
        }
        if (detail != null) {
            m.put("detail", detail);
        }
        return m;
    }
}
