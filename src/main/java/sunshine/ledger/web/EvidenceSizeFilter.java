package sunshine.ledger.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import sunshine.ledger.internal.LedgerSettings;

/**
 * Refuses an evidence upload whose declared length is over the evidence size limit (plus room for the multipart
 * envelope) before anything of it is read: a multipart upload would otherwise be spooled whole by the servlet
 * container before the ledger could count its bytes. Uploads without a declared length are still cut off at the
 * limit while they are stored.
 */
@Component
class EvidenceSizeFilter extends OncePerRequestFilter {

    private static final Pattern EVIDENCE = Pattern.compile(".*/api/ledger/items/\\d+/evidence/?");
    private static final long ENVELOPE = 64 * 1024;

    private final LedgerSettings settings;

    EvidenceSizeFilter(LedgerSettings settings) {
        this.settings = settings;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !EVIDENCE.matcher(request.getRequestURI()).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long max = settings.evidenceMaxBytes();
        if (request.getContentLengthLong() > max + ENVELOPE) {
            response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            response.setContentType("application/json;charset=UTF-8");
            response.setHeader("Connection", "close");
            response.getOutputStream().write(("{\"error\":\"TOO_LARGE\",\"message\":{\"zh\":\"文件超过" + max / 1024
                    + " KB的大小限制\",\"en\":\"the file exceeds the size limit of " + max / 1024 + " KB\"}}")
                    .getBytes(StandardCharsets.UTF_8));
            return;
        }
        chain.doFilter(request, response);
    }
}
