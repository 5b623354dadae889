package sunshine.applications;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import sunshine.applications.internal.Access;
import sunshine.applications.internal.ApplicationSettings;
import sunshine.applications.internal.ApplicationStore;
import sunshine.applications.internal.ApplicationStore.Row;
import sunshine.applications.internal.EconomicCheck;
import sunshine.applications.internal.Entitlement;
import sunshine.applications.internal.Json;
import sunshine.applications.internal.RegistryWriter;
import sunshine.checks.CheckException;
import sunshine.contract.IdNumbers;
import sunshine.contract.InvalidValueException;
import sunshine.registry.Regions;
import sunshine.security.Actor;

import static sunshine.applications.internal.ApplicationStore.cols;

/**
 * Applications for a benefit, through the three reviews and three notices (三审三公示, workflows.md §1):
 * APPLIED → ACCEPTED → CHECKED (the check engine's A-rules on the household, automatic, right after acceptance) →
 * VISITED (at least two investigators) → APPRAISED (democratic appraisal, per program) → VILLAGE_NOTICE →
 * TOWN_REVIEWED → TOWN_NOTICE → APPROVED (the county, or the configured level; one level up for staff and their
 * close relatives) → APPROVAL_NOTICE → ENROLLED (the enrollment, its members, the payee's card and the relatives'
 * filings written to the registry; paid from the month after the decision). Any step may reject with a reason;
 * one appeal. An objection during a notice sends the case back to VISITED.
 * <p>
 * Every method takes the acting {@link Actor}: a case is seen only within the actor's region, read-only roles
 * change nothing, each step needs its level. Every decision is written to the case's history. Time limits are in
 * working days ({@link Application#deadlines()}, overdue ones flagged).
 */
@Service
public class Applications {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final ApplicationStore store;
    private final ApplicationSettings settings;
    private final Entitlement entitlement;
    private final EconomicCheck economicCheck;
    private final RegistryWriter registry;
    private final Regions regions;
    private final Clock clock;

    Applications(JdbcTemplate jdbc, PlatformTransactionManager transactions, ApplicationStore store,
                 ApplicationSettings settings, Entitlement entitlement, EconomicCheck economicCheck,
                 RegistryWriter registry, Regions regions, ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.store = store;
        this.settings = settings;
        this.entitlement = entitlement;
        this.economicCheck = economicCheck;
        this.registry = registry;
        this.regions = regions;
        this.clock = clock.getIfAvailable(() -> Clock.system(ZoneId.of("Asia/Shanghai")));
    }

    // ================================================================== APPLIED

    /**
     * Takes an application. Staff among the covered members, and covered members who are close relatives of staff in
     * office ({@code staff}, {@code staff_relatives}), make it a relative case: approved one level up and visited
     * by the county. A household has one open application per program (a second one is refused by the database).
     */
    public Application submit(Actor actor, NewApplication req) {
        if (req == null || req.program() == null || !ApplicationSettings.PROGRAMS.contains(req.program())) {
            throw ApplicationException.invalid("项目须为" + ApplicationSettings.PROGRAMS
                    + "之一（临时救助另行办理）", "the program must be one of " + ApplicationSettings.PROGRAMS
                    + " (temporary assistance is granted separately)");
        }
        String village;
        String urbanRural;
        boolean newHousehold = req.householdId() == null || req.householdId().isBlank();
        if (!newHousehold) {
            List<String[]> h = jdbc.query("SELECT region_code, urban_rural FROM households WHERE household_id = ?",
                    (rs, i) -> new String[]{rs.getString(1), rs.getString(2)}, req.householdId().strip());
            if (h.isEmpty()) {
                throw ApplicationException.invalid("登记中没有此户：" + req.householdId(),
                        "no such household in the registry: " + req.householdId());
            }
            village = h.get(0)[0];
            urbanRural = h.get(0)[1];
        } else {
            village = req.regionCode() == null ? "" : req.regionCode().strip();
            urbanRural = req.urbanRural();
            if (!"VILLAGE".equals(regions.levels().get(village))) {
                throw ApplicationException.invalid("所在村居须为村（居）代码：" + village, "not a village code: " + village);
            }
            if (!"URBAN".equals(urbanRural) && !"RURAL".equals(urbanRural)) {
                throw ApplicationException.invalid("城乡须为URBAN或RURAL", "urban_rural must be URBAN or RURAL");
            }
        }
        Access.step(actor, Level.VILLAGE, village, "录入申请", "take an application");
        List<Application.MemberView> members = members(req);
        String applicant = id(req.applicantIdNo(), "申请人", "applicant");
        String payee = id(req.payeeIdNo(), "领款人", "payee");
        Set<String> ids = members.stream().map(Application.MemberView::idNo).collect(Collectors.toSet());
        if (!ids.contains(applicant) || !ids.contains(payee)) {
            throw ApplicationException.invalid("申请人和领款人须列为家庭成员", "the applicant and the payee must be members");
        }
        boolean meansTested = req.program().startsWith("DIBAO") || req.program().equals("TEKUN");
        if (meansTested && (req.declaredIncome() == null || req.declaredIncome().signum() < 0)) {
            throw ApplicationException.invalid("须申报家庭月收入", "the household's monthly income must be declared");
        }
        if (req.special() && (req.specialReason() == null || req.specialReason().isBlank())) {
            throw ApplicationException.invalid("特殊情况须说明理由", "a special case needs its reason");
        }
        LocalDate today = today();
        List<Application.StaffLink> links = staffLinks(members, today);
        Level level = approvalLevel(req.program(), links);
        OffsetDateTime now = now();
        String made;
        try {
            made = tx.execute(status -> {
                String id = store.nextId(village.substring(0, 6), today.getYear());
                String household = newHousehold ? "H" + id.substring(1) : req.householdId().strip();
                jdbc.update("INSERT INTO application_open (household_id, program, application_id) VALUES (?, ?, ?)",
                        household, req.program(), id);
                store.insert(new Row(id, req.program(), ApplicationStatus.APPLIED, village, urbanRural, household,
                        newHousehold, blankToNull(req.address()), applicant, payee, blankToNull(req.cardNo()),
                        blankToNull(req.bank()), money(req.declaredIncome()), null, req.special(),
                        blankToNull(req.specialReason()), level, !links.isEmpty(), 0,
                        links.isEmpty() ? null : "RELATIVE", null, false, null, null, null, null, null, null, null,
                        null, null, null, null, null, null, null, 0, null, null, null, now, null, null, null, null,
                        null, null, now, 0));
                store.insertMembers(id, members);
                store.replaceStaffLinks(id, links);
                store.event(id, actor, "SUBMIT", null, ApplicationStatus.APPLIED, null, Json.write(Map.of(
                        "members", members.size(), "covered", members.stream().filter(Application.MemberView::covered)
                                .count(), "staffLinks", links.size(), "approvalLevel", level.name())), now);
                return id;
            });
        } catch (DuplicateKeyException e) {
            String open = jdbc.queryForList("SELECT application_id FROM application_open WHERE household_id = ? "
                    + "AND program = ?", String.class, newHousehold ? "" : req.householdId().strip(), req.program())
                    .stream().findFirst().orElse("?");
            throw ApplicationException.conflict("此户已有在办的同项目申请：" + open,
                    "the household already has an open application for the program: " + open);
        }
        return get(actor, made);
    }

