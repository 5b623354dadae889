package sunshine.checks.web;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import sunshine.checks.CheckAccessDeniedException;
import sunshine.checks.CheckException;
import sunshine.checks.CheckResult.Totals;
import sunshine.checks.CheckRun;
import sunshine.checks.CheckRunBusyException;
import sunshine.checks.CheckRunProgress;
import sunshine.checks.CheckRunService;
import sunshine.checks.CheckRunSummary;
import sunshine.checks.ClueQuery;
import sunshine.checks.CluePage;
import sunshine.checks.Severity;
import sunshine.checks.StoredClue;
import sunshine.contract.Reason;
import sunshine.security.Actor;
import sunshine.security.CurrentActor;

/**
 * The check runs over HTTP, each answer within the signed-in user's region.
 * <ul>
 *   <li>{@code POST /api/checks/runs} {@code {"period":"2026-10","lookback":12,"params":{"A02.enterprise_capital":
 *       "50000"}}}: starts a run; 202 with the run (RUNNING) and its Location; 409 while another runs; 403 below
 *       county level or for read-only roles; 400 for a bad period or parameter</li>
 *   <li>{@code GET /api/checks/runs?limit=50}: recent runs, newest first</li>
 *   <li>{@code GET /api/checks/runs/{id}}: one run, with its inputs, and its progress while it runs</li>
 *   <li>{@code GET /api/checks/runs/{id}/clues?rule=A01,C01&severity=HIGH&region=371526101&variant=OVER&q=E0001
 *       &sort=amount&page=0&size=50}: a page of its clues (sort: rule, amount, amount_asc, region)</li>
 *   <li>{@code GET /api/checks/runs/{id}/summary}: totals per rule, per town and in all</li>
 *   <li>{@code GET /api/checks/runs/{id}/clues.csv}, {@code .../summary.xlsx}: downloads</li>
 * </ul>
 */
@RestController
@RequestMapping("/api/checks")
class CheckRunController {

    /** A message in both languages. */
    record Message(String zh, String en) {
        static Message of(Reason r) {
            return r == null ? null : new Message(r.zh(), r.en());
        }
    }

    /** The body of POST /runs; params values may be JSON strings, numbers or booleans. */
    record StartJson(String period, Integer lookback, Map<String, Object> params) {
    }

    record RunJson(long id, String period, int lookback, String windowFrom, String windowTo, CheckRun.Status status,
                   Message error, String errorDetail, String startedBy, OffsetDateTime startedAt,
                   OffsetDateTime finishedAt, List<String> rules, Map<String, String> parameters,
                   List<CheckRun.Input> inputs, List<String> absent, Integer clues, BigDecimal amountAtRisk,
                   BigDecimal owed, CheckRunProgress progress, Map<String, String> links) {
    }

    record ClueJson(long id, long runId, String rule, String severity, String subject, String variant,
                    String enrollmentId, String householdId, String idNo, String cardNo, String regionCode,
                    String periodFrom, String periodTo, BigDecimal amountAtRisk, BigDecimal owed, String explanation,
                    @JsonRawValue String evidence, long firstRunId, long lastRunId, int runCount) {
    }

    record PageJson(List<ClueJson> clues, long total, int page, int size, long pages) {
    }

    record TotalsJson(int clues, int critical, int high, int medium, int low, BigDecimal amountAtRisk,
                      BigDecimal owed) {
        static TotalsJson of(Totals t) {
            return new TotalsJson(t.clues(), t.critical(), t.high(), t.medium(), t.low(), t.amountAtRisk(), t.owed());
        }
    }

    record RuleJson(String rule, String name, String nameZh, TotalsJson totals) {
    }

    record TownJson(String townCode, String townName, TotalsJson totals) {
    }

    record SummaryJson(long runId, List<RuleJson> byRule, List<TownJson> byTown, TotalsJson total) {
    }

    /** Nobody is signed in (or the application has no sign-in). */
    static final class NotSignedInException extends RuntimeException {
    }

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final CheckRunService checks;
    private final ObjectProvider<CurrentActor> currentActor;

    CheckRunController(CheckRunService checks, ObjectProvider<CurrentActor> currentActor) {
        this.checks = checks;
        this.currentActor = currentActor;
    }

