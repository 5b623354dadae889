package sunshine.applications.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriUtils;
import sunshine.applications.Application;
import sunshine.applications.ApplicationException;
import sunshine.applications.ApplicationStatus;
import sunshine.applications.Applications;
import sunshine.applications.Level;
import sunshine.applications.NewApplication;
import sunshine.applications.Requests;
import sunshine.applications.Rerating;
import sunshine.applications.ReviewRecord;
import sunshine.applications.Reviews;
import sunshine.registry.RegionTree;
import sunshine.security.Actor;
import tools.jackson.databind.json.JsonMapper;

/**
 * The caseworkers' screens of the application workflow (三审三公示), over the module's public API.
 * <ul>
 *   <li>{@code GET /applications?program=&status=&town=&overdue=&page=}: the cases of the user's region, paged,
 *       overdue ones red</li>
 *   <li>{@code GET /applications/new}, {@code POST /applications}: a new application (bad input re-shows the form
 *       with its values and the reason in Chinese and English)</li>
 *   <li>{@code GET /applications/{id}}: the case: every step with its date and who took it, the economic check's
 *       findings, visits, notices and objections, staff links and filings, the amount with its calculation, the
 *       time limits; a form for each step this user may take now</li>
 *   <li>{@code POST /applications/{id}/{step}}: one step (accept, check, visit, county-visit, appraisal, notice,
 *       objection, complaint, town-review, approve, enroll, reject, refusal-notified, appeal)</li>
 *   <li>{@code GET /applications/reviews}, {@code GET/POST /applications/reviews/{enrollmentId}}: the periodic
 *       review worklist and one enrollment's reviews</li>
 *   <li>{@code GET /applications/rerate?month=}, {@code POST /applications/rerate}: re-rating to a new standard,
 *       previewed, then applied by the county</li>
 * </ul>
 * A case outside the user's region answers 404, like one that does not exist. ID numbers are shown masked.
 */
@Controller
class ApplicationPages {

    static final int PAGE_SIZE = 20;
    static final List<String> PROGRAMS = List.of("DIBAO_URBAN", "DIBAO_RURAL", "TEKUN", "ORPHAN",
            "DISABILITY_LIVING", "DISABILITY_CARE");
    static final List<String> RELATIONS = List.of("HEAD", "SPOUSE", "CHILD", "PARENT", "SIBLING", "GRANDPARENT",
            "GRANDCHILD", "OTHER");
    static final List<String> OUTCOMES = List.of("CONTINUE", "ADJUST", "SUSPEND", "RESUME", "TERMINATE");
    static final int MEMBER_ROWS = 6;
    /** The form of each step (its path) and the step it takes (as {@link Application#nextSteps()} names it). */
    static final Map<String, String> STEP_ACTIONS = Map.ofEntries(Map.entry("accept", "ACCEPT"),
            Map.entry("check", "CHECK"), Map.entry("visit", "VISIT"), Map.entry("county-visit", "COUNTY_VISIT"),
            Map.entry("appraisal", "APPRAISE"), Map.entry("notice", "NOTICE"), Map.entry("objection", "OBJECT"),
            Map.entry("complaint", "COMPLAINT"), Map.entry("town-review", "TOWN_REVIEW"),
            Map.entry("approve", "APPROVE"), Map.entry("enroll", "ENROLL"), Map.entry("reject", "REJECT"),
            Map.entry("refusal-notified", "NOTIFY_REFUSAL"), Map.entry("appeal", "APPEAL"));
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Applications applications;
    private final Reviews reviews;
    private final RegionTree regions;
    private final Actors actors;

    ApplicationPages(Applications applications, Reviews reviews, RegionTree regions, Actors actors) {
        this.applications = applications;
        this.reviews = reviews;
        this.regions = regions;
        this.actors = actors;
    }

    @ModelAttribute("programs")
    List<String> programs() {
        return PROGRAMS;
    }

    // ================================================================== the list

