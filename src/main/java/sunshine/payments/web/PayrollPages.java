package sunshine.payments.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriUtils;
import sunshine.contract.Reason;
import sunshine.contract.RowError;
import sunshine.payments.BatchKind;
import sunshine.payments.BatchStatus;
import sunshine.payments.PaymentBatch;
import sunshine.payments.PaymentCycle;
import sunshine.payments.PaymentException;
import sunshine.payments.Reconciliation;
import sunshine.registry.RegionTree;
import sunshine.security.Actor;
import sunshine.security.Masking;
import sunshine.security.Role;

/**
 * The caseworkers' screens of the monthly payment cycle (发放), over the module's public API.
 * <ul>
 *   <li>{@code GET /payroll?period=&status=&town=&page=}: the batches of the user's region with their control totals;
 *       {@code POST /payroll/generate} {@code period, town?}</li>
 *   <li>{@code GET /payroll/{id}}: one batch: control totals beside the town's list, the payments (ID numbers
 *       masked), due enrollments not listed, the C07 and C08 findings (blocking ones marked), the failed payments,
 *       the history, and a form for each step this user may take now</li>
 *   <li>{@code POST /payroll/{id}/{step}}: confirm, upload (multipart {@code file}), precheck, approve, export,
 *       receipts (multipart {@code file}), reissue, regenerate, cancel</li>
 *   <li>{@code GET /payroll/{id}/bank-file?format=csv|xlsx}: the exported bank file</li>
 * </ul>
 * A batch outside the user's region answers 404, like one that does not exist.
 */
@Controller
class PayrollPages {

    static final int PAGE_SIZE = 30;

    private final PaymentCycle cycle;
    private final RegionTree regions;
    private final Actors actors;

    PayrollPages(PaymentCycle cycle, RegionTree regions, Actors actors) {
        this.cycle = cycle;
        this.regions = regions;
        this.actors = actors;
    }

    // ================================================================== the list

    @GetMapping("/payroll")
    String list(@RequestParam(required = false) String period, @RequestParam(required = false) String status,
                @RequestParam(required = false) String town, @RequestParam(defaultValue = "1") int page,
                @RequestParam(required = false) Integer made, Model model) {
        Actor actor = actor();
        return showList(model, actor, period, status, town, page, made, null, Map.of());
    }

    @PostMapping("/payroll/generate")
    String generate(@RequestParam Map<String, String> form, Model model) {
        Actor actor = actor();
        String period = form.get("period");
        String town = blank(form.get("town"));
        try {
            YearMonth month = month(period);
            if (month == null) {
                throw PaymentException.invalid("请给出发放月份（如 2026-12）", "give the month (e.g. 2026-12)");
            }
            List<PaymentBatch> made = town == null ? cycle.generateAll(actor, month)
                    : cycle.generate(actor, town, month).map(List::of).orElse(List.of());
            return "redirect:/payroll?period=" + month + "&made=" + made.size();
        } catch (PaymentException e) {
            if (e.kind() == PaymentException.Kind.NOT_FOUND) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            return showList(model, actor, null, null, null, 1, null, e.reason(), form);
        }
    }

    private String showList(Model model, Actor actor, String period, String status, String town, int page,
                            Integer made, Reason error, Map<String, String> values) {
        YearMonth p;
        try {
            p = month(period);
        } catch (PaymentException e) {
            p = null;
        }
        BatchStatus s = Arrays.stream(BatchStatus.values()).filter(v -> v.name().equals(status)).findFirst()
                .orElse(null);
        String t = blank(town);
        int n = Math.max(1, page);
        YearMonth month = p;
        List<PaymentBatch> found = call(() -> cycle.batches(actor, t, month, s, n * PAGE_SIZE + 1)).stream()
                .skip((long) (n - 1) * PAGE_SIZE).toList();
        boolean more = found.size() > PAGE_SIZE;
        model.addAttribute("batches", more ? found.subList(0, PAGE_SIZE) : found);
        model.addAttribute("more", more);
        model.addAttribute("page", n);
        model.addAttribute("period", p == null ? null : p.toString());
        model.addAttribute("status", s == null ? null : s.name());
        model.addAttribute("town", t);
        model.addAttribute("made", made);
        model.addAttribute("statuses", BatchStatus.values());
        List<RegionTree.Region> towns = towns(actor);
        model.addAttribute("towns", towns);
        model.addAttribute("mayGenerate", actor.canChange() && level(actor) >= 2);
        model.addAttribute("defaultPeriod", YearMonth.now(ZoneId.of("Asia/Shanghai")).toString());
        model.addAttribute("error", error);
        model.addAttribute("values", values);
        return "payroll/list";
    }