    private List<Application.MemberView> members(NewApplication req) {
        if (req.members() == null || req.members().isEmpty()) {
            throw ApplicationException.invalid("须列出家庭成员", "list the household's members");
        }
        List<Application.MemberView> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (NewApplication.Member m : req.members()) {
            String idNo = id(m.idNo(), "成员", "member");
            if (!seen.add(idNo)) {
                throw ApplicationException.invalid("成员重复：" + idNo, "member listed twice: " + idNo);
            }
            if (m.name() == null || m.name().isBlank()) {
                throw ApplicationException.invalid("成员须有姓名：" + idNo, "a member needs a name: " + idNo);
            }
            if (m.disabilityLevel() != null && (m.disabilityLevel() < 1 || m.disabilityLevel() > 4)) {
                throw ApplicationException.invalid("残疾等级须为1-4", "disability level must be 1-4");
            }
            out.add(new Application.MemberView(idNo, m.name().strip(), m.relation(), m.disabilityLevel(), m.covered(),
                    registry.personExists(idNo)));
        }
        long covered = out.stream().filter(Application.MemberView::covered).count();
        boolean individual = !req.program().startsWith("DIBAO");
        if (covered == 0 || (individual && covered != 1)) {
            throw ApplicationException.invalid(individual ? "此项目保障一人：须有且只有一名保障对象"
                            : "须至少有一名保障对象",
                    individual ? "an individual program covers exactly one member" : "at least one member must be covered");
        }
        return out;
    }

    /** Staff among the covered members and staff whose close relatives they are, in office on the day. */
    private List<Application.StaffLink> staffLinks(List<Application.MemberView> members, LocalDate day) {
        List<String> covered = members.stream().filter(Application.MemberView::covered)
                .map(Application.MemberView::idNo).toList();
        List<Application.StaffLink> links = new ArrayList<>();
        String inOffice = " AND (s.active_from IS NULL OR s.active_from <= ?) AND (s.active_to IS NULL OR s.active_to >= ?)";
        for (String m : covered) {
            jdbc.query("SELECT s.id_no, s.level FROM staff s WHERE s.id_no = ?" + inOffice, rs -> {
                links.add(new Application.StaffLink(m, rs.getString(1), Level.valueOf(rs.getString(2)), "SELF", null));
            }, m, day, day);
            jdbc.query("SELECT r.staff_id_no, s.level, r.relation FROM staff_relatives r JOIN staff s ON s.id_no = "
                    + "r.staff_id_no WHERE r.relative_id_no = ?" + inOffice + " ORDER BY r.staff_id_no", rs -> {
                        links.add(new Application.StaffLink(m, rs.getString(1), Level.valueOf(rs.getString(2)),
                                rs.getString(3), null));
                    }, m, day, day);
        }
        Map<String, Application.StaffLink> distinct = new LinkedHashMap<>();
        links.forEach(l -> distinct.putIfAbsent(l.memberIdNo() + "|" + l.staffIdNo(), l));
        return List.copyOf(distinct.values());
    }

    /** The program's level, or one above the highest staff level involved (county for village and town staff). */
    private Level approvalLevel(String program, List<Application.StaffLink> links) {
        Level level = settings.workflow(program).approvalLevel();
        for (Application.StaffLink l : links) {
            Level up = l.staffLevel() == Level.VILLAGE ? Level.COUNTY : l.staffLevel().up();
            level = Level.max(level, up);
        }
        return level;
    }

    // ================================================================== ACCEPTED, CHECKED

    /** The town accepts the application; the economic check then runs at once (its findings on the case). */
    public Application accept(Actor actor, String id) {
        Row seen = visible(actor, id);
        Access.step(actor, Level.TOWN, seen.regionCode(), "受理申请", "accept an application");
        tx.executeWithoutResult(status -> {
            Row r = store.lock(id);
            advance(r, ApplicationStatus.ACCEPTED, "受理", "accept");
            OffsetDateTime now = now();
            store.update(id, now, cols("status", ApplicationStatus.ACCEPTED, "accepted_at", now));
            store.event(id, actor, "ACCEPT", r.status(), ApplicationStatus.ACCEPTED, null, null, now);
        });
        return runCheck(Actor.system(seen.regionCode().substring(0, 6) + "000000"), id);
    }

    /** Runs the economic check again (new data imported since); an ACCEPTED case whose check failed becomes CHECKED. */
    public Application check(Actor actor, String id) {
        Row seen = visible(actor, id);
        Access.step(actor, Level.TOWN, seen.regionCode(), "经济状况核对", "run the economic check");
        if (seen.status() == ApplicationStatus.APPLIED || seen.status().closed()) {
            throw ApplicationException.illegal("当前状态不能核对：" + seen.status().labelZh(),
                    "the check does not run in status " + seen.status());
        }
        return runCheck(actor, id);
    }