    @GetMapping("/applications")
    String list(@RequestParam(required = false) String program, @RequestParam(required = false) String status,
                @RequestParam(required = false) String town, @RequestParam(required = false) String overdue,
                @RequestParam(defaultValue = "1") int page, Model model) {
        Actor actor = actor();
        String p = program != null && PROGRAMS.contains(program) ? program : null;
        ApplicationStatus s = parseStatus(status);
        Boolean o = "true".equals(overdue) ? Boolean.TRUE : "false".equals(overdue) ? Boolean.FALSE : null;
        String t = blank(town);
        int n = Math.max(1, page);
        List<Application> found = call(() -> applications.page(actor, t, s, p, o, (n - 1) * PAGE_SIZE,
                PAGE_SIZE + 1));
        boolean more = found.size() > PAGE_SIZE;
        model.addAttribute("cases", more ? found.subList(0, PAGE_SIZE) : found);
        model.addAttribute("more", more);
        model.addAttribute("page", n);
        model.addAttribute("program", p);
        model.addAttribute("status", s == null ? null : s.name());
        model.addAttribute("town", t);
        model.addAttribute("overdue", o == null ? null : o.toString());
        model.addAttribute("statuses", ApplicationStatus.values());
        model.addAttribute("towns", towns(actor));
        model.addAttribute("mayApply", actor.canChange() && level(actor) != null);
        return "applications/list";
    }

    // ================================================================== a new application

    @GetMapping("/applications/new")
    String newForm(Model model) {
        Actor actor = actor();
        ApplicationForm form = new ApplicationForm();
        List<RegionTree.Region> villages = villages(actor);
        if (villages.size() == 1) {
            form.setRegionCode(villages.get(0).code());
        }
        return showForm(model, form, villages, null);
    }

    @PostMapping("/applications")
    String submit(@ModelAttribute("form") ApplicationForm form, Model model) {
        Actor actor = actor();
        try {
            Application a = applications.submit(actor, form.toRequest());
            return "redirect:/applications/" + encode(a.applicationId()) + "?done=SUBMIT";
        } catch (ApplicationException e) {
            if (e.kind() == ApplicationException.Kind.FORBIDDEN) {
                throw new ResponseStatusException(HttpStatus.FORBIDDEN, e.reason().en());
            }
            return showForm(model, form, villages(actor), e.reason());
        }
    }

    private String showForm(Model model, ApplicationForm form, List<RegionTree.Region> villages, Object error) {
        form.pad(MEMBER_ROWS);
        model.addAttribute("form", form);
        model.addAttribute("villages", villages);
        model.addAttribute("relations", RELATIONS);
        model.addAttribute("error", error);
        return "applications/new";
    }

    // ================================================================== the case

    @GetMapping("/applications/{id}")
    String show(@PathVariable String id, @RequestParam(required = false) String done, Model model) {
        Actor actor = actor();
        Application a = call(() -> applications.get(actor, id));
        return showCase(model, actor, a, done, null, null, Map.of());
    }

    @PostMapping("/applications/{id}/{step}")
    String step(@PathVariable String id, @PathVariable String step, @RequestParam Map<String, String> form,
                Model model) {
        Actor actor = actor();
        call(() -> applications.get(actor, id));
        try {
            String action = switch (step) {
                case "accept" -> {
                    applications.accept(actor, id);
                    yield "ACCEPT";
                }
                case "check" -> {
                    applications.check(actor, id);
                    yield "CHECK";
                }
                case "visit" -> {
                    applications.visit(actor, id, visit(form));
                    yield "VISIT";
                }
                case "county-visit" -> {
                    applications.countyVisit(actor, id, visit(form));
                    yield "COUNTY_VISIT";
                }
                case "appraisal" -> {
                    applications.appraise(actor, id, new Requests.Appraisal(date(form.get("date")),
                            form.get("outcome")));
                    yield "APPRAISE";
                }
                case "notice" -> {
                    applications.postNotice(actor, id);
                    yield "NOTICE";
                }
                case "objection" -> {
                    applications.object(actor, id, form.get("text"));
                    yield "OBJECT";
                }
                case "complaint" -> {
                    applications.complain(actor, id, form.get("text"));
                    yield "COMPLAINT";
                }
                case "town-review" -> {
                    applications.townReview(actor, id, new Requests.TownReview(form.get("opinion")));
                    yield "TOWN_REVIEW";
                }
                case "approve" -> {
                    String stable = form.get("stable");
                    applications.approve(actor, id, new Requests.Approval(form.get("approverIdNo"),
                            money(form.get("amount"), "核定金额", "amount"), blank(form.get("overrideReason")),
                            stable == null || stable.isBlank() ? null : Boolean.valueOf(stable)));
                    yield "APPROVE";
                }
                case "enroll" -> {
                    applications.enroll(actor, id);
                    yield "ENROLL";
                }
                case "reject" -> {
                    applications.reject(actor, id, form.get("text"));
                    yield "REJECT";
                }
                case "refusal-notified" -> {
                    applications.notifyRefusal(actor, id, date(form.get("date")));
                    yield "NOTIFY_REFUSAL";
                }
                case "appeal" -> {
                    applications.appeal(actor, id, form.get("text"));
                    yield "APPEAL";
                }
                default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            };
            return "redirect:/applications/" + encode(id) + "?done=" + action;
        } catch (ApplicationException e) {
            if (e.kind() == ApplicationException.Kind.NOT_FOUND) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            Application now = call(() -> applications.get(actor, id));
            return showCase(model, actor, now, null, e.reason(), step, form);
        }
    }