    // ================================================================== a batch

    @GetMapping("/payroll/{id}")
    String show(@PathVariable String id, @RequestParam(required = false) String done,
                @RequestParam(required = false) Integer receipts, @RequestParam(required = false) Boolean unchanged,
                @RequestParam(required = false) String reissued, Model model) {
        Actor actor = actor();
        PaymentBatch b = call(() -> cycle.batch(actor, id));
        model.addAttribute("receipts", receipts);
        model.addAttribute("unchanged", unchanged);
        model.addAttribute("reissued", reissued);
        return showBatch(model, actor, b, done, null, List.of(), null, Map.of());
    }

    @PostMapping("/payroll/{id}/{step}")
    String step(@PathVariable String id, @PathVariable String step, @RequestParam Map<String, String> form,
                @RequestParam(value = "file", required = false) MultipartFile file, Model model) throws IOException {
        Actor actor = actor();
        call(() -> cycle.batch(actor, id));
        try {
            String target = "redirect:/payroll/" + encode(id) + "?done=";
            switch (step) {
                case "confirm" -> cycle.confirm(actor, id);
                case "upload" -> withFile(file, (path, name) -> cycle.upload(actor, id, path, name));
                case "precheck" -> cycle.precheck(actor, id);
                case "approve" -> cycle.approve(actor, id);
                case "export" -> cycle.export(actor, id, blank(form.get("layout")), date(form.get("payDate")));
                case "receipts" -> {
                    Reconciliation r = withFile(file, (path, name) -> cycle.importReceipts(actor, id, path, name));
                    return target + "RECEIPTS&receipts=" + r.receipts() + "&unchanged=" + r.unchanged();
                }
                case "reissue" -> {
                    PaymentBatch made = cycle.reissue(actor, id);
                    return target + "REISSUE&reissued=" + encode(made.batchId());
                }
                case "regenerate" -> cycle.regenerate(actor, id, blank(form.get("reason")));
                case "cancel" -> cycle.cancel(actor, id, form.get("reason"));
                default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            return target + step.toUpperCase(java.util.Locale.ROOT);
        } catch (PaymentException e) {
            if (e.kind() == PaymentException.Kind.NOT_FOUND) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            PaymentBatch now = call(() -> cycle.batch(actor, id));
            return showBatch(model, actor, now, null, e.reason(), e.rows(), step, form);
        }
    }

    @GetMapping("/payroll/{id}/bank-file")
    ResponseEntity<Resource> bankFile(@PathVariable String id, @RequestParam(defaultValue = "csv") String format) {
        Actor actor = actor();
        Path file = call(() -> cycle.bankFile(actor, id, format));
        boolean xlsx = "xlsx".equalsIgnoreCase(format);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.getFileName().toString()).build().toString())
                .contentType(xlsx ? MediaType.parseMediaType(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                        : MediaType.parseMediaType("text/csv"))
                .body(new FileSystemResource(file));
    }

    private String showBatch(Model model, Actor actor, PaymentBatch b, String done, Reason error,
                             List<RowError> rows, String failedStep, Map<String, String> values) {
        String id = b.batchId();
        model.addAttribute("b", b);
        model.addAttribute("lines", cycle.lines(actor, id));
        model.addAttribute("unpaid", cycle.unpaid(actor, id));
        model.addAttribute("clues", cycle.clues(actor, id));
        model.addAttribute("history", cycle.history(actor, id));
        List<String> failed = b.status() == BatchStatus.RECONCILED ? cycle.failedPayments(id) : List.of();
        model.addAttribute("failed", failed);
        model.addAttribute("allowed", allowed(actor, b, failed));
        model.addAttribute("paid", b.status() == BatchStatus.EXPORTED || b.status() == BatchStatus.RECONCILED);
        model.addAttribute("layouts", cycle.layouts());
        model.addAttribute("townName", regions.find(b.townCode()).map(RegionTree.Region::name).orElse(b.townCode()));
        model.addAttribute("done", done);
        model.addAttribute("error", error);
        model.addAttribute("rowErrors", rows.stream().map(r -> new ShownRowError(r.row(), r.column(),
                Masking.idNumbersIn(r.value()), r.reason())).toList());
        model.addAttribute("failedStep", failedStep);
        model.addAttribute("values", values);
        return "payroll/batch";
    }

