package sunshine.imports.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import sunshine.contract.Reason;
import sunshine.imports.ImportProgress;
import sunshine.imports.ImportRequestException;
import sunshine.imports.ImportResult;
import sunshine.imports.ImportRun;
import sunshine.imports.ImportService;
import sunshine.imports.ImportStatus;
import sunshine.security.CurrentActor;

/**
 * The importer over HTTP, for signed-in users (CSRF token in the {@code X-CSRF-TOKEN} header for the upload).
 * Uploads: roles that may import ({@link sunshine.security.Role#mayImport()}), within their region (403 otherwise);
 * runs: those the user may see ({@link ImportService#recentRuns(sunshine.security.Actor, int)}); error reports:
 * see {@link ImportService#reportAccess(sunshine.security.Actor)} (403 when the run is visible but its report is
 * not, 404 when the run is not visible).
 * <ul>
 *   <li>{@code POST /api/imports} (multipart {@code file}, optional {@code dataset}): imports the file; 200 with
 *       the result when it was accepted (IMPORTED or UNCHANGED), 422 with the result when it was rejected, 400
 *       when the dataset cannot be told</li>
 *   <li>{@code GET /api/imports?limit=50}: the recent runs, newest first</li>
 *   <li>{@code GET /api/imports/{id}}: one run</li>
 *   <li>{@code GET /api/imports/{id}/errors.csv}, {@code .../errors.xlsx}: its error report</li>
 *   <li>{@code GET /api/imports/progress}: what the running import is doing (poll it during an upload)</li>
 * </ul>
 */
@RestController
@RequestMapping("/api/imports")
class ImportController {

    /** A message in both languages. */
    record Message(String zh, String en) {
        static Message of(Reason r) {
            return r == null ? null : new Message(r.zh(), r.en());
        }
    }

    record FileJson(long importId, String file, String dataset, ImportStatus status, String format,
                    String contentHash, List<String> periods, long rows, long errors, long warnings,
                    List<Long> replacedImportIds, String errorsCsv, String errorsXlsx, Message message) {
    }

    record ResultJson(long batchId, ImportStatus status, long rows, long errors, long warnings, Message message,
                      List<FileJson> files) {
    }

    record RunJson(long id, long batchId, String dataset, String fileName, long fileSize, String contentHash,
                   String format, List<String> periods, ImportStatus status, long rowCount, long errorCount,
                   long warningCount, OffsetDateTime startedAt, OffsetDateTime finishedAt, Long replacedImportId,
                   Long supersededBy, boolean archived, String errorsCsv, String errorsXlsx, Message message,
                   String importedBy, String regionCode) {
    }

    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final ImportService imports;
    private final CurrentActor current;

    ImportController(ImportService imports, CurrentActor current) {
        this.imports = imports;
        this.current = current;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ResultJson> upload(@RequestParam("file") MultipartFile file,
                                      @RequestParam(value = "dataset", required = false) String dataset)
            throws IOException {
        try (InputStream content = file.getInputStream()) {
            ImportResult result = imports.importUpload(content, file.getOriginalFilename(),
                    Optional.ofNullable(dataset), current.get());
            return ResponseEntity.status(result.accepted() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY)
                    .body(json(result));
        }
    }

    @GetMapping
    List<RunJson> recent(@RequestParam(value = "limit", defaultValue = "50") int limit) {
        return imports.recentRuns(current.get(), limit).stream().map(ImportController::json).toList();
    }

    @GetMapping("/progress")
    ImportProgress progress() {
        return imports.progress();
    }

    @GetMapping("/{id}")
    ResponseEntity<RunJson> run(@PathVariable("id") long id) {
        return imports.run(current.get(), id).map(r -> ResponseEntity.ok(json(r)))
                .orElse(ResponseEntity.notFound().build());
    }

    @GetMapping("/{id}/errors.csv")
    ResponseEntity<Resource> errorsCsv(@PathVariable("id") long id) {
        return download(id, imports.report(current.get(), id, false), "csv",
                new MediaType("text", "csv", StandardCharsets.UTF_8));
    }

    @GetMapping("/{id}/errors.xlsx")
    ResponseEntity<Resource> errorsXlsx(@PathVariable("id") long id) {
        return download(id, imports.report(current.get(), id, true), "xlsx", XLSX);
    }

    private static ResponseEntity<Resource> download(long id, Optional<Path> report, String ext, MediaType type) {
        if (report.isEmpty() || !Files.isRegularFile(report.get())) {
            return ResponseEntity.notFound().build();
        }
        ContentDisposition disposition = ContentDisposition.attachment()
                .filename("import-" + id + "-errors." + ext, StandardCharsets.UTF_8).build();
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .contentType(type)
                .body(new FileSystemResource(report.get()));
    }

    @ExceptionHandler(ImportRequestException.class)
    ResponseEntity<Map<String, Object>> badRequest(ImportRequestException e) {
        return ResponseEntity.badRequest().body(Map.of("message", Message.of(e.reason())));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Map<String, Object>> tooLarge(MaxUploadSizeExceededException e) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(Map.of("message",
                new Message("文件超过上传大小限制", "the file exceeds the upload size limit")));
    }

    private static ResultJson json(ImportResult r) {
        return new ResultJson(r.batchId(), r.status(), r.rowCount(), r.errorCount(), r.warningCount(),
                Message.of(r.message()), r.files().stream().map(f -> new FileJson(f.importId(), f.file(), f.dataset(),
                        f.status(), f.format(), f.contentHash(), f.periods(), f.rows(), f.errors(), f.warnings(),
                        f.replacedImportIds(),
                        f.reportCsv() == null ? null : "/api/imports/" + f.importId() + "/errors.csv",
                        f.reportXlsx() == null ? null : "/api/imports/" + f.importId() + "/errors.xlsx",
                        Message.of(f.message()))).toList());
    }

    private static RunJson json(ImportRun r) {
        return new RunJson(r.id(), r.batchId(), r.dataset(), r.fileName(), r.fileSize(), r.contentHash(), r.format(),
                r.periods(), r.status(), r.rowCount(), r.errorCount(), r.warningCount(), r.startedAt(),
                r.finishedAt(), r.replacedImportId(), r.supersededBy(), r.archivedFile() != null,
                r.reportCsv() == null ? null : "/api/imports/" + r.id() + "/errors.csv",
                r.reportXlsx() == null ? null : "/api/imports/" + r.id() + "/errors.xlsx",
                Message.of(r.message()), r.importedBy(), r.regionCode());
    }
}