    private String showCase(Model model, Actor actor, Application a, String done, Object error, String failedStep,
                            Map<String, String> values) {
        model.addAttribute("a", a);
        model.addAttribute("done", done);
        model.addAttribute("error", error);
        model.addAttribute("failedStep", failedStep);
        model.addAttribute("values", values);
        model.addAttribute("history", applications.history(actor, a.applicationId()));
        List<String> allowed = allowed(actor, a);
        model.addAttribute("allowed", allowed);
        // a refused step whose form is no longer offered: what was typed is shown, not lost
        Map<String, String> typed = new LinkedHashMap<>();
        if (failedStep != null && !allowed.contains(STEP_ACTIONS.getOrDefault(failedStep, ""))) {
            values.forEach((k, v) -> {
                if (!k.startsWith("_") && v != null && !v.isBlank()) {
                    typed.put(k, v);
                }
            });
        }
        model.addAttribute("typed", typed);
        model.addAttribute("calc", calculation(actor, a));
        model.addAttribute("calcDecided", a.calculation() != null);
        return "applications/case";
    }

    /** The amount with its calculation: as decided, or as it would be decided today. */
    private Map<String, Object> calculation(Actor actor, Application a) {
        if (a.calculation() != null) {
            try {
                @SuppressWarnings("unchecked")
                Map<String, Object> m = JSON.readValue(a.calculation(), Map.class);
                return m;
            } catch (RuntimeException e) {
                return Map.of("formula", a.calculation());
            }
        }
        if (a.status().closed()) {
            return null;
        }
        try {
            return applications.calculation(actor, a.applicationId());
        } catch (ApplicationException e) {
            return Map.of("error", e.reason());
        }
    }

    /** The steps the case allows now that this user may take (their level, their role's right to change). */
    static List<String> allowed(Actor actor, Application a) {
        Level mine = level(actor);
        List<String> out = new ArrayList<>();
        if (mine == null || !actor.canChange()) {
            return out;
        }
        for (String s : a.nextSteps()) {
            Level need = switch (s) {
                case "APPRAISE", "OBJECT", "COMPLAINT" -> Level.VILLAGE;
                case "NOTICE" -> a.status() == ApplicationStatus.VISITED || a.status() == ApplicationStatus.APPRAISED
                        ? Level.VILLAGE : Level.TOWN;
                case "COUNTY_VISIT" -> Level.COUNTY;
                case "APPROVE" -> a.approvalLevel();
                case "REJECT" -> a.status().ordinal() >= ApplicationStatus.TOWN_REVIEWED.ordinal()
                        ? a.approvalLevel() : Level.TOWN;
                default -> Level.TOWN;
            };
            if (mine.ordinal() >= need.ordinal() && !out.contains(s)) {
                out.add(s);
            }
        }
        return out;
    }

    // ================================================================== periodic reviews

