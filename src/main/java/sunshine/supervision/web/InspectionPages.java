package sunshine.supervision.web;

import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import sunshine.checks.Severity;
import sunshine.security.Actor;
import sunshine.security.Role;
import sunshine.supervision.Draw;
import sunshine.supervision.FoundProblem;
import sunshine.supervision.InspectionDetail;
import sunshine.supervision.InspectionPlan;
import sunshine.supervision.InspectionResult;
import sunshine.supervision.InspectionService;
import sunshine.supervision.Inspector;
import sunshine.supervision.NewInspection;
import sunshine.supervision.PoolTarget;
import sunshine.supervision.ResultInput;
import sunshine.supervision.Sample;
import sunshine.supervision.SupervisionException;
import sunshine.supervision.internal.SupervisionClock;
import sunshine.supervision.TargetKind;

/**
 * The screens of random inspections (双随机一公开) over {@link InspectionService}: the list, announcing a plan
 * (pools, sample size fixed or from confidence and margin), the plan's page (announcement and pool hash, the draw
 * with the beacon, the sample with each target's inspectors and the inspectors excluded as being of the target's
 * town, results, publication, links to the public replay). The service decides who may do what (county staff and
 * above organise, discipline inspection and audit look, nothing outside the user's region); the pages only leave
 * out the forms a user could not use.
 */
@Controller
class InspectionPages {

    private final InspectionService inspections;
    private final SupervisionActors actors;
    private final SupervisionClock clock;

    InspectionPages(InspectionService inspections, SupervisionActors actors, SupervisionClock clock) {
        this.inspections = inspections;
        this.actors = actors;
        this.clock = clock;
    }

    /** Whether the actor organises inspections (county staff and above, not read-only): the forms are shown. */
    static boolean organises(Actor a) {
        return a.canChange() && a.role() != Role.TOWN && a.role() != Role.VILLAGE
                && Actor.prefixOf(a.regionCode()).length() <= 6;
    }

    @ModelAttribute("organiser")
    boolean organiser() {
        return organises(actors.get());
    }

    @GetMapping("/inspections")
    String list(Model model) {
        model.addAttribute("plans", inspections.list(actors.get()));
        return "inspections/list";
    }

    @GetMapping("/inspections/new")
    String form(Model model) {
        Actor a = actors.get();
        if (!organises(a)) {
            throw new SupervisionException(SupervisionException.Kind.FORBIDDEN, "双随机抽查由县级及以上民政部门组织",
                    "random inspections are organised by county staff and above");
        }
        model.addAttribute("form", InspectionForm.blank(a.regionCode(), clock.now().toLocalDate()));
        model.addAttribute("kinds", TargetKind.values());
        return "inspections/new";
    }

    @PostMapping("/inspections")
    String create(@ModelAttribute("form") InspectionForm form, Model model) {
        try {
            InspectionPlan plan = inspections.create(actors.get(), form.toNew());
            return "redirect:/inspections/" + plan.id();
        } catch (SupervisionException e) {
            model.addAttribute("error", e.reason());
            model.addAttribute("kinds", TargetKind.values());
            return "inspections/new";
        }
    }

    @GetMapping("/inspections/{id}")
    String show(@PathVariable("id") long id, Model model) {
        InspectionDetail d = inspections.get(actors.get(), id);
        model.addAttribute("d", d);
        model.addAttribute("plan", d.plan());
        model.addAttribute("rows", rows(d));
        model.addAttribute("today", clock.now().toLocalDate());
        model.addAttribute("severities", Severity.values());
        boolean complete = d.draw() != null && d.results().size() == d.draw().assignments().size();
        model.addAttribute("complete", complete);
        return "inspections/show";
    }

    @PostMapping("/inspections/{id}/draw")
    String draw(@PathVariable("id") long id, @RequestParam("version") long version,
                @RequestParam(name = "beacon", required = false) String beacon, RedirectAttributes flash) {
        return act(id, flash, () -> inspections.draw(actors.get(), id, version, beacon));
    }

    @PostMapping("/inspections/{id}/results")
    String result(@PathVariable("id") long id, @ModelAttribute ResultForm form, RedirectAttributes flash) {
        return act(id, flash, () -> inspections.recordResult(actors.get(), id, form.toInput()));
    }

    @PostMapping("/inspections/{id}/publish")
    String publish(@PathVariable("id") long id, @RequestParam("version") long version, RedirectAttributes flash) {
        return act(id, flash, () -> inspections.publish(actors.get(), id, version));
    }

