package sunshine.checks.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import sunshine.checks.CheckAccessDeniedException;
import sunshine.checks.CheckException;
import sunshine.checks.CheckRun;
import sunshine.checks.CheckRunBusyException;
import sunshine.checks.CheckRunService;
import sunshine.checks.RuleInfo;
import sunshine.security.Actor;
import sunshine.security.CurrentActor;

/**
 * The check runs screen ({@code /checks}): the recent runs within the user's region, one run in detail (inputs with
 * their SM3 hashes, parameters, totals per rule, downloads), and for the users who may, the form that starts a run,
 * whose progress the page then polls ({@code /checks/runs/{id}/progress}) until the run has finished.
 */
@Controller
class CheckRunPages {

    static final int RUNS_SHOWN = 50;
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final CheckRunService checks;
    private final CurrentActor current;

    CheckRunPages(CheckRunService checks, CurrentActor current) {
        this.checks = checks;
        this.current = current;
    }

    @GetMapping("/checks")
    String page(@RequestParam(value = "run", required = false) Long runId, Model model) {
        Actor actor = current.get();
        fill(actor, runId, model);
        return "checks/runs";
    }

    /** A run's progress: while it runs, the fragment polls itself; once it has finished, the page reloads on it. */
    @GetMapping("/checks/runs/{id}/progress")
    String progress(@PathVariable("id") long id, Model model, HttpServletResponse response) {
        CheckRun run = checks.run(id, current.get()).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND));
        if (run.status() != CheckRun.Status.RUNNING) {
            response.setHeader("HX-Redirect", "/checks?run=" + id);
        }
        model.addAttribute("started", run);
        return "checks/runs :: progress";
    }

    /** Starts a run; answered with its progress (htmx), or the page with the refusal. */
    @PostMapping("/checks/runs")
    String start(@RequestParam(value = "period", required = false) String period,
                 @RequestParam(value = "lookback", required = false) String lookback,
                 @RequestHeader(value = "HX-Request", required = false) String htmx,
                 Model model, HttpServletResponse response) {
        Actor actor = current.get();
        try {
            Map<String, String> params = new LinkedHashMap<>();
            if (lookback != null && !lookback.isBlank()) {
                params.put("lookback", lookback.strip());
            }
            CheckRun run = checks.start(month(period), params, actor);
            if (htmx == null) {
                return "redirect:/checks?run=" + run.id();
            }
            model.addAttribute("started", run);
            return "checks/runs :: progress";
        } catch (CheckException e) {
            HttpStatus status = e instanceof CheckRunBusyException ? HttpStatus.CONFLICT
                    : e instanceof CheckAccessDeniedException ? HttpStatus.FORBIDDEN : HttpStatus.BAD_REQUEST;
            model.addAttribute("refusal", e.reason());
            if (htmx != null) {
                // htmx puts only successful answers in place: the refusal is a 200 carrying the message
                return "checks/runs :: refusal";
            }
            response.setStatus(status.value());
            fill(actor, null, model);
            return "checks/runs";
        }
    }

    private void fill(Actor actor, Long runId, Model model) {
        List<CheckRun> runs = checks.runs(RUNS_SHOWN, actor);
        model.addAttribute("runs", runs);
        model.addAttribute("mayStart", checks.mayStart(actor));
        model.addAttribute("defaultPeriod", YearMonth.now(BEIJING).minusMonths(1));
        model.addAttribute("defaultLookback", checks.defaultParameters().lookback());
        Map<String, String> ruleNames = new LinkedHashMap<>();
        for (RuleInfo r : checks.rules()) {
            ruleNames.put(r.code(), r.nameZh());
        }
        model.addAttribute("ruleNames", ruleNames);
        CheckRun selected = null;
        if (runId != null) {
            selected = checks.run(runId, actor).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        } else if (!runs.isEmpty()) {
            selected = checks.run(runs.get(0).id(), actor).orElse(null);
        }
        model.addAttribute("run", selected);
        if (selected != null && selected.status() == CheckRun.Status.COMPLETED) {
            model.addAttribute("summary", checks.summary(selected.id(), actor).orElse(null));
        }
        if (selected != null && selected.status() == CheckRun.Status.RUNNING) {
            model.addAttribute("started", selected);
        }
    }

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
}
