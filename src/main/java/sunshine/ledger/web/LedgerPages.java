package sunshine.ledger.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;
import sunshine.checks.CheckRun;
import sunshine.checks.CheckRunService;
import sunshine.checks.CheckRunSummary;
import sunshine.checks.RuleInfo;
import sunshine.checks.Severity;
import sunshine.contract.Reason;
import sunshine.ledger.ActionKind;
import sunshine.ledger.ActionRequest;
import sunshine.ledger.LedgerException;
import sunshine.ledger.LedgerFilter;
import sunshine.ledger.LedgerItem;
import sunshine.ledger.LedgerPage;
import sunshine.ledger.LedgerService;
import sunshine.ledger.LedgerSource;
import sunshine.ledger.LedgerStatus;
import sunshine.ledger.LedgerStep;
import sunshine.ledger.OutcomeRequest;
import sunshine.ledger.RectificationAction;
import sunshine.ledger.StepRequest;
import sunshine.security.Actor;
import sunshine.security.Masking;

/**
 * The screens of the problem ledger, each within the signed-in user's region (through {@link LedgerService}):
 * <ul>
 *   <li>{@code GET /clues}: the clues of the cross-check (items of source CHECK) with filters on rule, severity,
 *       town, ledger status, program, check run, amount and text, sorted by a column, a page at a time</li>
 *   <li>{@code GET /ledger}: the work queue: every source, by status, the user's own unit's items, the overdue</li>
 *   <li>{@code GET /ledger/{id}}: one item: explanation, evidence, amounts, status and deadline, history, and forms
 *       for exactly the steps this user may take now</li>
 *   <li>{@code POST /ledger/{id}/steps|actions|actions/{a}/outcome|amount|evidence}: the changes; a refusal shows
 *       the ledger's message in Chinese and English on the item's page, with its HTTP status</li>
 * </ul>
 * An item outside the user's region is "not found" (404), exactly like one that does not exist.
 */
@Controller
class LedgerPages {

    /** The rules, runs and towns a filter form offers. */
    private static final int RUNS_OFFERED = 24;

    private final LedgerService ledger;
    private final CheckRunService checks;
    private final Actors actors;

    LedgerPages(LedgerService ledger, CheckRunService checks, Actors actors) {
        this.ledger = ledger;
        this.checks = checks;
        this.actors = actors;
    }

    // ================================================================ lists

    @GetMapping("/clues")
    String clues(@RequestParam Map<String, String> single,
                 @RequestParam(value = "rule", required = false) List<String> rule,
                 @RequestParam(value = "severity", required = false) List<String> severity,
                 @RequestParam(value = "status", required = false) List<String> status,
                 Model model, HttpServletResponse response) {
        Actor actor = actors.get();
        model.addAttribute("rules", checks.rules());
        List<CheckRun> runs = checks.runs(RUNS_OFFERED, actor);
        model.addAttribute("runs", runs);
        model.addAttribute("towns", towns(runs, actor));
        return list("clues/list", LedgerSource.CHECK, single, rule, severity, status, model, response);
    }

    @GetMapping("/ledger")
    String queue(@RequestParam Map<String, String> single,
                 @RequestParam(value = "rule", required = false) List<String> rule,
                 @RequestParam(value = "severity", required = false) List<String> severity,
                 @RequestParam(value = "status", required = false) List<String> status,
                 Model model, HttpServletResponse response) {
        Actor actor = actors.get();
        model.addAttribute("rules", checks.rules());
        model.addAttribute("towns", towns(checks.runs(RUNS_OFFERED, actor), actor));
        LedgerSource source = null;
        if (single.get("source") != null && !single.get("source").isBlank()) {
            source = parse(LedgerSource.class, single.get("source"));
        }
        model.addAttribute("sources", LedgerSource.values());
        return list("ledger/queue", source, single, rule, severity, status, model, response);
    }