    private static String act(long id, RedirectAttributes flash, Runnable action) {
        try {
            action.run();
        } catch (SupervisionException e) {
            if (e.kind() == SupervisionException.Kind.NOT_FOUND) {
                throw e;
            }
            flash.addFlashAttribute("error", e.reason());
        }
        return "redirect:/inspections/" + id;
    }

    /** Refusals of a page: not found as the 404 page, anything else with its reason and status. */
    @ExceptionHandler(SupervisionException.class)
    String refused(SupervisionException e, HttpServletResponse response, Model model) {
        return errorPage(e, response, model);
    }

    static String errorPage(SupervisionException e, HttpServletResponse response, Model model) {
        switch (e.kind()) {
            case NOT_FOUND -> {
                response.setStatus(404);
                return "error/404";
            }
            case UNAUTHENTICATED -> {
                return "redirect:/login";
            }
            default -> {
                response.setStatus(e.httpStatus());
                model.addAttribute("reason", e.reason());
                return "error/403";
            }
        }
    }

    // ------------------------------------------------------------------ the sample as shown

    /** One sampled target: its inspectors, the inspectors excluded as being of its town, and its result. */
    record SampleRow(int order, String targetId, String regionCode, String label, List<Inspector> inspectors,
                     List<Inspector> excluded, InspectionResult result) {
    }

    static List<SampleRow> rows(InspectionDetail d) {
        if (d.draw() == null) {
            return List.of();
        }
        Map<String, Inspector> byId = new LinkedHashMap<>();
        d.inspectors().forEach(i -> byId.put(i.id(), i));
        Map<String, String> labels = new HashMap<>();
        d.targets().forEach(t -> labels.put(t.id(), t.label()));
        Map<String, InspectionResult> results = d.results().stream()
                .collect(Collectors.toMap(InspectionResult::targetId, r -> r, (a, b) -> a));
        List<SampleRow> rows = new ArrayList<>();
        for (Draw.Assignment a : d.draw().assignments()) {
            String town = town(a.regionCode());
            List<Inspector> excluded = d.inspectors().stream()
                    .filter(i -> town != null && town.equals(town(i.regionCode()))).toList();
            rows.add(new SampleRow(a.order(), a.targetId(), a.regionCode(), labels.get(a.targetId()),
                    a.inspectorIds().stream().map(byId::get).toList(), excluded, results.get(a.targetId())));
        }
        return rows;
    }

    /** The town (9-digit prefix) of a town or village code; null at county level and above. */
    static String town(String code) {
        return code == null || Actor.prefixOf(code).length() < 9 ? null : code.substring(0, 9);
    }

    // ------------------------------------------------------------------ forms

    /** The form announcing an inspection: pools one per line, comma- or tab-separated. */
    static final class InspectionForm {
        private String name;
        private String regionCode;
        private TargetKind targetKind = TargetKind.TOWN;
        private String announcement;
        private String drawDate;
        private Sample.Mode sampleMode = Sample.Mode.FIXED;
        private Integer sampleSize;
        private BigDecimal confidence = new BigDecimal("0.95");
        private BigDecimal margin = new BigDecimal("0.05");
        private Integer inspectorsPerTarget = 2;
        private String targets = "";
        private String inspectors = "";

        static InspectionForm blank(String region, LocalDate today) {
            InspectionForm f = new InspectionForm();
            f.regionCode = region;
            f.drawDate = today.toString();
            return f;
        }

        NewInspection toNew() {
            Sample sample = sampleMode == Sample.Mode.COMPUTED
                    ? new Sample(Sample.Mode.COMPUTED, null, confidence, margin, null)
                    : new Sample(Sample.Mode.FIXED, sampleSize, null, null, null);
            List<PoolTarget> pool = new ArrayList<>();
            int line = 0;
            for (String[] f : lines(targets)) {
                line++;
                if (f.length < 2) {
                    throw SupervisionException.invalid("目标库第" + line + "行应为：标识,区划代码[,名称]",
                            "target pool line " + line + " should be: id,region code[,label]");
                }
                pool.add(new PoolTarget(f[0], f[1], f.length > 2 ? f[2] : null));
            }
            List<Inspector> people = new ArrayList<>();
            line = 0;
            for (String[] f : lines(inspectors)) {
                line++;
                if (f.length < 3) {
                    throw SupervisionException.invalid("检查人员库第" + line + "行应为：工号,姓名,所在区划代码",
                            "inspector pool line " + line + " should be: id,name,region code");
                }
                people.add(new Inspector(f[0], f[1], f[2]));
            }
            return new NewInspection(name, blankToNull(regionCode), targetKind, announcement, date(drawDate), sample,
                    inspectorsPerTarget, pool, people);
        }