    private Application runCheck(Actor actor, String id) {
        Row r = store.find(id).orElseThrow();
        List<Application.MemberView> members = store.members(id);
        YearMonth period = YearMonth.from(today());
        int covered = (int) members.stream().filter(Application.MemberView::covered).count();
        BigDecimal amount = entitlement.compute(r.program(), r.regionCode(), r.urbanRural(), period, r.income(), covered)
                .map(Entitlement.Calculation::amount).orElse(null);
        String head = members.stream().filter(m -> "HEAD".equals(m.relation())).map(Application.MemberView::idNo)
                .findFirst().orElse(r.applicantIdNo());
        List<Application.Finding> findings;
        String error = null;
        try {
            findings = economicCheck.run(new EconomicCheck.Household(id, r.program(), r.householdId(),
                    r.newHousehold(), r.regionCode(), r.urbanRural(), r.address(), head, r.payeeIdNo(),
                    perCapita(r.program(), r.income(), covered), amount, members), period, settings.probeMonths());
        } catch (CheckException e) {
            findings = null;
            error = e.reason().zh() + " / " + e.reason().en();
        }
        List<Application.Finding> found = findings;
        String failed = error;
        tx.executeWithoutResult(status -> {
            Row locked = store.lock(id);
            OffsetDateTime now = now();
            if (found == null) {
                store.update(id, now, cols("check_error", failed.length() > 2000 ? failed.substring(0, 2000) : failed));
                store.event(id, actor, "CHECK_FAILED", locked.status(), locked.status(), failed, null, now);
                return;
            }
            store.replaceFindings(id, found);
            ApplicationStatus to = locked.status() == ApplicationStatus.ACCEPTED ? ApplicationStatus.CHECKED
                    : locked.status();
            Map<String, Object> c = cols("status", to, "check_error", null);
            if (locked.checkedOn() == null) {
                c.put("checked_on", now);
            }
            store.update(id, now, c);
            store.event(id, actor, "CHECK", locked.status(), to, null, Json.write(Map.of("period", period.toString(),
                    "rules", economicCheck.rules().stream().map(x -> x.code()).toList(), "findings", found.stream()
                            .map(f -> f.rule() + (f.variant() == null || f.variant().isEmpty() ? "" : ":" + f.variant()))
                            .toList())), now);
        });
        return get(actor, id);
    }

    // ================================================================== VISITED, APPRAISED

    /** A home visit by at least two investigators (the first one is recorded on the enrollment). */
    public Application visit(Actor actor, String id, Requests.Visit v) {
        Row seen = visible(actor, id);
        Access.step(actor, Level.TOWN, seen.regionCode(), "入户调查", "record a home visit");
        List<String> investigators = investigators(v, id);
        return change(actor, id, r -> {
            if (r.status() != ApplicationStatus.CHECKED && r.status() != ApplicationStatus.VISITED) {
                throw ApplicationException.illegal("入户调查须在经济状况核对之后、公示之前",
                        "a home visit comes after the economic check and before the notices");
            }
            if (v.verifiedIncome() != null && v.verifiedIncome().signum() < 0) {
                throw ApplicationException.invalid("收入不能为负", "income cannot be negative");
            }
            LocalDate date = v.date() == null ? today() : v.date();
            store.insertVisit(id, Level.TOWN, date, investigators, text(v.findings(), "调查结论", "findings"));
            Map<String, Object> c = cols("status", ApplicationStatus.VISITED);
            if (r.investigatorIdNo() == null) {
                c.put("investigator_id_no", investigators.get(0));
            }
            if (v.verifiedIncome() != null) {
                c.put("verified_income", money(v.verifiedIncome()));
            }
            return new Step("VISIT", ApplicationStatus.VISITED, c, null, Json.write(Map.of("date", date.toString(),
                    "investigators", investigators, "verifiedIncome", String.valueOf(v.verifiedIncome()))));
        });
    }

    /** The county's own home visit (required for relative cases, cases with a complaint and a random 30%). */
    public Application countyVisit(Actor actor, String id, Requests.Visit v) {
        Row seen = visible(actor, id);
        Access.step(actor, Level.COUNTY, seen.regionCode(), "县级入户抽查", "record the county's visit");
        List<String> investigators = investigators(v, id);
        return change(actor, id, r -> {
            if (r.status().closed() || r.status().ordinal() < ApplicationStatus.CHECKED.ordinal()) {
                throw ApplicationException.illegal("县级入户须在核对之后、审批之前", "the county visits after the check, "
                        + "before the decision");
            }
            LocalDate date = v.date() == null ? today() : v.date();
            store.insertVisit(id, Level.COUNTY, date, investigators, text(v.findings(), "调查结论", "findings"));
            return new Step("COUNTY_VISIT", r.status(), cols("county_visited", true), null, Json.write(Map.of(
                    "date", date.toString(), "investigators", investigators)));
        });
    }

    /** The democratic appraisal (for programs that use it). */
    public Application appraise(Actor actor, String id, Requests.Appraisal a) {
        Row seen = visible(actor, id);
        Access.step(actor, Level.VILLAGE, seen.regionCode(), "民主评议", "record the democratic appraisal");
        String outcome = text(a == null ? null : a.outcome(), "评议结果", "outcome");
        return change(actor, id, r -> {
            advance(r, ApplicationStatus.APPRAISED, "民主评议", "appraise");
            LocalDate date = a.date() == null ? today() : a.date();
            return new Step("APPRAISE", ApplicationStatus.APPRAISED, cols("status", ApplicationStatus.APPRAISED), outcome,
                    Json.write(Map.of("date", date.toString())));
        });
    }