    /** The signed-in user; without a sign-in bean nobody is (the API is closed, never open). */
    private Actor actor() {
        CurrentActor current = currentActor.getIfAvailable();
        Actor actor = current == null ? null : current.find().orElse(null);
        if (actor == null) {
            throw new NotSignedInException();
        }
        return actor;
    }

    @PostMapping("/runs")
    ResponseEntity<RunJson> start(@RequestBody StartJson body) {
        Actor actor = actor();
        Map<String, String> params = new LinkedHashMap<>();
        if (body.params() != null) {
            body.params().forEach((k, v) -> params.put(k, v == null ? "" : v.toString()));
        }
        if (body.lookback() != null) {
            params.put("lookback", body.lookback().toString());
        }
        CheckRun run = checks.start(month(body.period()), params, actor);
        return ResponseEntity.accepted().location(URI.create("/api/checks/runs/" + run.id())).body(json(run));
    }

    @GetMapping("/runs")
    List<RunJson> runs(@RequestParam(value = "limit", defaultValue = "50") int limit) {
        return checks.runs(limit, actor()).stream().map(CheckRunController::json).toList();
    }

    @GetMapping("/runs/{id}")
    ResponseEntity<RunJson> run(@PathVariable("id") long id) {
        return ResponseEntity.of(checks.run(id, actor()).map(CheckRunController::json));
    }

    @GetMapping("/runs/{id}/clues")
    ResponseEntity<PageJson> clues(@PathVariable("id") long id,
                                   @RequestParam(value = "rule", required = false) List<String> rule,
                                   @RequestParam(value = "severity", required = false) List<String> severity,
                                   @RequestParam(value = "region", required = false) String region,
                                   @RequestParam(value = "variant", required = false) String variant,
                                   @RequestParam(value = "q", required = false) String text,
                                   @RequestParam(value = "sort", required = false) String sort,
                                   @RequestParam(value = "page", defaultValue = "0") int page,
                                   @RequestParam(value = "size", defaultValue = "" + ClueQuery.DEFAULT_SIZE) int size) {
        ClueQuery query = new ClueQuery(codes(rule), severities(severity), region, variant, text,
                ClueQuery.Sort.parse(sort), page, size);
        return ResponseEntity.of(checks.clues(id, query, actor()).map(CheckRunController::json));
    }

    @GetMapping("/runs/{id}/summary")
    ResponseEntity<SummaryJson> summary(@PathVariable("id") long id) {
        return ResponseEntity.of(checks.summary(id, actor()).map(CheckRunController::json));
    }

    @GetMapping("/runs/{id}/clues.csv")
    ResponseEntity<StreamingResponseBody> cluesCsv(@PathVariable("id") long id) {
        Actor actor = actor();
        return download(id, actor, "clues.csv", CSV, out -> checks.writeCluesCsv(id, actor, out));
    }

    @GetMapping("/runs/{id}/summary.xlsx")
    ResponseEntity<StreamingResponseBody> summaryXlsx(@PathVariable("id") long id) {
        Actor actor = actor();
        return download(id, actor, "summary.xlsx", XLSX, out -> checks.writeSummaryXlsx(id, actor, out));
    }

