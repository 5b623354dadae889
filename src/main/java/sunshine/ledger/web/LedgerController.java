package sunshine.ledger.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import sunshine.ledger.ActionRequest;
import sunshine.ledger.ClueIntake;
import sunshine.ledger.Complaint;
import sunshine.ledger.ComplaintReceipt;
import sunshine.ledger.ComplaintService;
import sunshine.ledger.Evidence;
import sunshine.ledger.EvidenceFile;
import sunshine.ledger.HistoryEntry;
import sunshine.ledger.IntakeResult;
import sunshine.ledger.LedgerItem;
import sunshine.ledger.LedgerLifeCycle;
import sunshine.ledger.LedgerQuery;
import sunshine.ledger.LedgerService;
import sunshine.ledger.LedgerSource;
import sunshine.ledger.LedgerStatus;
import sunshine.ledger.LedgerStep;
import sunshine.ledger.OutcomeRequest;
import sunshine.ledger.RectificationAction;
import sunshine.ledger.StepRequest;
import sunshine.security.Actor;

/**
 * The problem ledger over HTTP, for signed-in staff (the actor comes from {@code CurrentActor}); every answer is
 * scoped to the actor's region, refusals are JSON with a message in Chinese and English ({@link LedgerErrors}).
 * <ul>
 *   <li>{@code GET /api/ledger/items?status=&source=&rule=&region=&overdue=&limit=&offset=}: items, newest first</li>
 *   <li>{@code GET /api/ledger/items/{id}}: one item with the steps its status allows</li>
 *   <li>{@code GET /api/ledger/items/{id}/history}, {@code .../evidence}, {@code .../actions}</li>
 *   <li>{@code POST /api/ledger/items/{id}/steps} {@code {step, version, reason, townCode?, finding?,
 *       amountToRecover?}}: a step of the life cycle</li>
 *   <li>{@code POST /api/ledger/items/{id}/actions} {@code {kind, version, date, amount?, reference, body?, note?}}:
 *       a rectification action</li>
 *   <li>{@code POST /api/ledger/items/{id}/actions/{actionId}/outcome} {@code {version, outcome, date,
 *       peopleHandled}}: the outcome of a transfer to discipline inspection</li>
 *   <li>{@code POST /api/ledger/items/{id}/amount-to-recover} {@code {version, amount, reason}}</li>
 *   <li>{@code POST /api/ledger/items/{id}/evidence}: a file, as multipart ({@code file}, {@code note}) or as the
 *       raw body ({@code application/octet-stream}, {@code ?name=&note=}, streamed: refused as soon as it passes
 *       the size limit)</li>
 *   <li>{@code GET /api/ledger/items/{id}/evidence/{evidenceId}/content}: the file, as an attachment of the type
 *       its content showed</li>
 *   <li>{@code POST /api/ledger/complaints}: a complaint taken on the hotline ({@link Complaint}) → tracking code
 *       and item</li>
 *   <li>{@code POST /api/ledger/intake/{runId}}: take in a stored check run's clues again (administrators; the
 *       intake is idempotent)</li>
 * </ul>
 */
@RestController
@RequestMapping("/api/ledger")
class LedgerController {

    /** An item with what may be done to it now. */
    record ItemJson(LedgerItem item, String statusZh, List<LedgerStep> allowedSteps) {
        static ItemJson of(LedgerItem i) {
            return new ItemJson(i, i.status().labelZh(), LedgerLifeCycle.allowedSteps(i.status()));
        }
    }

    record AmountJson(long version, BigDecimal amount, String reason) {
    }

    private final LedgerService ledger;
    private final ComplaintService complaints;
    private final ClueIntake intake;
    private final Actors actors;

    LedgerController(LedgerService ledger, ComplaintService complaints, ClueIntake intake, Actors actors) {
        this.ledger = ledger;
        this.complaints = complaints;
        this.intake = intake;
        this.actors = actors;
    }