    private String list(String view, LedgerSource source, Map<String, String> p, List<String> rule,
                        List<String> severity, List<String> status, Model model, HttpServletResponse response) {
        Actor actor = actors.get();
        model.addAttribute("statuses", LedgerStatus.values());
        model.addAttribute("severities", Severity.values());
        model.addAttribute("programs", List.of("DIBAO_URBAN", "DIBAO_RURAL", "TEKUN", "TEMP_ASSIST", "ORPHAN",
                "DISABILITY_LIVING", "DISABILITY_CARE"));
        model.addAttribute("p", p);
        Set<String> rules = codes(rule);
        Set<String> severities = codes(severity);
        Set<String> statuses = codes(status);
        model.addAttribute("selRules", rules);
        model.addAttribute("selSeverities", severities);
        model.addAttribute("selStatuses", statuses);
        String view2 = p.getOrDefault("view", "");
        model.addAttribute("view", view2);
        try {
            Set<Severity> sev = new LinkedHashSet<>();
            severities.forEach(s -> sev.add(parse(Severity.class, s)));
            Set<LedgerStatus> st = new LinkedHashSet<>();
            statuses.forEach(s -> st.add(parse(LedgerStatus.class, s)));
            LedgerFilter.Sort sort = LedgerFilter.Sort.parse(p.get("sort"));
            boolean descending = !"asc".equalsIgnoreCase(p.get("dir"));
            LedgerFilter filter = new LedgerFilter(source, rules, sev, st, p.get("town"), p.get("program"),
                    number(p.get("run"), Long::valueOf, "比对批次", "check run"),
                    number(p.get("min"), BigDecimal::new, "金额下限", "lowest amount"),
                    number(p.get("max"), BigDecimal::new, "金额上限", "highest amount"),
                    p.get("q"),
                    "overdue".equals(view2) ? Boolean.TRUE : null,
                    "mine".equals(view2),
                    sort, descending,
                    orElse(number(p.get("page"), Integer::valueOf, "页码", "page"), 0),
                    orElse(number(p.get("size"), Integer::valueOf, "每页条数", "page size"),
                            LedgerFilter.DEFAULT_SIZE));
            LedgerPage page = ledger.page(actor, filter);
            model.addAttribute("page", page);
            model.addAttribute("filter", filter);
        } catch (LedgerException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("error", e.reason());
            model.addAttribute("page", new LedgerPage(List.of(), 0, 0, LedgerFilter.DEFAULT_SIZE));
        }
        model.addAttribute("links", new Links(p, rules, severities, statuses));
        return view;
    }

    /** The towns of the user's region, as the latest completed run's totals list them. */
    private List<CheckRunSummary.TownTotals> towns(List<CheckRun> runs, Actor actor) {
        return runs.stream().filter(r -> r.status() == CheckRun.Status.COMPLETED).findFirst()
                .flatMap(r -> checks.summary(r.id(), actor)).map(CheckRunSummary::byTown).orElse(List.of());
    }

    /** Links of a list that keep its filters: another page, another sort. */
    public static final class Links {
        private final Map<String, String> params;
        private final Set<String> rules;
        private final Set<String> severities;
        private final Set<String> statuses;

        Links(Map<String, String> params, Set<String> rules, Set<String> severities, Set<String> statuses) {
            this.params = params;
            this.rules = rules;
            this.severities = severities;
            this.statuses = statuses;
        }

        /** The same list, on another page. */
        public String page(String path, long page) {
            return build(path, Map.of("page", Long.toString(page)));
        }

        /** The same list sorted by a column: a second click on the sorted column turns the order round. */
        public String sort(String path, String column) {
            boolean same = column.equalsIgnoreCase(params.getOrDefault("sort", "id"));
            boolean desc = !"asc".equalsIgnoreCase(params.get("dir"));
            return build(path, Map.of("sort", column, "dir", same && desc ? "asc" : "desc", "page", "0"));
        }

        /** ▲ or ▼ for the sorted column, else nothing. */
        public String mark(String column) {
            if (!column.equalsIgnoreCase(params.getOrDefault("sort", "id"))) {
                return "";
            }
            return "asc".equalsIgnoreCase(params.get("dir")) ? " ▲" : " ▼";
        }

        private String build(String path, Map<String, String> replaced) {
            UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
            params.forEach((k, v) -> {
                if (!replaced.containsKey(k) && !List.of("rule", "severity", "status", "lang").contains(k)
                        && v != null && !v.isBlank()) {
                    b.queryParam(k, v);
                }
            });
            rules.forEach(r -> b.queryParam("rule", r));
            severities.forEach(s -> b.queryParam("severity", s));
            statuses.forEach(s -> b.queryParam("status", s));
            replaced.forEach(b::queryParam);
            return b.encode().build().toUriString();
        }
    }