    private ResponseEntity<StreamingResponseBody> download(long id, Actor actor, String name, MediaType type,
                                                           StreamingResponseBody body) {
        CheckRun run = checks.run(id, actor).orElse(null);
        if (run == null) {
            return ResponseEntity.notFound().build();
        }
        if (run.status() != CheckRun.Status.COMPLETED) {
            throw new CheckException("第" + id + "号比对尚未完成或已失败，没有线索可下载",
                    "check run " + id + " has not completed: there are no clues to download");
        }
        ContentDisposition disposition = ContentDisposition.attachment()
                .filename("check-run-" + id + "-" + run.period() + "-" + name, StandardCharsets.UTF_8).build();
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString()).contentType(type)
                .body(body);
    }

    // ------------------------------------------------------------------ errors

    @ExceptionHandler(CheckRunBusyException.class)
    ResponseEntity<Map<String, Object>> busy(CheckRunBusyException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", Message.of(e.reason()));
        if (e.runningId() != null) {
            body.put("runningRun", e.runningId());
        }
        return ResponseEntity.status(HttpStatus.CONFLICT).body(body);
    }

    @ExceptionHandler(CheckAccessDeniedException.class)
    ResponseEntity<Map<String, Object>> forbidden(CheckAccessDeniedException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("message", Message.of(e.reason())));
    }

    @ExceptionHandler(CheckException.class)
    ResponseEntity<Map<String, Object>> badRequest(CheckException e) {
        return ResponseEntity.badRequest().body(Map.of("message", Message.of(e.reason())));
    }

    @ExceptionHandler(NotSignedInException.class)
    ResponseEntity<Map<String, Object>> notSignedIn() {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("message",
                new Message("请先登录", "sign in first")));
    }

    // ------------------------------------------------------------------ conversions

    private static YearMonth month(String text) {
        if (text == null || text.isBlank()) {
            throw new CheckException("请给出比对月份（如2026-10）", "the check month is required (such as 2026-10)");
        }
        try {
            return YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new CheckException("比对月份应写作2026-10：" + text, "the period is written 2026-10: " + text);
        }
    }

    private static Set<String> codes(List<String> values) {
        Set<String> out = new LinkedHashSet<>();
        if (values != null) {
            for (String v : values) {
                for (String part : v.split(",")) {
                    if (!part.isBlank()) {
                        out.add(part.strip().toUpperCase(Locale.ROOT));
                    }
                }
            }
        }
        return out;
    }

    private static Set<Severity> severities(List<String> values) {
        Set<Severity> out = new LinkedHashSet<>();
        for (String code : codes(values)) {
            try {
                out.add(Severity.valueOf(code));
            } catch (IllegalArgumentException e) {
                throw new CheckException("未知的严重程度：" + code + "（可用：CRITICAL、HIGH、MEDIUM、LOW）",
                        "unknown severity: " + code + " (known: CRITICAL, HIGH, MEDIUM, LOW)");
            }
        }
        return out;
    }

    private static RunJson json(CheckRun r) {
        String base = "/api/checks/runs/" + r.id();
        Map<String, String> links = new LinkedHashMap<>();
        links.put("self", base);
        if (r.status() == CheckRun.Status.COMPLETED) {
            links.put("clues", base + "/clues");
            links.put("summary", base + "/summary");
            links.put("cluesCsv", base + "/clues.csv");
            links.put("summaryXlsx", base + "/summary.xlsx");
        }
        return new RunJson(r.id(), r.period().toString(), r.lookback(), r.windowFrom().toString(),
                r.period().toString(), r.status(), Message.of(r.error()), r.errorDetail(), r.startedBy(),
                r.startedAt(), r.finishedAt(), r.rules(), r.parameters(), r.inputs(), r.absent(), r.clueCount(),
                r.amountAtRisk(), r.owed(), r.progress(), links);
    }

    private static PageJson json(CluePage p) {
        return new PageJson(p.clues().stream().map(CheckRunController::json).toList(), p.total(), p.page(), p.size(),
                p.pages());
    }

    private static ClueJson json(StoredClue s) {
        var c = s.clue();
        return new ClueJson(s.id(), s.runId(), c.rule(), c.severity().name(), c.subject(), c.variant(),
                c.enrollmentId(), c.householdId(), c.idNo(), c.cardNo(), c.regionCode(),
                c.periodFrom() == null ? null : c.periodFrom().toString(),
                c.periodTo() == null ? null : c.periodTo().toString(), c.amountAtRisk(), c.owed(), c.explanation(),
                c.evidence() == null || c.evidence().isBlank() ? null : c.evidence(), s.firstRunId(), s.lastRunId(),
                s.runCount());
    }

    private static SummaryJson json(CheckRunSummary s) {
        return new SummaryJson(s.runId(),
                s.byRule().stream().map(r -> new RuleJson(r.rule(), r.name(), r.nameZh(), TotalsJson.of(r.totals())))
                        .toList(),
                s.byTown().stream().map(t -> new TownJson(t.townCode(), t.townName(), TotalsJson.of(t.totals())))
                        .toList(),
                TotalsJson.of(s.total()));
    }
}