    @GetMapping("/items")
    List<LedgerItem> search(@RequestParam(value = "status", required = false) LedgerStatus status,
                            @RequestParam(value = "source", required = false) LedgerSource source,
                            @RequestParam(value = "rule", required = false) String rule,
                            @RequestParam(value = "region", required = false) String region,
                            @RequestParam(value = "overdue", required = false) Boolean overdue,
                            @RequestParam(value = "limit", required = false) Integer limit,
                            @RequestParam(value = "offset", required = false) Integer offset) {
        return ledger.search(actors.get(), new LedgerQuery(status, source, rule, region, overdue, limit, offset));
    }

    @GetMapping("/items/{id}")
    ItemJson item(@PathVariable("id") long id) {
        return ItemJson.of(ledger.get(actors.get(), id));
    }

    @GetMapping("/items/{id}/history")
    List<HistoryEntry> history(@PathVariable("id") long id) {
        return ledger.history(actors.get(), id);
    }

    @GetMapping("/items/{id}/evidence")
    List<Evidence> evidence(@PathVariable("id") long id) {
        return ledger.evidence(actors.get(), id);
    }

    @GetMapping("/items/{id}/actions")
    List<RectificationAction> actions(@PathVariable("id") long id) {
        return ledger.actions(actors.get(), id);
    }

    @PostMapping("/items/{id}/steps")
    ItemJson step(@PathVariable("id") long id, @RequestBody StepRequest request) {
        return ItemJson.of(ledger.step(actors.get(), id, request));
    }

    @PostMapping("/items/{id}/actions")
    ItemJson act(@PathVariable("id") long id, @RequestBody ActionRequest request) {
        return ItemJson.of(ledger.act(actors.get(), id, request));
    }

    @PostMapping("/items/{id}/actions/{actionId}/outcome")
    ItemJson outcome(@PathVariable("id") long id, @PathVariable("actionId") long actionId,
                     @RequestBody OutcomeRequest request) {
        return ItemJson.of(ledger.recordOutcome(actors.get(), id, actionId, request));
    }

    @PostMapping("/items/{id}/amount-to-recover")
    ItemJson amountToRecover(@PathVariable("id") long id, @RequestBody AmountJson request) {
        return ItemJson.of(ledger.changeAmountToRecover(actors.get(), id, request.version(), request.amount(),
                request.reason()));
    }

    @PostMapping(value = "/items/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Evidence uploadForm(@PathVariable("id") long id, @RequestParam("file") MultipartFile file,
                        @RequestParam(value = "note", required = false) String note) throws IOException {
        Actor actor = actors.get();
        try (InputStream in = file.getInputStream()) {
            return ledger.addEvidence(actor, id, in, file.getOriginalFilename(), note);
        }
    }

    @PostMapping(value = "/items/{id}/evidence", consumes = MediaType.APPLICATION_OCTET_STREAM_VALUE)
    Evidence uploadRaw(@PathVariable("id") long id, @RequestParam(value = "name", required = false) String name,
                       @RequestParam(value = "note", required = false) String note, HttpServletRequest request)
            throws IOException {
        Actor actor = actors.get();
        try (InputStream in = request.getInputStream()) {
            return ledger.addEvidence(actor, id, in, name, note);
        }
    }

    @GetMapping("/items/{id}/evidence/{evidenceId}/content")
    ResponseEntity<Resource> content(@PathVariable("id") long id, @PathVariable("evidenceId") long evidenceId) {
        EvidenceFile f = ledger.evidenceFile(actors.get(), id, evidenceId);
        ContentDisposition disposition = ContentDisposition.attachment()
                .filename(f.evidence().originalName(), StandardCharsets.UTF_8).build();
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("X-Content-Type-Options", "nosniff")
                .contentType(MediaType.parseMediaType(f.evidence().mediaType()))
                .contentLength(f.evidence().size())
                .body(new FileSystemResource(f.path()));
    }

    @PostMapping("/complaints")
    ComplaintReceipt hotline(@RequestBody Complaint complaint) {
        return complaints.submitHotline(actors.get(), complaint);
    }

    @PostMapping("/intake/{runId}")
    IntakeResult intake(@PathVariable("runId") long runId) {
        if (actors.get().role() != sunshine.security.Role.ADMIN) {
            throw sunshine.ledger.LedgerException.forbidden("只有系统管理员可以重新导入比对结果",
                    "only administrators take in a check run again");
        }
        return intake.intakeRun(runId);
    }
}
