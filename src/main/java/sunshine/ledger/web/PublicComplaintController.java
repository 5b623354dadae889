package sunshine.ledger.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import sunshine.contract.Reason;
import sunshine.ledger.Complaint;
import sunshine.ledger.ComplaintService;
import sunshine.ledger.ComplaintStatus;
import sunshine.ledger.LedgerException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Complaints and tips from the public — no sign-in (the security configuration must leave {@code /api/public/**}
 * open and without CSRF tokens):
 * <ul>
 *   <li>{@code POST /api/public/complaints} (JSON, at most 16 KB: {@code regionCode, content, aboutName?,
 *       aboutIdNo?, program?, name?, contact?}) → 201 {@code {trackingCode}}; 429 past the per-address limit</li>
 *   <li>{@code GET /api/public/complaints/{trackingCode}} → its stage and dates (limited per address too)</li>
 * </ul>
 * The client address is the connection's (behind a proxy, configure the server to take it from the proxy's
 * header: {@code server.forward-headers-strategy}); it is used for the limits only and never stored.
 */
@RestController
@RequestMapping("/api/public/complaints")
class PublicComplaintController {

    /** The largest body accepted (the fields' own limits are far smaller). */
    static final int MAX_BODY = 16 * 1024;

    record Receipt(String trackingCode, String messageZh, String messageEn) {
    }

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final ComplaintService complaints;

    PublicComplaintController(ComplaintService complaints) {
        this.complaints = complaints;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Receipt submit(HttpServletRequest request) throws IOException {
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        if (body.length > MAX_BODY) {
            throw new LedgerException(LedgerException.Kind.TOO_LARGE, new Reason(
                    "提交的内容过大", "the request is too large (at most " + MAX_BODY / 1024 + " KB)"));
        }
        PublicForm form;
        try {
            form = JSON.readValue(body, PublicForm.class);
        } catch (RuntimeException e) {
            throw LedgerException.invalid("提交的内容格式不正确", "the request is not a complaint in JSON");
        }
        if (form == null) {
            throw LedgerException.invalid("请填写举报内容", "the complaint is empty");
        }
        String code = complaints.submitPublic(new Complaint(form.regionCode(), form.content(), form.aboutName(),
                form.aboutIdNo(), form.program(), form.name(), form.contact(), null), request.getRemoteAddr())
                .trackingCode();
        return new Receipt(code, "举报已受理，请妥善保存查询码：" + code + "（遗失后无法找回）",
                "received: keep the tracking code " + code + " (it cannot be told again)");
    }

    @GetMapping("/{trackingCode}")
    ComplaintStatus status(@PathVariable("trackingCode") String trackingCode, HttpServletRequest request) {
        return complaints.status(trackingCode, request.getRemoteAddr());
    }

    /** What the public form may send (a severity cannot be set from outside). */
    record PublicForm(String regionCode, String content, String aboutName, String aboutIdNo, String program,
                      String name, String contact) {
    }
}