    private List<String> investigators(Requests.Visit v, String applicationId) {
        if (v == null || v.investigators() == null) {
            throw ApplicationException.invalid("入户调查须至少两名调查人员", "a home visit needs at least two investigators");
        }
        Set<String> ids = new LinkedHashSet<>();
        for (String s : v.investigators()) {
            ids.add(id(s, "调查人员", "investigator"));
        }
        if (ids.size() < 2) {
            throw ApplicationException.invalid("入户调查须至少两名调查人员", "a home visit needs at least two investigators");
        }
        for (String i : ids) {
            conflictOfInterest(applicationId, i, "调查人员", "investigator");
        }
        return List.copyOf(ids);
    }

    /** Refuses a person who is a member of the household or a staff member with a member among their relatives. */
    private void conflictOfInterest(String applicationId, String idNo, String roleZh, String roleEn) {
        List<String> members = store.members(applicationId).stream().map(Application.MemberView::idNo).toList();
        if (members.contains(idNo)) {
            throw ApplicationException.forbidden(roleZh + "不能是申请家庭成员", "the " + roleEn
                    + " cannot be a member of the household");
        }
        for (String m : members) {
            if (!jdbc.queryForList("SELECT 1 FROM staff_relatives WHERE staff_id_no = ? AND relative_id_no = ?",
                    Integer.class, idNo, m).isEmpty()) {
                throw ApplicationException.forbidden(roleZh + "是申请家庭成员的近亲属，应当回避",
                        "the " + roleEn + " is a close relative of a member and must stand aside");
            }
        }
    }

    // ================================================================== notices

    /** Posts the next notice (village, town, or approval notice) for the program's notice period (7 days by default). */
    public Application postNotice(Actor actor, String id) {
        Row seen = visible(actor, id);
        ApplicationStatus kind = settings.workflow(seen.program()).next(seen.status());
        Level level = kind == ApplicationStatus.VILLAGE_NOTICE ? Level.VILLAGE : Level.TOWN;
        Access.step(actor, level, seen.regionCode(), "张贴公示", "post a notice");
        return change(actor, id, r -> {
            ApplicationStatus next = advance(r, null, "公示", "post a notice");
            if (!next.notice()) {
                throw ApplicationException.illegal("下一步不是公示，而是" + next.labelZh(), "the next step is " + next
                        + ", not a notice");
            }
            LocalDate from = today();
            LocalDate to = from.plusDays(settings.workflow(r.program()).noticeDays() - 1L);
            store.insertNotice(id, next, from, to);
            return new Step("NOTICE", next, cols("status", next, "notice_from", from, "notice_to", to), null,
                    Json.write(Map.of("kind", next.name(), "from", from.toString(), "to", to.toString())));
        });
    }

    /** An objection raised during a notice: the case goes back to VISITED, and the county must visit. */
    public Application object(Actor actor, String id, String objection) {
        Row seen = visible(actor, id);
        Access.step(actor, Level.VILLAGE, seen.regionCode(), "登记公示异议", "record an objection");
        String text = text(objection, "异议内容", "objection");
        return change(actor, id, r -> {
            LocalDate today = today();
            if (!r.status().notice() || r.noticeTo() == null || today.isAfter(r.noticeTo())) {
                throw ApplicationException.illegal("只能在公示期内提出异议（公示期外请登记投诉）",
                        "an objection is raised while a notice runs (otherwise record a complaint)");
            }
            store.endNotice(id, "OBJECTED", text);
            return new Step("OBJECTION", ApplicationStatus.VISITED, cols("status", ApplicationStatus.VISITED,
                    "notice_from", null, "notice_to", null, "complaints", r.complaints() + 1,
                    "county_visit_reason", r.relativeCase() ? "RELATIVE" : "COMPLAINT"), text,
                    Json.write(Map.of("notice", r.status().name())));
        });
    }

    /** A complaint about the case (from the public or the hotline): the county must visit. */
    public Application complain(Actor actor, String id, String complaint) {
        Row seen = visible(actor, id);
        Access.step(actor, Level.VILLAGE, seen.regionCode(), "登记投诉", "record a complaint");
        String text = text(complaint, "投诉内容", "complaint");
        return change(actor, id, r -> {
            if (r.status().closed()) {
                throw ApplicationException.illegal("已办结的申请不再登记投诉（请转问题台账）",
                        "a closed case takes no complaint (use the problem ledger)");
            }
            return new Step("COMPLAINT", r.status(), cols("complaints", r.complaints() + 1, "county_visit_reason",
                    r.relativeCase() ? "RELATIVE" : "COMPLAINT"), text, null);
        });
    }

    // ================================================================== TOWN_REVIEWED

    /**
     * The town's review. The staff links are looked up again (approval level), and the reproducible draw decides
     * whether the county visits a case that is neither a relative case nor complained about (30% by default).
     */
    public Application townReview(Actor actor, String id, Requests.TownReview review) {
        Row seen = visible(actor, id);
        Access.step(actor, Level.TOWN, seen.regionCode(), "乡镇审核", "review at the town");
        String opinion = text(review == null ? null : review.opinion(), "审核意见", "opinion");
        List<Application.StaffLink> links = staffLinks(store.members(id), today());
        return change(actor, id, r -> {
            advance(r, ApplicationStatus.TOWN_REVIEWED, "乡镇审核", "review at the town");
            store.replaceStaffLinks(id, links);
            Level level = approvalLevel(r.program(), links);
            int draw = draw(id);
            String reason = !links.isEmpty() ? "RELATIVE" : r.complaints() > 0 ? "COMPLAINT"
                    : draw < Math.round(settings.countyVisitRatio() * 10_000) ? "RANDOM" : null;
            boolean townNotice = settings.workflow(r.program()).steps().contains(ApplicationStatus.TOWN_NOTICE);
            OffsetDateTime now = now();
            Map<String, Object> c = cols("status", ApplicationStatus.TOWN_REVIEWED, "town_reviewed_at", now,
                    "approval_level", level, "relative_case", !links.isEmpty(), "county_visit_draw", draw,
                    "county_visit_reason", reason);
            if (!townNotice) {
                c.put("county_received_on", today());
            }
            return new Step("TOWN_REVIEW", ApplicationStatus.TOWN_REVIEWED, c, opinion, Json.write(Map.of(
                    "approvalLevel", level.name(), "countyVisit", String.valueOf(reason), "draw", draw,
                    "seed", settings.countyVisitSeed())));
        });
    }

