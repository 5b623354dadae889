package sunshine.applications.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;
import sunshine.applications.Application;
import sunshine.applications.ApplicationEvent;
import sunshine.applications.ApplicationException;
import sunshine.applications.ApplicationStatus;
import sunshine.applications.Applications;
import sunshine.applications.Level;
import sunshine.applications.Requests;
import sunshine.applications.ReviewItem;
import sunshine.applications.Reviews;
import sunshine.applications.internal.Access;
import sunshine.registry.Regions;
import sunshine.security.Actor;
import tools.jackson.databind.json.JsonMapper;

/**
 * The caseworker's screens for applications (三审三公示), over {@link Applications} and {@link Reviews}:
 * <ul>
 *   <li>{@code GET /applications}: the cases of the user's region (program, status, town, overdue; paged; overdue
 *       ones red) and the enrolled households due for their periodic review</li>
 *   <li>{@code GET /applications/new}, {@code POST /applications}: a new application (a refused one comes back
 *       with every value and the reason in Chinese and English)</li>
 *   <li>{@code GET /applications/{id}}: the case: every step with its date, who took it and how long it took, the
 *       time limits, the economic check's findings, visits, notices and objections, the amount with its
 *       calculation, and forms for the steps this user may take now</li>
 *   <li>{@code POST /applications/{id}/steps/{step}}: one step (ACCEPT, CHECK, VISIT, COUNTY_VISIT, APPRAISE,
 *       NOTICE, OBJECT, COMPLAINT, TOWN_REVIEW, APPROVE, ENROLL, REJECT, NOTIFY_REFUSAL, APPEAL)</li>
 * </ul>
 * A case outside the user's region is "not found", as in the API.
 */
@Controller
@RequestMapping("/applications")
class ApplicationPages {

    static final int PAGE_SIZE = 20;
    static final List<String> PROGRAMS = List.of("DIBAO_URBAN", "DIBAO_RURAL", "TEKUN", "ORPHAN",
            "DISABILITY_LIVING", "DISABILITY_CARE");
    static final List<String> RELATIONS = List.of("HEAD", "SPOUSE", "CHILD", "PARENT", "SIBLING", "GRANDCHILD",
            "GRANDPARENT", "OTHER");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Applications applications;
    private final Reviews reviews;
    private final Actors actors;
    private final Regions regions;

    ApplicationPages(Applications applications, Reviews reviews, Actors actors, Regions regions) {
        this.applications = applications;
        this.reviews = reviews;
        this.actors = actors;
        this.regions = regions;
    }

    /** A row of the list: the case and the deadline that matters now. */
    record Row(Application a, Application.Deadline next) {
    }