    @GetMapping("/applications/reviews")
    String worklist(@RequestParam(defaultValue = "30") int horizonDays, Model model) {
        Actor actor = actor();
        int days = Math.min(Math.max(horizonDays, 0), 3660);
        List<sunshine.applications.ReviewItem> items = call(() -> reviews.worklist(actor, null, days));
        model.addAttribute("items", items);
        model.addAttribute("horizonDays", days);
        return "applications/reviews";
    }

    @GetMapping("/applications/reviews/{enrollmentId}")
    String enrollmentReviews(@PathVariable String enrollmentId, @RequestParam(required = false) String done,
                             Model model) {
        return showReviews(model, actor(), enrollmentId, done, null, Map.of());
    }

    @PostMapping("/applications/reviews/{enrollmentId}")
    String review(@PathVariable String enrollmentId, @RequestParam Map<String, String> form, Model model) {
        Actor actor = actor();
        call(() -> reviews.reviews(actor, enrollmentId));
        try {
            String stable = form.get("stable");
            String end = blank(form.get("endMonth"));
            YearMonth endMonth;
            try {
                endMonth = end == null ? null : YearMonth.parse(end);
            } catch (DateTimeParseException e) {
                throw ApplicationException.invalid("终止月份格式应为 2026-12：" + end,
                        "the last month is written like 2026-12: " + end);
            }
            reviews.review(actor, enrollmentId, new ReviewRecord.Request(form.get("outcome"), form.get("reason"),
                    money(form.get("amount"), "新金额", "new amount"), endMonth,
                    stable == null || stable.isBlank() ? null : Boolean.valueOf(stable)));
            return "redirect:/applications/reviews/" + encode(enrollmentId) + "?done=REVIEW";
        } catch (ApplicationException e) {
            if (e.kind() == ApplicationException.Kind.NOT_FOUND) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            return showReviews(model, actor, enrollmentId, null, e.reason(), form);
        }
    }

    // ================================================================== re-rating to a new standard

    /** A preview: which amounts a new standard from {@code month} changes, and which need a person to look. */
    @GetMapping("/applications/rerate")
    String rerating(@RequestParam(required = false) String month, Model model) {
        Actor actor = actor();
        if (blank(month) == null) {
            return showRerating(model, actor, null, null, false, null);
        }
        try {
            YearMonth m = month(month);
            return showRerating(model, actor, month, call(() -> reviews.rerate(actor, m, false)), false, null);
        } catch (ApplicationException e) {
            return showRerating(model, actor, month, null, false, e.reason());
        }
    }

    /** Brings the amounts that followed the formula to the standard of {@code month} (county level). */
    @PostMapping("/applications/rerate")
    String rerate(@RequestParam(required = false) String month, Model model) {
        Actor actor = actor();
        YearMonth m;
        try {
            m = month(month);
        } catch (ApplicationException e) {
            return showRerating(model, actor, month, null, false, e.reason());
        }
        return showRerating(model, actor, month, call(() -> reviews.rerate(actor, m, true)), true, null);
    }

    private String showRerating(Model model, Actor actor, String month, List<Rerating> rows, boolean applied,
                                Object error) {
        model.addAttribute("month", month);
        model.addAttribute("rows", rows);
        model.addAttribute("applied", applied);
        model.addAttribute("appliedCount", rows == null ? 0 : rows.stream().filter(Rerating::applied).count());
        model.addAttribute("error", error);
        Level mine = level(actor);
        model.addAttribute("mayApply", actor.canChange() && mine != null && mine.ordinal() >= Level.COUNTY.ordinal());
        return "applications/rerate";
    }

    private static YearMonth month(String text) {
        try {
            return YearMonth.parse(text == null ? "" : text.strip());
        } catch (DateTimeParseException e) {
            throw ApplicationException.invalid("月份格式应为 2027-01：" + text, "a month is written like 2027-01: " + text);
        }
    }

    private String showReviews(Model model, Actor actor, String enrollmentId, String done, Object error,
                               Map<String, String> values) {
        model.addAttribute("enrollmentId", enrollmentId);
        model.addAttribute("records", call(() -> reviews.reviews(actor, enrollmentId)));
        model.addAttribute("done", done);
        model.addAttribute("error", error);
        model.addAttribute("values", values);
        model.addAttribute("outcomes", OUTCOMES);
        Level mine = level(actor);
        model.addAttribute("mayReview", actor.canChange() && mine != null && mine.ordinal() >= Level.TOWN.ordinal());
        return "applications/review";
    }