    /** A bad row of a refused file, its value masked. */
    record ShownRowError(long row, String column, String value, Reason reason) {
    }

    /** The steps the batch allows now that this user may take. */
    static List<String> allowed(Actor actor, PaymentBatch b, List<String> failed) {
        List<String> out = new ArrayList<>();
        if (!actor.canChange()) {
            return out;
        }
        int level = level(actor);
        BatchStatus s = b.status();
        boolean town = actor.role() == Role.TOWN;
        if (town && s == BatchStatus.GENERATED) {
            out.add("CONFIRM");
        }
        if (town && s.open() && b.kind() == BatchKind.REGULAR) {
            out.add("UPLOAD");
        }
        if (level >= 2 && (s == BatchStatus.SUBMITTED || s == BatchStatus.BLOCKED || s == BatchStatus.PRECHECKED)) {
            out.add("PRECHECK");
        }
        if (level >= 3 && s == BatchStatus.PRECHECKED) {
            out.add("APPROVE");
        }
        if (level >= 3 && s == BatchStatus.APPROVED) {
            out.add("EXPORT");
        }
        if (level >= 3 && (s == BatchStatus.EXPORTED || s == BatchStatus.RECONCILED)) {
            out.add("RECEIPTS");
        }
        if (level >= 3 && s == BatchStatus.RECONCILED && !failed.isEmpty()) {
            out.add("REISSUE");
        }
        if (level >= 2 && (s.open() || s == BatchStatus.CANCELLED) && b.kind() != BatchKind.REISSUE) {
            out.add("REGENERATE");
        }
        if (level >= 3 && s.open()) {
            out.add("CANCEL");
        }
        return out;
    }

    // ================================================================== small things

    private interface FileStep<T> {
        T run(Path file, String name);
    }

    /** An upload in a temporary file (never held in memory), with the upload's extension so its type is known. */
    private static <T> T withFile(MultipartFile file, FileStep<T> step) throws IOException {
        if (file == null || file.isEmpty()) {
            throw PaymentException.invalid("请选择文件", "choose a file");
        }
        String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot).toLowerCase(java.util.Locale.ROOT);
        if (!ext.matches("\\.[a-z0-9]{1,8}")) {
            ext = "";
        }
        Path tmp = Files.createTempFile("sunshine-upload-", ext);
        try {
            try (InputStream in = file.getInputStream()) {
                Files.copy(in, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            return step.run(tmp, name);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private Actor actor() {
        try {
            return actors.get();
        } catch (PaymentException e) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED);
        }
    }

    /** Runs a query; a batch outside the user's region is "not found". */
    private static <T> T call(java.util.function.Supplier<T> query) {
        try {
            return query.get();
        } catch (PaymentException e) {
            throw new ResponseStatusException(HttpStatus.valueOf(e.httpStatus()), e.reason().en());
        }
    }

    /** village 1 ... province 5; 0 for roles that are no level. */
    static int level(Actor actor) {
        return switch (actor.role()) {
            case VILLAGE -> 1;
            case TOWN -> 2;
            case COUNTY -> 3;
            case CITY -> 4;
            case PROVINCE, ADMIN -> 5;
            case DISCIPLINE, AUDIT -> 0;
        };
    }

    private List<RegionTree.Region> towns(Actor actor) {
        String prefix = actor.regionPrefix();
        if (prefix.length() >= 9) {
            return regions.find(prefix.substring(0, 9) + "000").map(List::of).orElse(List.of());
        }
        // a county's towns to choose from; a city or province types the code instead
        return prefix.length() == 6 ? regions.within(actor.regionCode(), "TOWN") : List.of();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static YearMonth month(String s) {
        String v = blank(s);
        if (v == null) {
            return null;
        }
        try {
            return YearMonth.parse(v);
        } catch (DateTimeParseException e) {
            throw PaymentException.invalid("月份格式应为 2026-12：" + v, "a month is written like 2026-12: " + v);
        }
    }

    private static LocalDate date(String s) {
        String v = blank(s);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw PaymentException.invalid("日期格式应为 2026-11-05：" + v, "a date is written like 2026-11-05: " + v);
        }
    }

    private static String encode(String id) {
        return UriUtils.encodePathSegment(id, java.nio.charset.StandardCharsets.UTF_8);
    }
}