    /** The reproducible draw of a case, 0-9999: the first bytes of SHA-256(seed | application id). */
    int draw(String applicationId) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest((settings.countyVisitSeed() + "|" + applicationId)
                    .getBytes(StandardCharsets.UTF_8));
            long v = ((h[0] & 0xFFL) << 24) | ((h[1] & 0xFFL) << 16) | ((h[2] & 0xFFL) << 8) | (h[3] & 0xFFL);
            return (int) (v % 10_000);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ================================================================== APPROVED

    /** The amount as it would be computed today for the first month paid (the month after the decision). */
    public Map<String, Object> calculation(Actor actor, String id) {
        Row r = visible(actor, id);
        YearMonth start = YearMonth.from(today()).plusMonths(1);
        int covered = (int) store.members(id).stream().filter(Application.MemberView::covered).count();
        return entitlement.compute(r.program(), r.regionCode(), r.urbanRural(), start, r.income(), covered)
                .map(Entitlement::describe).orElseThrow(() -> ApplicationException.invalid(
                        "没有适用的保障标准（" + r.program() + "，" + r.regionCode() + "，" + start + "）",
                        "no standard applies (" + r.program() + ", " + r.regionCode() + ", " + start + ")"));
    }

    /**
     * The decision. The actor's level must be the case's approval level or above; a required county visit must be
     * recorded; the approver may not be a member or a member's staff relative. The amount is computed as rules.md
     * C02 for the first month paid (the month after the decision) and recorded with its calculation; another amount
     * needs a reason.
     */
    public Application approve(Actor actor, String id, Requests.Approval a) {
        Row seen = visible(actor, id);
        Access.step(actor, seen.approvalLevel(), seen.regionCode(), "审批", "decide");
        if (a == null) {
            throw ApplicationException.invalid("须给出审批人", "give the approver");
        }
        String approver = id(a.approverIdNo(), "审批人", "approver");
        conflictOfInterest(id, approver, "审批人", "approver");
        boolean override = a.amount() != null;
        if (override && (a.overrideReason() == null || a.overrideReason().isBlank())) {
            throw ApplicationException.invalid("调整核定金额须说明理由", "an amount other than the computed one needs a reason");
        }
        if (override && a.amount().signum() < 0) {
            throw ApplicationException.invalid("金额不能为负", "the amount cannot be negative");
        }
        return change(actor, id, r -> {
            advance(r, ApplicationStatus.APPROVED, "审批", "decide");
            if (r.countyVisitReason() != null && !r.countyVisited()) {
                throw ApplicationException.illegal("本案须县级入户核查（" + r.countyVisitReason() + "），尚未记录",
                        "the county must visit this case (" + r.countyVisitReason() + ") first");
            }
            LocalDate today = today();
            YearMonth start = YearMonth.from(today).plusMonths(1);
            int covered = (int) store.members(id).stream().filter(Application.MemberView::covered).count();
            Entitlement.Calculation calc = entitlement.compute(r.program(), r.regionCode(), r.urbanRural(), start,
                    r.income(), covered).orElseThrow(() -> ApplicationException.invalid(
                    "没有适用的保障标准（" + r.program() + "，" + start + "），不能核定金额",
                    "no standard applies (" + r.program() + ", " + start + "): the amount cannot be computed"));
            if (!override && calc.amount().signum() == 0) {
                throw ApplicationException.invalid("按标准核算金额为0（收入不低于标准），应不予批准",
                        "the computed amount is 0 (income not below the standard): reject instead");
            }
            BigDecimal amount = override ? money(a.amount()) : calc.amount();
            Map<String, Object> described = new LinkedHashMap<>(Entitlement.describe(calc));
            described.put("decided", amount.toPlainString());
            if (override) {
                described.put("override", a.overrideReason().strip());
            }
            boolean stable = a.stable() != null ? a.stable() : settings.stableByDefault(r.program());
            OffsetDateTime now = now();
            return new Step("APPROVE", ApplicationStatus.APPROVED, cols("status", ApplicationStatus.APPROVED,
                    "monthly_amount", amount, "per_capita_income", perCapita(r.program(), r.income(), covered),
                    "calculation", Json.write(described), "override_reason", override ? a.overrideReason().strip()
                            : null, "approved_date", today, "start_month", start, "approver_id_no", approver,
                    "decided_at", now, "stable", stable), override ? a.overrideReason().strip() : null,
                    Json.write(described));
        });
    }

    // ================================================================== ENROLLED