    @GetMapping
    String list(@RequestParam(required = false) String program, @RequestParam(required = false) String status,
                @RequestParam(required = false) String town, @RequestParam(required = false) Boolean overdue,
                @RequestParam(defaultValue = "1") int page, Model model) {
        Actor actor = actor();
        ApplicationStatus st = parseStatus(status);
        String prog = PROGRAMS.contains(program) ? program : null;
        String townCode = town != null && town.matches("\\d{12}") ? town : null;
        List<Application> all = applications.list(actor, st, prog, Boolean.TRUE.equals(overdue) ? Boolean.TRUE : null,
                10_000);
        List<Row> rows = new ArrayList<>();
        for (Application a : all) {
            if (townCode == null || a.regionCode().startsWith(Actor.prefixOf(townCode))) {
                rows.add(new Row(a, a.deadlines().stream().filter(d -> d.metOn() == null).findFirst().orElse(null)));
            }
        }
        int pages = Math.max(1, (rows.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int p = Math.min(Math.max(page, 1), pages);
        model.addAttribute("rows", rows.subList((p - 1) * PAGE_SIZE, Math.min(rows.size(), p * PAGE_SIZE)));
        model.addAttribute("total", rows.size());
        model.addAttribute("page", p);
        model.addAttribute("pages", pages);
        model.addAttribute("program", prog);
        model.addAttribute("status", st == null ? null : st.name());
        model.addAttribute("town", townCode);
        model.addAttribute("overdue", Boolean.TRUE.equals(overdue));
        model.addAttribute("programs", PROGRAMS);
        model.addAttribute("statuses", ApplicationStatus.values());
        model.addAttribute("towns", towns(actor));
        model.addAttribute("mayApply", actor.canChange());
        List<ReviewItem> due = reviews.worklist(actor, null, 30);
        model.addAttribute("reviews", due);
        return "applications/list";
    }

    @GetMapping("/new")
    String form(Model model) {
        Actor actor = actor();
        return showForm(actor, new ApplicationForm(), null, model);
    }

    @PostMapping
    String submit(@ModelAttribute("form") ApplicationForm form, Model model, RedirectAttributes redirect) {
        Actor actor = actor();
        try {
            Application a = applications.submit(actor, form.toRequest());
            redirect.addFlashAttribute("done", "SUBMIT");
            return "redirect:/applications/" + encode(a.applicationId());
        } catch (ApplicationException e) {
            if (e.kind() == ApplicationException.Kind.FORBIDDEN) {
                throw e;
            }
            form.fill();
            return showForm(actor, form, e, model);
        }
    }

    private String showForm(Actor actor, ApplicationForm form, ApplicationException error, Model model) {
        if (!actor.canChange()) {
            throw ApplicationException.forbidden(actor.role().label() + "只能查看，不能录入申请",
                    actor.role() + " may look but not take an application");
        }
        model.addAttribute("form", form);
        model.addAttribute("error", error == null ? null : error.reason());
        model.addAttribute("programs", PROGRAMS);
        model.addAttribute("relations", RELATIONS);
        model.addAttribute("villages", villages(actor));
        return "applications/new";
    }

    @GetMapping("/{id}")
    String show(@PathVariable String id, Model model) {
        return showCase(actor(), id, null, null, new StepForm(), model);
    }

    @PostMapping("/{id}/steps/{step}")
    String step(@PathVariable String id, @PathVariable String step, @ModelAttribute("stepForm") StepForm f,
                Model model, RedirectAttributes redirect) {
        Actor actor = actor();
        try {
            switch (step) {
                case "ACCEPT" -> applications.accept(actor, id);
                case "CHECK" -> applications.check(actor, id);
                case "VISIT" -> applications.visit(actor, id, new Requests.Visit(f.day(), f.investigators(),
                        f.getFindings(), f.verifiedIncomeValue()));
                case "COUNTY_VISIT" -> applications.countyVisit(actor, id, new Requests.Visit(f.day(),
                        f.investigators(), f.getFindings(), f.verifiedIncomeValue()));
                case "APPRAISE" -> applications.appraise(actor, id, new Requests.Appraisal(f.day(), f.getOutcome()));
                case "NOTICE" -> applications.postNotice(actor, id);
                case "OBJECT" -> applications.object(actor, id, f.getText());
                case "COMPLAINT" -> applications.complain(actor, id, f.getText());
                case "TOWN_REVIEW" -> applications.townReview(actor, id, new Requests.TownReview(f.getOpinion()));
                case "APPROVE" -> applications.approve(actor, id, new Requests.Approval(f.getApproverIdNo(),
                        f.amountValue(), f.getOverrideReason(), f.stableValue()));
                case "ENROLL" -> applications.enroll(actor, id);
                case "REJECT" -> applications.reject(actor, id, f.getText());
                case "NOTIFY_REFUSAL" -> applications.notifyRefusal(actor, id, f.day());
                case "APPEAL" -> applications.appeal(actor, id, f.getText());
                default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
        } catch (ApplicationException e) {
            if (e.kind() == ApplicationException.Kind.NOT_FOUND) {
                throw e;
            }
            return showCase(actor, id, step, e, f, model);
        }
        redirect.addFlashAttribute("done", step);
        return "redirect:/applications/" + encode(id);
    }

    private String showCase(Actor actor, String id, String failedStep, ApplicationException error, StepForm form,
                            Model model) {
        Application a = applications.get(actor, id);
        List<ApplicationEvent> history = applications.history(actor, id);
        model.addAttribute("a", a);
        model.addAttribute("steps", timeline(history));
        model.addAttribute("allowed", allowed(actor, a));
        model.addAttribute("failedStep", failedStep);
        model.addAttribute("error", error == null ? null : error.reason());
        model.addAttribute("stepForm", form);
        model.addAttribute("decided", a.calculation() == null ? null : parse(a.calculation()));
        Map<String, Object> preview = null;
        String previewError = null;
        if (a.monthlyAmount() == null && !a.status().closed()) {
            try {
                preview = applications.calculation(actor, id);
            } catch (ApplicationException e) {
                previewError = e.reason().zh() + " / " + e.reason().en();
            }
        }
        model.addAttribute("preview", preview);
        model.addAttribute("previewError", previewError);
        return "applications/case";
    }

    /** One step of the history: the event and the time since the step before it. */
    record Step(ApplicationEvent event, String took) {
    }

    static List<Step> timeline(List<ApplicationEvent> history) {
        List<Step> out = new ArrayList<>();
        ApplicationEvent before = null;
        for (ApplicationEvent e : history) {
            out.add(new Step(e, before == null ? "" : took(Duration.between(before.at(), e.at()))));
            before = e;
        }
        return out;
    }

    private static String took(Duration d) {
        long days = d.toDays();
        if (days > 0) {
            return days + "d";
        }
        long hours = d.toHours();
        return hours > 0 ? hours + "h" : Math.max(0, d.toMinutes()) + "min";
    }

    /**
     * The case's next steps that this user may take: the levels {@link Applications} requires for each (a read-only
     * role takes none).
     */
    static Set<String> allowed(Actor actor, Application a) {
        Set<String> out = new TreeSet<>();
        Level level = Access.level(actor);
        if (!actor.canChange() || level == null || !actor.canSee(a.regionCode())) {
            return out;
        }
        for (String step : a.nextSteps()) {
            Level min = switch (step) {
                case "APPRAISE", "OBJECT", "COMPLAINT" -> Level.VILLAGE;
                case "NOTICE" -> a.status().ordinal() < ApplicationStatus.VILLAGE_NOTICE.ordinal() ? Level.VILLAGE
                        : Level.TOWN;
                case "COUNTY_VISIT" -> Level.COUNTY;
                case "APPROVE" -> a.approvalLevel();
                case "REJECT" -> a.status().ordinal() >= ApplicationStatus.TOWN_REVIEWED.ordinal()
                        ? a.approvalLevel() : Level.TOWN;
                default -> Level.TOWN;
            };
            if (level.ordinal() >= min.ordinal()) {
                out.add(step);
            }
        }
        return out;
    }

    private List<String> towns(Actor actor) {
        return codes(actor, "TOWN");
    }

    private List<String> villages(Actor actor) {
        return codes(actor, "VILLAGE");
    }

    private List<String> codes(Actor actor, String level) {
        List<String> out = new ArrayList<>();
        regions.levels().forEach((code, l) -> {
            if (level.equals(l) && actor.canSee(code)) {
                out.add(code);
            }
        });
        out.sort(null);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(String json) {
        try {
            return JSON.readValue(json, LinkedHashMap.class);
        } catch (RuntimeException e) {
            return Map.of("formula", json);
        }
    }

    private static ApplicationStatus parseStatus(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return ApplicationStatus.valueOf(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The signed-in user; the administrator handles no personal data. */
    private Actor actor() {
        Actor actor = actors.get();
        if (!actor.role().handlesPersonalData()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        return actor;
    }


    private static String encode(String id) {
        return UriUtils.encodePathSegment(id, java.nio.charset.StandardCharsets.UTF_8);
    }
}
