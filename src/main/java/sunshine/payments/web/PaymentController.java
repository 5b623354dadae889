package sunshine.payments.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
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
import sunshine.payments.BatchClue;
import sunshine.payments.BatchEvent;
import sunshine.payments.BatchLine;
import sunshine.payments.BatchStatus;
import sunshine.payments.Export;
import sunshine.payments.PaymentBatch;
import sunshine.payments.PaymentCycle;
import sunshine.payments.PaymentException;
import sunshine.payments.Reconciliation;
import sunshine.payments.UnpaidEnrollment;

/**
 * The payment cycle over HTTP (the actor from {@code CurrentActor}; refusals as JSON, see {@link PaymentErrors}).
 * <ul>
 *   <li>{@code GET /api/payments/layouts}: the bank layouts, code to name</li>
 *   <li>{@code POST /api/payments/batches/generate} {@code {period, townCode?}}: one town's batch, or every town's
 *       in the actor's region</li>
 *   <li>{@code GET /api/payments/batches?period=&status=&limit=}; {@code GET .../batches/{id}} and its
 *       {@code /lines}, {@code /unpaid}, {@code /clues}, {@code /history}</li>
 *   <li>{@code POST .../batches/{id}/regenerate} {@code {reason}}, {@code /confirm}, {@code /submission}
 *       (multipart {@code file}: the town's own list), {@code /precheck}, {@code /approve},
 *       {@code /export} {@code {layout?, payDate?}}, {@code /reissue}, {@code /cancel} {@code {reason}}</li>
 *   <li>{@code POST /api/payments/batches/precheck} and {@code /approve} {@code {batchIds}}: many at once (one
 *       engine run per month)</li>
 *   <li>{@code GET .../batches/{id}/bank-file?format=csv|xlsx}: the exported bank file</li>
 *   <li>{@code POST /api/payments/receipts} (multipart {@code file}, optional {@code batchId}): a bank receipt file</li>
 * </ul>
 */
@RestController
@RequestMapping("/api/payments")
class PaymentController {

    record GenerateJson(YearMonth period, String townCode) {
    }

    record IdsJson(List<String> batchIds) {
    }

    record ReasonJson(String reason) {
    }

    record ExportJson(String layout, LocalDate payDate) {
    }

    private final PaymentCycle cycle;
    private final Actors actors;

    PaymentController(PaymentCycle cycle, Actors actors) {
        this.cycle = cycle;
        this.actors = actors;
    }

    @GetMapping("/layouts")
    Map<String, String> layouts() {
        actors.get();
        return cycle.layouts();
    }

    @PostMapping("/batches/generate")
    List<PaymentBatch> generate(@RequestBody GenerateJson body) {
        if (body == null || body.period() == null) {
            throw PaymentException.invalid("请给出月份", "give the period");
        }
        if (body.townCode() == null || body.townCode().isBlank()) {
            return cycle.generateAll(actors.get(), body.period());
        }
        return cycle.generate(actors.get(), body.townCode().strip(), body.period()).map(List::of).orElse(List.of());
    }

    @GetMapping("/batches")
    List<PaymentBatch> batches(@RequestParam(required = false) YearMonth period,
                               @RequestParam(required = false) BatchStatus status,
                               @RequestParam(defaultValue = "500") int limit) {
        return cycle.batches(actors.get(), period, status, limit);
    }

    @GetMapping("/batches/{id}")
    PaymentBatch batch(@PathVariable String id) {
        return cycle.batch(actors.get(), id);
    }

    @GetMapping("/batches/{id}/lines")
    List<BatchLine> lines(@PathVariable String id) {
        return cycle.lines(actors.get(), id);
    }

    @GetMapping("/batches/{id}/unpaid")
    List<UnpaidEnrollment> unpaid(@PathVariable String id) {
        return cycle.unpaid(actors.get(), id);
    }

    @GetMapping("/batches/{id}/clues")
    List<BatchClue> clues(@PathVariable String id) {
        return cycle.clues(actors.get(), id);
    }