    /**
     * Enrolls an approved case once its approval notice has run: writes the household and members new to the
     * registry, the enrollment (ACTIVE from the month after the decision) and its covered members, the payee's card,
     * and a RELATIVE filing per staff link (lodged one level above the staff member's: county for village and town
     * staff, city for county and city staff). Refused when a covered member is already covered by an active
     * enrollment of the same program family.
     */
    public Application enroll(Actor actor, String id) {
        Row seen = visible(actor, id);
        Access.step(actor, Level.TOWN, seen.regionCode(), "纳入保障", "enroll");
        return change(actor, id, r -> {
            advance(r, ApplicationStatus.ENROLLED, "纳入保障", "enroll");
            List<Application.MemberView> members = store.members(id);
            List<String> covered = members.stream().filter(Application.MemberView::covered)
                    .map(Application.MemberView::idNo).toList();
            alreadyCovered(r.program(), covered, r.startMonth());
            LocalDate today = today();
            String head = members.stream().filter(m -> "HEAD".equals(m.relation())).map(Application.MemberView::idNo)
                    .findFirst().orElse(r.applicantIdNo());
            if (r.newHousehold()) {
                registry.household(r.householdId(), r.regionCode(), r.address(), head, r.urbanRural());
            }
            registry.persons(r.householdId(), members);
            String payeeName = members.stream().filter(m -> m.idNo().equals(r.payeeIdNo()))
                    .map(Application.MemberView::name).findFirst().orElse(null);
            registry.card(r.cardNo(), r.bank(), r.payeeIdNo(), payeeName, today);
            String enrollmentId = "E" + id.substring(1);
            registry.enrollment(enrollmentId, r.program(), r.householdId(), r.payeeIdNo(), r.approvedDate(),
                    r.startMonth(), r.monthlyAmount(), r.perCapitaIncome(), r.approverIdNo(), r.investigatorIdNo(),
                    covered);
            List<Application.StaffLink> filed = new ArrayList<>();
            int n = 0;
            for (Application.StaffLink l : store.staffLinks(id)) {
                String filingId = "F" + id.substring(1) + "-" + (++n);
                Level level = l.staffLevel() == Level.VILLAGE || l.staffLevel() == Level.TOWN ? Level.COUNTY
                        : Level.CITY;
                registry.filing(filingId, l.memberIdNo(), l.staffIdNo(), today, level.name());
                filed.add(new Application.StaffLink(l.memberIdNo(), l.staffIdNo(), l.staffLevel(), l.relation(),
                        filingId));
            }
            store.replaceStaffLinks(id, filed);
            jdbc.update("INSERT INTO enrollment_profile (enrollment_id, stable, application_id) VALUES (?, ?, ?)",
                    enrollmentId, r.stable() != null ? r.stable() : settings.stableByDefault(r.program()), id);
            jdbc.update("DELETE FROM application_open WHERE application_id = ?", id);
            return new Step("ENROLL", ApplicationStatus.ENROLLED, cols("status", ApplicationStatus.ENROLLED,
                    "enrollment_id", enrollmentId, "enrolled_at", now()), null, Json.write(Map.of(
                    "enrollmentId", enrollmentId, "startMonth", r.startMonth().toString(),
                    "monthlyAmount", r.monthlyAmount().toPlainString(), "filings", filed.stream()
                            .map(Application.StaffLink::filingId).toList())));
        });
    }

    /** Enrolls every approved case in the actor's region whose approval notice has run (for a daily job). */
    public List<Application> enrollDue(Actor actor) {
        List<Application> done = new ArrayList<>();
        for (Row r : store.list(actor.regionPrefix(), null, null, 10_000)) {
            ApplicationStatus next = settings.workflow(r.program()).next(r.status());
            boolean noticeOver = !r.status().notice() || (r.noticeTo() != null && today().isAfter(r.noticeTo()));
            if (next == ApplicationStatus.ENROLLED && noticeOver) {
                done.add(enroll(actor, r.applicationId()));
            }
        }
        return done;
    }

    private void alreadyCovered(String program, List<String> covered, YearMonth start) {
        Set<String> family = Set.of("DIBAO_URBAN", "DIBAO_RURAL", "TEKUN").contains(program)
                ? Set.of("DIBAO_URBAN", "DIBAO_RURAL", "TEKUN") : Set.of(program);
        for (String m : covered) {
            List<String> other = jdbc.queryForList("SELECT e.enrollment_id FROM enrollments e JOIN enrollment_members em "
                    + "ON em.enrollment_id = e.enrollment_id WHERE em.id_no = ? AND e.status = 'ACTIVE' AND e.program IN ("
                    + family.stream().map(f -> "'" + f + "'").collect(Collectors.joining(", ")) + ") AND (e.end_month "
                    + "IS NULL OR e.end_month >= ?)", String.class, m, start.toString());
            if (!other.isEmpty()) {
                throw ApplicationException.conflict("保障对象" + mask(m) + "已由待遇" + other.get(0) + "保障，不能重复纳入",
                        "covered member " + mask(m) + " is already covered by enrollment " + other.get(0));
            }
        }
    }

    // ================================================================== REJECTED

    /** Rejects the case at any step, with the reason the applicant is told. */
    public Application reject(Actor actor, String id, String reason) {
        Row seen = visible(actor, id);
        boolean countyStage = seen.status().ordinal() >= ApplicationStatus.TOWN_REVIEWED.ordinal();
        Access.step(actor, countyStage ? seen.approvalLevel() : Level.TOWN, seen.regionCode(), "不予批准", "reject");
        String text = text(reason, "不予批准的理由", "reason");
        return change(actor, id, r -> {
            if (r.status().closed()) {
                throw ApplicationException.illegal("已办结", "the case is closed");
            }
            if (r.status().notice()) {
                store.endNotice(id, "STOPPED", null);
            }
            jdbc.update("DELETE FROM application_open WHERE application_id = ?", id);
            OffsetDateTime now = now();
            return new Step("REJECT", ApplicationStatus.REJECTED, cols("status", ApplicationStatus.REJECTED,
                    "rejected_from", r.status(), "rejection_reason", text, "rejected_at", now, "decided_at", now,
                    "notice_from", null, "notice_to", null, "refusal_notified_on", null), text, null);
        });
    }

    /** Records that the applicant was told of the refusal and its reasons (due within 3 working days). */
    public Application notifyRefusal(Actor actor, String id, LocalDate date) {
        Row seen = visible(actor, id);
        Access.step(actor, Level.TOWN, seen.regionCode(), "告知不予批准", "record the refusal notice");
        return change(actor, id, r -> {
            if (r.status() != ApplicationStatus.REJECTED) {
                throw ApplicationException.illegal("只有不予批准的申请需要告知", "only a rejected case is notified");
            }
            LocalDate d = date == null ? today() : date;
            return new Step("REFUSAL_NOTIFIED", r.status(), cols("refusal_notified_on", d), null,
                    Json.write(Map.of("date", d.toString())));
        });
    }