    // ================================================================== small things

    private Actor actor() {
        try {
            return actors.get();
        } catch (ApplicationException e) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED);
        }
    }

    /** Runs a query; a case outside the user's region is "not found", a refused role is "forbidden". */
    private static <T> T call(java.util.function.Supplier<T> query) {
        try {
            return query.get();
        } catch (ApplicationException e) {
            throw new ResponseStatusException(HttpStatus.valueOf(e.httpStatus()), e.reason().en());
        }
    }

    static Level level(Actor actor) {
        return switch (actor.role()) {
            case VILLAGE -> Level.VILLAGE;
            case TOWN -> Level.TOWN;
            case COUNTY -> Level.COUNTY;
            case CITY -> Level.CITY;
            case PROVINCE, ADMIN -> Level.PROVINCE;
            case DISCIPLINE, AUDIT -> null;
        };
    }

    /** The towns to choose from: a county's and below (a city or province types the code instead). */
    private List<RegionTree.Region> towns(Actor actor) {
        String prefix = actor.regionPrefix();
        if (prefix.length() >= 9) {
            return regions.find(prefix.substring(0, 9) + "000").map(List::of).orElse(List.of());
        }
        return prefix.length() == 6 ? regions.within(actor.regionCode(), "TOWN") : List.of();
    }

    /** The villages to choose from: a county's and below (a city or province types the code instead). */
    private List<RegionTree.Region> villages(Actor actor) {
        if (actor.regionPrefix().length() == 12) {
            return regions.find(actor.regionCode()).map(List::of).orElse(List.of());
        }
        return actor.regionPrefix().length() >= 6 ? regions.within(actor.regionCode(), "VILLAGE") : List.of();
    }

    private static ApplicationStatus parseStatus(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        return Arrays.stream(ApplicationStatus.values()).filter(v -> v.name().equals(s)).findFirst().orElse(null);
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static BigDecimal money(String s, String whatZh, String whatEn) {
        String v = blank(s);
        if (v == null) {
            return null;
        }
        try {
            BigDecimal d = new BigDecimal(v.replace(",", "").replace("，", ""));
            if (d.scale() > 2) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw ApplicationException.invalid(whatZh + "应为金额（元，最多两位小数）：" + v,
                    "the " + whatEn + " must be an amount in yuan with at most two decimals: " + v);
        }
    }

    static LocalDate date(String s) {
        String v = blank(s);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw ApplicationException.invalid("日期格式应为 2026-11-02：" + v, "a date is written like 2026-11-02: " + v);
        }
    }

    private static Requests.Visit visit(Map<String, String> form) {
        List<String> investigators = new ArrayList<>();
        for (String key : List.of("investigator1", "investigator2", "investigator3")) {
            String v = blank(form.get(key));
            if (v != null) {
                investigators.add(v.toUpperCase(Locale.ROOT));
            }
        }
        return new Requests.Visit(date(form.get("date")), investigators, form.get("findings"),
                money(form.get("verifiedIncome"), "核实收入", "verified income"));
    }

    static String encode(String id) {
        return UriUtils.encodePathSegment(id, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The new-application form, as typed (kept as text so that nothing typed is lost when it is refused). */
    public static class ApplicationForm {
        private String program;
        private String householdId;
        private String regionCode;
        private String urbanRural = "RURAL";
        private String address;
        private String applicantIdNo;
        private String payeeIdNo;
        private String cardNo;
        private String bank;
        private String declaredIncome;
        private boolean special;
        private String specialReason;
        private List<MemberForm> members = new ArrayList<>();

        void pad(int rows) {
            while (members.size() < rows) {
                members.add(new MemberForm());
            }
        }

        NewApplication toRequest() {
            List<NewApplication.Member> ms = new ArrayList<>();
            int row = 0;
            for (MemberForm m : members) {
                row++;
                if (m == null || blank(m.idNo) == null && blank(m.name) == null) {
                    continue;
                }
                Integer disability = null;
                if (blank(m.disabilityLevel) != null) {
                    try {
                        disability = Integer.valueOf(m.disabilityLevel.strip());
                    } catch (NumberFormatException e) {
                        disability = -1;
                    }
                    if (disability < 1 || disability > 4) {
                        throw ApplicationException.invalid("第" + row + "位成员的残疾等级应为1-4",
                                "member " + row + ": the disability level must be 1-4");
                    }
                }
                if (blank(m.idNo) == null || blank(m.name) == null) {
                    throw ApplicationException.invalid("第" + row + "位成员须填写身份证号和姓名",
                            "member " + row + ": give the ID number and the name");
                }
                ms.add(new NewApplication.Member(m.idNo.strip().toUpperCase(Locale.ROOT), m.name.strip(),
                        blank(m.relation), disability, m.covered));
            }
            if (blank(program) == null) {
                throw ApplicationException.invalid("请选择救助项目", "choose the program");
            }
            if (ms.isEmpty()) {
                throw ApplicationException.invalid("至少填写一位家庭成员", "give at least one member of the household");
            }
            String applicant = blank(applicantIdNo) == null ? ms.get(0).idNo()
                    : applicantIdNo.strip().toUpperCase(Locale.ROOT);
            String payee = blank(payeeIdNo) == null ? applicant : payeeIdNo.strip().toUpperCase(Locale.ROOT);
            return new NewApplication(program, blank(householdId), blank(regionCode), blank(urbanRural),
                    blank(address), applicant, payee, blank(cardNo), blank(bank),
                    money(declaredIncome, "申报月收入", "declared income"), special, blank(specialReason), ms);
        }

        public String getProgram() {
            return program;
        }

        public void setProgram(String program) {
            this.program = program;
        }

        public String getHouseholdId() {
            return householdId;
        }

        public void setHouseholdId(String householdId) {
            this.householdId = householdId;
        }

        public String getRegionCode() {
            return regionCode;
        }

        public void setRegionCode(String regionCode) {
            this.regionCode = regionCode;
        }

        public String getUrbanRural() {
            return urbanRural;
        }

        public void setUrbanRural(String urbanRural) {
            this.urbanRural = urbanRural;
        }

        public String getAddress() {
            return address;
        }

        public void setAddress(String address) {
            this.address = address;
        }

        public String getApplicantIdNo() {
            return applicantIdNo;
        }

        public void setApplicantIdNo(String applicantIdNo) {
            this.applicantIdNo = applicantIdNo;
        }

        public String getPayeeIdNo() {
            return payeeIdNo;
        }

        public void setPayeeIdNo(String payeeIdNo) {
            this.payeeIdNo = payeeIdNo;
        }

        public String getCardNo() {
            return cardNo;
        }

        public void setCardNo(String cardNo) {
            this.cardNo = cardNo;
        }

        public String getBank() {
            return bank;
        }

        public void setBank(String bank) {
            this.bank = bank;
        }

        public String getDeclaredIncome() {
            return declaredIncome;
        }

        public void setDeclaredIncome(String declaredIncome) {
            this.declaredIncome = declaredIncome;
        }

        public boolean isSpecial() {
            return special;
        }

        public void setSpecial(boolean special) {
            this.special = special;
        }

        public String getSpecialReason() {
            return specialReason;
        }

        public void setSpecialReason(String specialReason) {
            this.specialReason = specialReason;
        }

        public List<MemberForm> getMembers() {
            return members;
        }

        public void setMembers(List<MemberForm> members) {
            this.members = members;
        }
    }

    /** One member row of the form. */
    public static class MemberForm {
        private String idNo;
        private String name;
        private String relation;
        private String disabilityLevel;
        private boolean covered;

        public String getIdNo() {
            return idNo;
        }

        public void setIdNo(String idNo) {
            this.idNo = idNo;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getRelation() {
            return relation;
        }

        public void setRelation(String relation) {
            this.relation = relation;
        }

        public String getDisabilityLevel() {
            return disabilityLevel;
        }

        public void setDisabilityLevel(String disabilityLevel) {
            this.disabilityLevel = disabilityLevel;
        }

        public boolean isCovered() {
            return covered;
        }

        public void setCovered(boolean covered) {
            this.covered = covered;
        }
    }
}