    // ================================================================ one item

    @GetMapping("/ledger/{id}")
    String item(@PathVariable("id") long id, Model model) {
        Actor actor = actors.get();
        try {
            fill(actor, id, model);
        } catch (LedgerException e) {
            throw notFoundOr(e);
        }
        return "ledger/item";
    }

    @PostMapping("/ledger/{id}/steps")
    String step(@PathVariable("id") long id, @RequestParam("step") String step,
                @RequestParam("version") long version,
                @RequestParam(value = "reason", required = false) String reason,
                @RequestParam(value = "townCode", required = false) String townCode,
                @RequestParam(value = "finding", required = false) String finding,
                @RequestParam(value = "amountToRecover", required = false) String amountToRecover,
                Model model, HttpServletResponse response) {
        return change(id, model, response, actor -> ledger.step(actor, id, new StepRequest(
                parse(LedgerStep.class, step), version, reason, blankToNull(townCode), finding,
                number(amountToRecover, BigDecimal::new, "应追回金额", "amount to recover"))));
    }

    @PostMapping("/ledger/{id}/actions")
    String act(@PathVariable("id") long id, @RequestParam("kind") String kind, @RequestParam("version") long version,
               @RequestParam(value = "date", required = false) String date,
               @RequestParam(value = "amount", required = false) String amount,
               @RequestParam(value = "reference", required = false) String reference,
               @RequestParam(value = "body", required = false) String body,
               @RequestParam(value = "note", required = false) String note,
               Model model, HttpServletResponse response) {
        return change(id, model, response, actor -> ledger.act(actor, id, new ActionRequest(
                parse(ActionKind.class, kind), version, date(date), number(amount, BigDecimal::new, "金额", "amount"),
                reference, blankToNull(body), blankToNull(note))));
    }

    @PostMapping("/ledger/{id}/actions/{actionId}/outcome")
    String outcome(@PathVariable("id") long id, @PathVariable("actionId") long actionId,
                   @RequestParam("version") long version,
                   @RequestParam(value = "outcome", required = false) String outcome,
                   @RequestParam(value = "date", required = false) String date,
                   @RequestParam(value = "peopleHandled", required = false) String people,
                   Model model, HttpServletResponse response) {
        return change(id, model, response, actor -> {
            Integer n = number(people, Integer::valueOf, "处理人数", "people handled");
            return ledger.recordOutcome(actor, id, actionId, new OutcomeRequest(version, outcome, date(date),
                    n == null ? 0 : n));
        });
    }

    @PostMapping("/ledger/{id}/amount")
    String amount(@PathVariable("id") long id, @RequestParam("version") long version,
                  @RequestParam(value = "amount", required = false) String amount,
                  @RequestParam(value = "reason", required = false) String reason,
                  Model model, HttpServletResponse response) {
        return change(id, model, response, actor -> ledger.changeAmountToRecover(actor, id, version,
                number(amount, BigDecimal::new, "应追回金额", "amount to recover"), reason));
    }

    /**
     * An evidence file, sent by htmx (an upload's CSRF token travels in a header only): on success the page is
     * reloaded ({@code HX-Redirect}); a refusal is answered as the message that htmx puts in place.
     */
    @PostMapping("/ledger/{id}/evidence")
    String upload(@PathVariable("id") long id, @RequestParam(value = "file", required = false) MultipartFile file,
                  @RequestParam(value = "note", required = false) String note,
                  @RequestHeader(value = "HX-Request", required = false) String htmx,
                  Model model, HttpServletResponse response) throws IOException {
        Actor actor = actors.get();
        try {
            if (file == null || file.isEmpty()) {
                throw LedgerException.invalid("请选择要上传的文件", "choose a file to upload");
            }
            try (InputStream in = file.getInputStream()) {
                ledger.addEvidence(actor, id, in, file.getOriginalFilename(), blankToNull(note));
            }
        } catch (LedgerException e) {
            if (e.kind() == LedgerException.Kind.NOT_FOUND) {
                throw notFoundOr(e);
            }
            model.addAttribute("error", e.reason());
            if (htmx != null) {
                return "ledger/item :: error";
            }
            response.setStatus(status(e).value());
            fill(actor, id, model);
            return "ledger/item";
        }
        if (htmx != null) {
            response.setHeader("HX-Redirect", "/ledger/" + id);
            return "ledger/item :: error";
        }
        return "redirect:/ledger/" + id;
    }