    /**
     * The applicant's one appeal: the case goes back to where it was rejected (to the step before a notice when it
     * was rejected during one, so the notice runs again). A second appeal is refused, also by the database.
     */
    public Application appeal(Actor actor, String id, String reason) {
        Row seen = visible(actor, id);
        Access.step(actor, Level.TOWN, seen.regionCode(), "登记申诉", "record an appeal");
        String text = text(reason, "申诉理由", "reason");
        try {
            return change(actor, id, r -> {
                if (r.status() != ApplicationStatus.REJECTED) {
                    throw ApplicationException.illegal("只有不予批准的申请可以申诉", "only a rejected case can be appealed");
                }
                if (r.appeals() >= 1) {
                    throw ApplicationException.illegal("已申诉过一次，不能再申诉", "the one appeal was used");
                }
                ApplicationStatus back = r.rejectedFrom();
                List<ApplicationStatus> steps = settings.workflow(r.program()).steps();
                if (back.notice()) {
                    back = steps.get(steps.indexOf(back) - 1);
                }
                jdbc.update("INSERT INTO application_open (household_id, program, application_id) VALUES (?, ?, ?)",
                        r.householdId(), r.program(), id);
                return new Step("APPEAL", back, cols("status", back, "appeals", r.appeals() + 1, "rejected_from", null,
                        "rejected_at", null, "decided_at", null), text, null);
            });
        } catch (DuplicateKeyException e) {
            throw ApplicationException.conflict("此户已有在办的同项目申请，不能重开本案",
                    "the household has another open application for the program: this case cannot reopen");
        }
    }

    // ================================================================== queries

    public Application get(Actor actor, String id) {
        return view(visible(actor, id));
    }

    /** Cases in the actor's region, newest first; status, program and overdue optional. */
    public List<Application> list(Actor actor, ApplicationStatus status, String program, Boolean overdue, int limit) {
        return select(actor.regionPrefix(), status, program, overdue, 0, limit);
    }

    /**
     * A page of cases for the screens: within {@code regionCode} (a town or village of the actor's region; null: the
     * whole region; outside it: nothing), newest first; status, program and overdue optional.
     */
    public List<Application> page(Actor actor, String regionCode, ApplicationStatus status, String program,
                                  Boolean overdue, int offset, int limit) {
        String prefix = actor.regionPrefix();
        if (regionCode != null && !regionCode.isBlank()) {
            String code = regionCode.strip();
            if (!code.matches("\\d{12}") || !actor.canSee(code)) {
                return List.of();
            }
            prefix = Actor.prefixOf(code);
        }
        return select(prefix, status, program, overdue, offset, limit);
    }

    /** How many cases the overdue filter reads at a time (their deadlines come from the row alone). */
    private static final int SCAN = 1_000;

    /**
     * Cases within a region prefix, newest first. Overdue or not is decided on each row's own dates (no other
     * query), so only the cases shown are read in full.
     */
    private List<Application> select(String prefix, ApplicationStatus status, String program, Boolean overdue,
                                     int offset, int limit) {
        if (overdue == null) {
            return store.list(prefix, status, program, offset, limit).stream().map(this::view).toList();
        }
        List<Row> found = new ArrayList<>();
        int skipped = 0;
        for (int from = 0; found.size() < limit; from += SCAN) {
            List<Row> chunk = store.list(prefix, status, program, from, SCAN);
            for (Row r : chunk) {
                if (deadlines(r).stream().anyMatch(Application.Deadline::overdue) != overdue) {
                    continue;
                }
                if (skipped++ < offset) {
                    continue;
                }
                found.add(r);
                if (found.size() >= limit) {
                    break;
                }
            }
            if (chunk.size() < SCAN) {
                break;
            }
        }
        return found.stream().map(this::view).toList();
    }

    public List<ApplicationEvent> history(Actor actor, String id) {
        visible(actor, id);
        return store.history(id);
    }

    // ================================================================== the machinery of a step

    /** What a step changes. */
    private record Step(String action, ApplicationStatus to, Map<String, Object> columns, String reason,
                        String detail) {
    }

    /** Runs a step in a transaction on the locked row, with its history entry. */
    private Application change(Actor actor, String id, java.util.function.Function<Row, Step> step) {
        tx.executeWithoutResult(status -> {
            Row r = store.lock(id);
            Step s = step.apply(r);
            OffsetDateTime now = now();
            store.update(id, now, s.columns());
            store.event(id, actor, s.action(), r.status(), s.to(), s.reason(), s.detail(), now);
        });
        return get(actor, id);
    }

    /**
     * Checks that {@code target} is the case's next step (null: whatever is next) and leaves a running notice that
     * has ended (recorded as PASSED); a notice still running refuses. Returns the next step.
     */
    private ApplicationStatus advance(Row r, ApplicationStatus target, String stepZh, String stepEn) {
        ApplicationSettings.Workflow w = settings.workflow(r.program());
        ApplicationStatus next = w.next(r.status());
        if (next == null || (target != null && next != target)) {
            throw ApplicationException.illegal("当前为“" + r.status().labelZh() + "”，下一步"
                            + (next == null ? "没有" : "是“" + next.labelZh() + "”") + "，不能" + stepZh,
                    "the case is " + r.status() + ", its next step is " + next + ": cannot " + stepEn);
        }
        if (r.status().notice()) {
            if (r.noticeTo() == null || !today().isAfter(r.noticeTo())) {
                throw ApplicationException.illegal("公示期至" + r.noticeTo() + "，期满后方可进行下一步",
                        "the notice runs until " + r.noticeTo() + ": the next step waits for its end");
            }
            store.endNotice(r.applicationId(), "PASSED", null);
            OffsetDateTime now = now();
            Map<String, Object> c = cols("notice_from", null, "notice_to", null);
            if (r.status() == ApplicationStatus.TOWN_NOTICE) {
                c.put("county_received_on", r.noticeTo().plusDays(1));
            }
            store.update(r.applicationId(), now, c);
        }
        return next;
    }

    private Row visible(Actor actor, String id) {
        Row r = store.find(id).orElseThrow(() -> ApplicationException.notFound(id));
        if (!actor.canSee(r.regionCode())) {
            throw ApplicationException.notFound(id);
        }
        return r;
    }