        private static List<String[]> lines(String text) {
            List<String[]> out = new ArrayList<>();
            if (text == null) {
                return out;
            }
            for (String l : text.split("\\R")) {
                if (!l.isBlank()) {
                    String[] f = l.strip().split("\\s*[,，\\t]\\s*");
                    out.add(f);
                }
            }
            return out;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getRegionCode() {
            return regionCode;
        }

        public void setRegionCode(String regionCode) {
            this.regionCode = regionCode;
        }

        public TargetKind getTargetKind() {
            return targetKind;
        }

        public void setTargetKind(TargetKind targetKind) {
            this.targetKind = targetKind;
        }

        public String getAnnouncement() {
            return announcement;
        }

        public void setAnnouncement(String announcement) {
            this.announcement = announcement;
        }

        public String getDrawDate() {
            return drawDate;
        }

        public void setDrawDate(String drawDate) {
            this.drawDate = drawDate;
        }

        public Sample.Mode getSampleMode() {
            return sampleMode;
        }

        public void setSampleMode(Sample.Mode sampleMode) {
            this.sampleMode = sampleMode;
        }

        public Integer getSampleSize() {
            return sampleSize;
        }

        public void setSampleSize(Integer sampleSize) {
            this.sampleSize = sampleSize;
        }

        public BigDecimal getConfidence() {
            return confidence;
        }

        public void setConfidence(BigDecimal confidence) {
            this.confidence = confidence;
        }

        public BigDecimal getMargin() {
            return margin;
        }

        public void setMargin(BigDecimal margin) {
            this.margin = margin;
        }

        public Integer getInspectorsPerTarget() {
            return inspectorsPerTarget;
        }

        public void setInspectorsPerTarget(Integer inspectorsPerTarget) {
            this.inspectorsPerTarget = inspectorsPerTarget;
        }

        public String getTargets() {
            return targets;
        }

        public void setTargets(String targets) {
            this.targets = targets;
        }

        public String getInspectors() {
            return inspectors;
        }

        public void setInspectors(String inspectors) {
            this.inspectors = inspectors;
        }
    }

    /** The form recording one sampled target's result, with at most one problem (more: again, or by REST). */
    static final class ResultForm {
        private String targetId;
        private ResultInput.Outcome outcome;
        private String inspectedOn;
        private String findings;
        private String publicSummary;
        private String rule;
        private Severity severity = Severity.MEDIUM;
        private String program;
        private BigDecimal amountAtRisk;
        private String description;

        ResultInput toInput() {
            List<FoundProblem> problems = outcome == ResultInput.Outcome.PROBLEM
                    ? List.of(new FoundProblem(rule == null || rule.isBlank() ? "OTHER" : rule.strip(), severity,
                    null, blankToNull(program), null, null, amountAtRisk, description))
                    : List.of();
            return new ResultInput(targetId, outcome, date(inspectedOn), findings, publicSummary, problems);
        }

        public String getTargetId() {
            return targetId;
        }

        public void setTargetId(String targetId) {
            this.targetId = targetId;
        }

        public ResultInput.Outcome getOutcome() {
            return outcome;
        }

        public void setOutcome(ResultInput.Outcome outcome) {
            this.outcome = outcome;
        }

        public String getInspectedOn() {
            return inspectedOn;
        }

        public void setInspectedOn(String inspectedOn) {
            this.inspectedOn = inspectedOn;
        }

        public String getFindings() {
            return findings;
        }

        public void setFindings(String findings) {
            this.findings = findings;
        }

        public String getPublicSummary() {
            return publicSummary;
        }

        public void setPublicSummary(String publicSummary) {
            this.publicSummary = publicSummary;
        }

        public String getRule() {
            return rule;
        }

        public void setRule(String rule) {
            this.rule = rule;
        }

        public Severity getSeverity() {
            return severity;
        }

        public void setSeverity(Severity severity) {
            this.severity = severity;
        }

        public String getProgram() {
            return program;
        }

        public void setProgram(String program) {
            this.program = program;
        }

        public BigDecimal getAmountAtRisk() {
            return amountAtRisk;
        }

        public void setAmountAtRisk(BigDecimal amountAtRisk) {
            this.amountAtRisk = amountAtRisk;
        }

        public String getDescription() {
            return description;
        }

        public void setDescription(String description) {
            this.description = description;
        }
    }

    /** A date as the form sends it (yyyy-MM-dd); null when blank. */
    static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw SupervisionException.invalid("日期格式应为2026-11-02：" + text, "a date looks like 2026-11-02: " + text);
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