    /** Makes a change; then back to the item (a new GET), or the item with the refusal and its status. */
    private String change(long id, Model model, HttpServletResponse response, Function<Actor, LedgerItem> change) {
        Actor actor = actors.get();
        try {
            change.apply(actor);
            return "redirect:/ledger/" + id;
        } catch (LedgerException e) {
            if (e.kind() == LedgerException.Kind.NOT_FOUND && !isActionNotFound(e)) {
                throw notFoundOr(e);
            }
            response.setStatus(status(e).value());
            model.addAttribute("error", e.reason());
            fill(actor, id, model);
            return "ledger/item";
        }
    }

    private static boolean isActionNotFound(LedgerException e) {
        return e.reason().en().startsWith("no such transfer");
    }

    /** Everything the item's page shows. @throws LedgerException NOT_FOUND outside the user's region */
    private void fill(Actor actor, long id, Model model) {
        LedgerItem item = ledger.get(actor, id);
        model.addAttribute("item", item);
        model.addAttribute("maskedIdNo", Masking.idNumber(item.idNo()));
        model.addAttribute("maskedSubject", Masking.idNumbersIn(item.subject()));
        model.addAttribute("explanation", Masking.idNumbersIn(item.explanation()));
        model.addAttribute("history", ledger.history(actor, id));
        model.addAttribute("evidence", ledger.evidence(actor, id));
        List<RectificationAction> actions = ledger.actions(actor, id);
        model.addAttribute("actions", actions);
        model.addAttribute("steps", ledger.stepsFor(actor, item));
        model.addAttribute("mayAct", ledger.mayAct(actor, item));
        model.addAttribute("mayAttach", ledger.mayAttach(actor, item));
        model.addAttribute("mayChangeAmount", ledger.mayChangeAmount(actor, item));
        model.addAttribute("mayRecordOutcome", ledger.mayRecordOutcome(actor, item));
        model.addAttribute("actionKinds", ActionKind.values());
        List<RectificationAction> open = new ArrayList<>();
        for (RectificationAction a : actions) {
            if (a.kind() == ActionKind.DISCIPLINE_TRANSFER && a.outcome() == null) {
                open.add(a);
            }
        }
        model.addAttribute("openTransfers", open);
        Map<String, String> ruleNames = new LinkedHashMap<>();
        for (RuleInfo r : checks.rules()) {
            ruleNames.put(r.code(), r.nameZh());
        }
        model.addAttribute("ruleNames", ruleNames);
        model.addAttribute("today", LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")));
    }

    // ================================================================ conversions

    private static ResponseStatusException notFoundOr(LedgerException e) {
        return new ResponseStatusException(status(e), e.reason().en());
    }

    static HttpStatus status(LedgerException e) {
        return HttpStatus.valueOf(e.httpStatus());
    }

    /** A refusal not caught on the way (a bad filter of the work queue ...): a page with the message. */
    @ExceptionHandler(LedgerException.class)
    ModelAndView refused(LedgerException e) {
        ModelAndView page = new ModelAndView(e.kind() == LedgerException.Kind.NOT_FOUND ? "error/404"
                : "ledger/refused", status(e));
        page.addObject("error", e.reason());
        return page;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new LedgerException(LedgerException.Kind.INVALID, new Reason("无法识别：" + value,
                    "not recognised: " + value));
        }
    }

    private static <T> T number(String text, Function<String, T> parse, String zh, String en) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return parse.apply(text.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            throw LedgerException.invalid(zh + "应为数字：" + text, "the " + en + " is a number: " + text);
        }
    }

    private static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw LedgerException.invalid("日期应写作2026-11-02：" + text, "a date is written 2026-11-02: " + text);
        }
    }

    private static int orElse(Integer value, int otherwise) {
        return value == null ? otherwise : value;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
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
}