    private Application view(Row r) {
        String id = r.applicationId();
        List<Application.Deadline> deadlines = deadlines(r);
        boolean overdue = deadlines.stream().anyMatch(Application.Deadline::overdue);
        return new Application(id, r.program(), r.status(), r.regionCode(), r.urbanRural(), r.householdId(),
                r.newHousehold(), r.address(), r.applicantIdNo(), r.payeeIdNo(), r.cardNo(), r.declaredIncome(),
                r.verifiedIncome(), r.special(), r.approvalLevel(), r.relativeCase(), r.complaints(),
                r.countyVisitReason(), r.countyVisitDraw(), r.countyVisited(), r.monthlyAmount(), r.calculation(),
                r.overrideReason(), r.approvedDate(), r.startMonth(), r.enrollmentId(), r.noticeFrom(), r.noticeTo(),
                r.rejectedFrom(), r.rejectionReason(), r.refusalNotifiedOn(), r.appeals(), r.checkError(),
                r.appliedAt(), r.updatedAt(), store.members(id), store.staffLinks(id), store.findings(id),
                store.visits(id), store.notices(id), deadlines, overdue, nextSteps(r));
    }

    /** The time limits of 民政部《最低生活保障审核确认办法》(2021), in working days, as they stand for the case. */
    private List<Application.Deadline> deadlines(Row r) {
        List<Application.Deadline> out = new ArrayList<>();
        LocalDate today = today();
        var cal = settings.calendar();
        LocalDate decided = date(r.decidedAt());
        if (r.acceptedAt() != null) {
            LocalDate accepted = date(r.acceptedAt());
            out.add(deadline("INVESTIGATION", accepted, cal.plusWorkingDays(accepted, settings.limit("investigation")),
                    date(r.checkedOn()), today));
            int whole = r.approvalLevel() == Level.TOWN ? settings.limit("town-confirms")
                    : r.special() ? settings.limit("special-case") : settings.limit("whole-case");
            out.add(deadline("WHOLE_CASE", accepted, cal.plusWorkingDays(accepted, whole), decided, today));
        }
        LocalDate county = r.countyReceivedOn() != null ? r.countyReceivedOn()
                : r.status() == ApplicationStatus.TOWN_NOTICE && r.noticeTo() != null ? r.noticeTo().plusDays(1) : null;
        if (county != null && r.approvalLevel() != Level.TOWN) {
            out.add(deadline("COUNTY_DECISION", county, cal.plusWorkingDays(county, settings.limit("county-decision")),
                    decided, today));
        }
        if (r.rejectedAt() != null) {
            LocalDate rejected = date(r.rejectedAt());
            out.add(deadline("REFUSAL_NOTICE", rejected, cal.plusWorkingDays(rejected, settings.limit("refusal")),
                    r.refusalNotifiedOn(), today));
        }
        return out;
    }

    private static Application.Deadline deadline(String kind, LocalDate from, LocalDate due, LocalDate met,
                                                 LocalDate today) {
        return new Application.Deadline(kind, from, due, met, met == null && today.isAfter(due));
    }

    /** The steps the case allows now (for the screens). */
    private List<String> nextSteps(Row r) {
        List<String> out = new ArrayList<>();
        if (r.status() == ApplicationStatus.REJECTED) {
            if (r.refusalNotifiedOn() == null) {
                out.add("NOTIFY_REFUSAL");
            }
            if (r.appeals() == 0) {
                out.add("APPEAL");
            }
            return out;
        }
        if (r.status() == ApplicationStatus.ENROLLED) {
            return out;
        }
        ApplicationStatus next = settings.workflow(r.program()).next(r.status());
        boolean running = r.status().notice() && r.noticeTo() != null && !today().isAfter(r.noticeTo());
        if (running) {
            out.add("OBJECT");
        } else if (next != null) {
            out.add(switch (next) {
                case ACCEPTED -> "ACCEPT";
                case CHECKED -> "CHECK";
                case VISITED -> "VISIT";
                case APPRAISED -> "APPRAISE";
                case VILLAGE_NOTICE, TOWN_NOTICE, APPROVAL_NOTICE -> "NOTICE";
                case TOWN_REVIEWED -> "TOWN_REVIEW";
                case APPROVED -> "APPROVE";
                case ENROLLED -> "ENROLL";
                default -> next.name();
            });
        }
        if (r.status() == ApplicationStatus.VISITED) {
            out.add("VISIT");
        }
        if (r.countyVisitReason() != null && !r.countyVisited()
                && r.status().ordinal() >= ApplicationStatus.CHECKED.ordinal()) {
            out.add("COUNTY_VISIT");
        }
        out.add("COMPLAINT");
        out.add("REJECT");
        return out;
    }

    // ================================================================== small things

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private LocalDate date(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(clock.getZone()).toLocalDate();
    }

    private static String id(String text, String whoZh, String whoEn) {
        if (text == null || text.isBlank()) {
            throw ApplicationException.invalid("缺少" + whoZh + "身份证号", "the " + whoEn + "'s ID number is missing");
        }
        try {
            return IdNumbers.normalize(text);
        } catch (InvalidValueException e) {
            throw ApplicationException.invalid(whoZh + "身份证号无效：" + text, "invalid " + whoEn + " ID number: " + text);
        }
    }

    private static String text(String s, String whatZh, String whatEn) {
        if (s == null || s.isBlank()) {
            throw ApplicationException.invalid("须填写" + whatZh, "the " + whatEn + " is required");
        }
        return s.strip().length() > 2000 ? s.strip().substring(0, 2000) : s.strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static BigDecimal money(BigDecimal v) {
        return v == null ? null : v.setScale(2, RoundingMode.HALF_UP);
    }

    /** Household income ÷ covered members (means-tested programs), to the cent. */
    private static BigDecimal perCapita(String program, BigDecimal income, int covered) {
        if (income == null || covered == 0 || !(program.startsWith("DIBAO") || program.equals("TEKUN"))) {
            return null;
        }
        return income.divide(BigDecimal.valueOf(covered), 2, RoundingMode.HALF_UP);
    }

    private static String mask(String idNo) {
        return idNo == null || idNo.length() < 18 ? idNo : idNo.substring(0, 6) + "********" + idNo.substring(14);
    }
}