    @GetMapping("/batches/{id}/history")
    List<BatchEvent> history(@PathVariable String id) {
        return cycle.history(actors.get(), id);
    }

    @PostMapping("/batches/{id}/regenerate")
    PaymentBatch regenerate(@PathVariable String id, @RequestBody(required = false) ReasonJson body) {
        return cycle.regenerate(actors.get(), id, body == null ? null : body.reason());
    }

    @PostMapping("/batches/{id}/confirm")
    PaymentBatch confirm(@PathVariable String id) {
        return cycle.confirm(actors.get(), id);
    }

    @PostMapping(path = "/batches/{id}/submission", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    PaymentBatch submission(@PathVariable String id, @RequestParam("file") MultipartFile file) throws IOException {
        var actor = actors.get();
        Path tmp = spool(file);
        try {
            return cycle.upload(actor, id, tmp, file.getOriginalFilename());
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @PostMapping("/batches/{id}/precheck")
    PaymentBatch precheck(@PathVariable String id) {
        return cycle.precheck(actors.get(), id);
    }

    @PostMapping("/batches/precheck")
    List<PaymentBatch> precheckAll(@RequestBody IdsJson body) {
        return cycle.precheck(actors.get(), ids(body));
    }

    @PostMapping("/batches/{id}/approve")
    PaymentBatch approve(@PathVariable String id) {
        return cycle.approve(actors.get(), id);
    }

    @PostMapping("/batches/approve")
    List<PaymentBatch> approveAll(@RequestBody IdsJson body) {
        return cycle.approve(actors.get(), ids(body));
    }

    @PostMapping("/batches/{id}/export")
    Export export(@PathVariable String id, @RequestBody(required = false) ExportJson body) {
        return cycle.export(actors.get(), id, body == null ? null : body.layout(), body == null ? null : body.payDate());
    }

    @GetMapping("/batches/{id}/bank-file")
    ResponseEntity<Resource> bankFile(@PathVariable String id, @RequestParam(defaultValue = "csv") String format) {
        Path file = cycle.bankFile(actors.get(), id, format);
        boolean xlsx = "xlsx".equalsIgnoreCase(format);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.getFileName().toString()).build().toString())
                .contentType(xlsx ? MediaType.parseMediaType(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                        : MediaType.parseMediaType("text/csv"))
                .body(new FileSystemResource(file));
    }

    @PostMapping(path = "/receipts", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Reconciliation receipts(@RequestParam("file") MultipartFile file,
                            @RequestParam(required = false) String batchId) throws IOException {
        var actor = actors.get();
        Path tmp = spool(file);
        try {
            return cycle.importReceipts(actor, batchId == null || batchId.isBlank() ? null : batchId.strip(), tmp,
                    file.getOriginalFilename());
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @PostMapping("/batches/{id}/reissue")
    PaymentBatch reissue(@PathVariable String id) {
        return cycle.reissue(actors.get(), id);
    }

    @PostMapping("/batches/{id}/cancel")
    PaymentBatch cancel(@PathVariable String id, @RequestBody ReasonJson body) {
        return cycle.cancel(actors.get(), id, body == null ? null : body.reason());
    }

    private static List<String> ids(IdsJson body) {
        if (body == null || body.batchIds() == null || body.batchIds().isEmpty()) {
            throw PaymentException.invalid("请给出批次", "give the batches");
        }
        return body.batchIds();
    }

    /** An upload in a temporary file (never held in memory), with the upload's extension so its type is known. */
    private static Path spool(MultipartFile file) throws IOException {
        String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot).toLowerCase(java.util.Locale.ROOT);
        if (!ext.matches("\\.[a-z0-9]{1,8}")) {
            ext = "";
        }
        Path tmp = Files.createTempFile("sunshine-upload-", ext);
        try (InputStream in = file.getInputStream()) {
            Files.copy(in, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return tmp;
    }
}
