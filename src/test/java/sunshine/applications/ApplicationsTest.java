package sunshine.applications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static sunshine.benefits.BenefitTestConfig.AUDITOR;
import static sunshine.benefits.BenefitTestConfig.CITY_STAFF;
import static sunshine.benefits.BenefitTestConfig.COUNTY;
import static sunshine.benefits.BenefitTestConfig.COUNTY_STAFF;
import static sunshine.benefits.BenefitTestConfig.OTHER_COUNTY_STAFF;
import static sunshine.benefits.BenefitTestConfig.TOWN_1;
import static sunshine.benefits.BenefitTestConfig.TOWN_STAFF;
import static sunshine.benefits.BenefitTestConfig.VILLAGE_1;
import static sunshine.benefits.BenefitTestConfig.VILLAGE_STAFF;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import sunshine.benefits.BenefitTestConfig;
import sunshine.benefits.RegistryFixture;
import sunshine.checks.CheckEngine;
import sunshine.checks.CheckSource;
import sunshine.checks.Clue;
import sunshine.payments.BatchLine;
import sunshine.payments.PaymentCycle;
import sunshine.registry.RegistrySources;
import sunshine.security.Actor;

/**
 * Applications through the three reviews and three notices, on a real database: the automatic economic check, the
 * notices and their objections, the staff-relative rules, the amount, enrollment into the registry, rejection and
 * the one appeal, time limits, and the periodic reviews. Abstract: run on H2 and PostgreSQL by the subclasses.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@Import(BenefitTestConfig.class)
abstract class ApplicationsTest {

    static final String INVESTIGATOR_1 = RegistryFixture.id(LocalDate.of(1985, 5, 5), 11);
    static final String INVESTIGATOR_2 = RegistryFixture.id(LocalDate.of(1986, 6, 6), 12);
    static final String APPROVER = RegistryFixture.id(LocalDate.of(1970, 7, 7), 13);

    @Autowired
    Applications applications;
    @Autowired
    Reviews reviews;
    @Autowired
    PaymentCycle payments;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RegistrySources sources;
    @Autowired
    BenefitTestConfig.MutableClock clock;
    @Autowired
    sunshine.audit.AuditLog audit;

    RegistryFixture fx;

    @BeforeEach
    void registry() {
        RegistryFixture.clear(jdbc);
        fx = new RegistryFixture(jdbc).regions().standards();
        clock.setDay(LocalDate.of(2026, 11, 2)); // a Monday
    }

    static String person(int seq) {
        return RegistryFixture.id(LocalDate.of(1960, 3, 1).plusDays(seq), seq);
    }

    /** A rural household new to the registry: two covered members, 400 yuan a month. */
    static NewApplication dibao(String head, String spouse, String card) {
        return new NewApplication("DIBAO_RURAL", null, VILLAGE_1, "RURAL", "一村8号", head, head, card,
                "高唐县农村商业银行", new BigDecimal("400"), false, null, List.of(
                new NewApplication.Member(head, "王大山", "HEAD", null, true),
                new NewApplication.Member(spouse, "李小花", "SPOUSE", null, true)));
    }

    static Requests.Visit visit() {
        return new Requests.Visit(null, List.of(INVESTIGATOR_1, INVESTIGATOR_2), "家中无劳动力，收入属实", null);
    }

    /** Takes a case from its status to the decision (notices running out, the county visiting when it must). */
    Application toApproved(String id, Actor approver) {
        Application a = applications.get(COUNTY_STAFF, id);
        while (a.status() != ApplicationStatus.APPROVED) {
            a = step(a, approver);
        }
        return a;
    }

    Application toEnrolled(String id, Actor approver) {
        Application a = toApproved(id, approver);
        while (a.status() != ApplicationStatus.ENROLLED) {
            a = step(a, approver);
        }
        return a;
    }

    private Application step(Application a, Actor approver) {
        String id = a.applicationId();
        if (a.status().notice() && !clock.today().isAfter(a.noticeTo())) {
            clock.setDay(a.noticeTo().plusDays(1));
            a = applications.get(COUNTY_STAFF, id);
        }
        List<String> next = a.nextSteps();
        String s = next.get(0);
        return switch (s) {
            case "ACCEPT" -> applications.accept(TOWN_STAFF, id);
            case "CHECK" -> applications.check(TOWN_STAFF, id);
            case "VISIT" -> applications.visit(TOWN_STAFF, id, visit());
            case "APPRAISE" -> applications.appraise(VILLAGE_STAFF, id, new Requests.Appraisal(null, "评议通过 7:0"));
            case "NOTICE" -> applications.postNotice(TOWN_STAFF, id);
            case "TOWN_REVIEW" -> applications.townReview(TOWN_STAFF, id, new Requests.TownReview("同意"));
            case "APPROVE" -> {
                if (a.countyVisitReason() != null && !a.countyVisited()) {
                    applications.countyVisit(COUNTY_STAFF, id, visit());
                }
                yield applications.approve(approver, id, new Requests.Approval(APPROVER, null, null, null));
            }
            case "ENROLL" -> applications.enroll(TOWN_STAFF, id);
            default -> throw new IllegalStateException("no step for " + s + " in " + a.status());
        };
    }

    @Test
    void aCaseRunsFromApplicationToEnrollmentAndIsPaidTheNextMonth() {
        String head = person(1);
        String spouse = person(2);
        Application a = applications.submit(VILLAGE_STAFF, dibao(head, spouse, "6230000000000101"));
        String id = a.applicationId();
        assertThat(id).startsWith("A3715262026");
        assertThat(a.status()).isEqualTo(ApplicationStatus.APPLIED);
        assertThat(a.householdId()).isEqualTo("H" + id.substring(1));
        assertThat(a.approvalLevel()).isEqualTo(Level.COUNTY);
        assertThat(a.relativeCase()).isFalse();
        assertThat(a.nextSteps()).startsWith("ACCEPT");

        a = applications.accept(TOWN_STAFF, id);
        assertThat(a.status()).isEqualTo(ApplicationStatus.CHECKED);
        assertThat(a.checkError()).isNull();
        assertThat(a.findings()).isEmpty();
        assertThat(a.deadlines()).extracting(Application.Deadline::kind).containsExactly("INVESTIGATION", "WHOLE_CASE");
        assertThat(a.deadlines().get(0).metOn()).isEqualTo(LocalDate.of(2026, 11, 2));
        assertThat(a.deadlines().get(1).due()).isEqualTo(LocalDate.of(2026, 12, 14)); // 30 working days

        assertThatThrownBy(() -> applications.visit(TOWN_STAFF, id, new Requests.Visit(null, List.of(INVESTIGATOR_1),
                "x", null))).isInstanceOf(ApplicationException.class).extracting("kind")
                .isEqualTo(ApplicationException.Kind.INVALID);
        assertThatThrownBy(() -> applications.visit(TOWN_STAFF, id, new Requests.Visit(null, List.of(INVESTIGATOR_1,
                head), "x", null))).isInstanceOf(ApplicationException.class).extracting("kind")
                .isEqualTo(ApplicationException.Kind.FORBIDDEN);
        a = applications.visit(TOWN_STAFF, id, new Requests.Visit(null, List.of(INVESTIGATOR_1, INVESTIGATOR_2),
                "核实家庭月收入400元", new BigDecimal("400")));
        assertThat(a.status()).isEqualTo(ApplicationStatus.VISITED);
        // the minimum living guarantee has the democratic appraisal before the village notice
        assertThatThrownBy(() -> applications.postNotice(TOWN_STAFF, id)).isInstanceOf(ApplicationException.class)
                .extracting("kind").isEqualTo(ApplicationException.Kind.ILLEGAL_TRANSITION);
        applications.appraise(VILLAGE_STAFF, id, new Requests.Appraisal(null, "评议通过 7:0"));
        a = applications.postNotice(VILLAGE_STAFF, id);
        assertThat(a.status()).isEqualTo(ApplicationStatus.VILLAGE_NOTICE);
        assertThat(a.noticeFrom()).isEqualTo(LocalDate.of(2026, 11, 2));
        assertThat(a.noticeTo()).isEqualTo(LocalDate.of(2026, 11, 8));
        clock.setDay(LocalDate.of(2026, 11, 8));
        assertThatThrownBy(() -> applications.townReview(TOWN_STAFF, id, new Requests.TownReview("同意")))
                .isInstanceOf(ApplicationException.class).extracting("kind")
                .isEqualTo(ApplicationException.Kind.ILLEGAL_TRANSITION);
        clock.setDay(LocalDate.of(2026, 11, 9));
        a = applications.townReview(TOWN_STAFF, id, new Requests.TownReview("同意"));
        assertThat(a.status()).isEqualTo(ApplicationStatus.TOWN_REVIEWED);
        assertThat(a.notices()).extracting(Application.NoticeView::outcome).containsExactly("PASSED");
        assertThat(a.countyVisitDraw()).isNotNull();
        if (a.countyVisitReason() != null) {
            assertThat(a.countyVisitReason()).isEqualTo("RANDOM");
            applications.countyVisit(COUNTY_STAFF, id, visit());
        }
        applications.postNotice(TOWN_STAFF, id);
        clock.setDay(LocalDate.of(2026, 11, 16));
        Map<String, Object> calc = applications.calculation(TOWN_STAFF, id);
        assertThat(calc.get("formula")).isEqualTo("max(0, 600.00 − 200.00) × 2 = 800.00");
        assertThatThrownBy(() -> applications.approve(TOWN_STAFF, id, new Requests.Approval(APPROVER, null, null,
                null))).isInstanceOf(ApplicationException.class).extracting("kind")
                .isEqualTo(ApplicationException.Kind.FORBIDDEN);
        a = applications.approve(COUNTY_STAFF, id, new Requests.Approval(APPROVER, null, null, null));
        assertThat(a.status()).isEqualTo(ApplicationStatus.APPROVED);
        assertThat(a.monthlyAmount()).isEqualByComparingTo("800.00");
        assertThat(a.startMonth()).isEqualTo(YearMonth.of(2026, 12));
        assertThat(a.calculation()).contains("\"perCapitaIncome\":\"200.00\"").contains("\"effectiveMonth\":\"2025-01\"");
        assertThat(a.deadlines()).filteredOn(d -> d.kind().equals("COUNTY_DECISION")).singleElement()
                .satisfies(d -> {
                    assertThat(d.from()).isEqualTo(LocalDate.of(2026, 11, 16));
                    assertThat(d.metOn()).isEqualTo(LocalDate.of(2026, 11, 16));
                });
        a = applications.postNotice(TOWN_STAFF, id);
        assertThat(a.status()).isEqualTo(ApplicationStatus.APPROVAL_NOTICE);
        clock.setDay(LocalDate.of(2026, 11, 23));
        a = applications.enroll(TOWN_STAFF, id);
        assertThat(a.status()).isEqualTo(ApplicationStatus.ENROLLED);
        String enrollment = a.enrollmentId();
        assertThat(enrollment).isEqualTo("E" + id.substring(1));

        // in the registry, as platform rows
        Map<String, Object> e = jdbc.queryForMap("SELECT * FROM enrollments WHERE enrollment_id = ?", enrollment);
        assertThat(e.get("status")).isEqualTo("ACTIVE");
        assertThat(e.get("start_month").toString().strip()).isEqualTo("2026-12");
        assertThat((BigDecimal) e.get("monthly_amount")).isEqualByComparingTo("800.00");
        assertThat((BigDecimal) e.get("per_capita_income")).isEqualByComparingTo("200.00");
        assertThat(e.get("approver_id_no")).isEqualTo(APPROVER);
        assertThat(e.get("investigator_id_no")).isEqualTo(INVESTIGATOR_1);
        assertThat(((Number) e.get("import_id")).longValue()).isZero();
        assertThat(jdbc.queryForList("SELECT id_no FROM enrollment_members WHERE enrollment_id = ? ORDER BY id_no",
                String.class, enrollment)).containsExactlyInAnyOrder(head, spouse);
        assertThat(jdbc.queryForObject("SELECT holder_id_no FROM cards WHERE card_no = '6230000000000101'",
                String.class)).isEqualTo(head);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM persons WHERE household_id = ?", Integer.class,
                a.householdId())).isEqualTo(2);
        assertThat(applications.history(COUNTY_STAFF, id)).extracting(ApplicationEvent::action).containsSubsequence(
                "SUBMIT", "ACCEPT", "CHECK", "VISIT", "APPRAISE", "NOTICE", "TOWN_REVIEW", "NOTICE", "APPROVE",
                "NOTICE", "ENROLL");
        assertThat(audit.recent(AUDITOR, 200)).filteredOn(x -> x.subject().equals("application:" + id))
                .extracting(sunshine.audit.AuditEntry::action).contains("APPLICATION_APPROVE", "APPLICATION_ENROLL");

        // the amount is what C02 expects, and nobody who decided is a beneficiary
        CheckEngine c = CheckEngine.standard().only(Set.of("C02", "D03"));
        try (CheckSource db = sources.open()) {
            assertThat(c.run(db, YearMonth.of(2026, 12), c.defaultParameters()).clues()).isEmpty();
        }
        // paid from the month after the decision: December's payroll lists it, November's does not
        assertThat(payments.generate(COUNTY_STAFF, TOWN_1, YearMonth.of(2026, 11))).isEmpty();
        String batch = payments.generate(COUNTY_STAFF, TOWN_1, YearMonth.of(2026, 12)).orElseThrow().batchId();
        assertThat(payments.lines(COUNTY_STAFF, batch)).extracting(BatchLine::enrollmentId).containsExactly(enrollment);
        assertThat(payments.lines(COUNTY_STAFF, batch).get(0).cardNo()).isEqualTo("6230000000000101");
    }

    @Test
    void theEconomicCheckRunsTheEngineOnTheHouseholdBeforeAnyoneVisits() {
        String head = person(1);
        String spouse = person(2);
        fx.death(spouse, LocalDate.of(2026, 5, 20));
        Application a = applications.submit(VILLAGE_STAFF, dibao(head, spouse, "6230000000000101"));
        a = applications.accept(TOWN_STAFF, a.applicationId());
        assertThat(a.status()).isEqualTo(ApplicationStatus.CHECKED);
        assertThat(a.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("A01");
            assertThat(f.ruleName()).isEqualTo("死亡人员仍领取");
            assertThat(f.idNo()).isEqualTo(spouse);
            assertThat(f.evidence()).contains("2026-05-20");
        });
        // nothing of the probe stays in the registry
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM enrollments", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM persons", Integer.class)).isZero();
    }

    @Test
    void aStaffRelativeIsFiledAndApprovedOneLevelUpByNoRelative() {
        String cadre = person(50);
        String official = person(51);
        fx.household("HS1", VILLAGE_1, cadre, "RURAL").person(cadre, "村干部", "HS1", "HEAD");
        fx.staff(cadre, "村干部", "VILLAGE_CADRE", VILLAGE_1, "VILLAGE");
        fx.staff(official, "县干部", "COUNTY_OFFICIAL", COUNTY, "COUNTY");
        String old = person(52);
        fx.relative(cadre, old, "PARENT");
        fx.relative(official, old, "SIBLING");
        Application a = applications.submit(TOWN_STAFF, new NewApplication("TEKUN", null, VILLAGE_1, "RURAL",
                "一村9号", old, old, "6230000000000201", "高唐县农村商业银行", BigDecimal.ZERO, false, null,
                List.of(new NewApplication.Member(old, "老人", "HEAD", null, true))));
        String id = a.applicationId();
        assertThat(a.relativeCase()).isTrue();
        assertThat(a.approvalLevel()).isEqualTo(Level.CITY); // a county official's sibling: the city decides
        assertThat(a.countyVisitReason()).isEqualTo("RELATIVE");
        assertThat(a.staffLinks()).extracting(Application.StaffLink::staffIdNo).containsExactlyInAnyOrder(cadre, official);

        a = applications.get(COUNTY_STAFF, id);
        while (a.status() != ApplicationStatus.TOWN_NOTICE) {
            a = step(a, CITY_STAFF);
        }
        clock.setDay(a.noticeTo().plusDays(1));
        assertThatThrownBy(() -> applications.approve(COUNTY_STAFF, id, new Requests.Approval(APPROVER, null, null,
                null))).isInstanceOf(ApplicationException.class).extracting("kind")
                .isEqualTo(ApplicationException.Kind.FORBIDDEN);
        assertThatThrownBy(() -> applications.approve(CITY_STAFF, id, new Requests.Approval(APPROVER, null, null,
                null))).isInstanceOf(ApplicationException.class).extracting("kind")
                .isEqualTo(ApplicationException.Kind.ILLEGAL_TRANSITION); // the county has not visited
        applications.countyVisit(COUNTY_STAFF, id, visit());
        assertThatThrownBy(() -> applications.approve(CITY_STAFF, id, new Requests.Approval(official, null, null,
                null))).isInstanceOf(ApplicationException.class).extracting("kind")
                .isEqualTo(ApplicationException.Kind.FORBIDDEN); // the approver is the applicant's sibling
        a = applications.approve(CITY_STAFF, id, new Requests.Approval(APPROVER, null, null, null));
        assertThat(a.monthlyAmount()).isEqualByComparingTo("1000.00");
        Application enrolled = toEnrolled(id, CITY_STAFF);

        assertThat(jdbc.queryForList("SELECT related_id_no || ':' || filed_level FROM filings WHERE kind = 'RELATIVE' "
                + "AND subject_id_no = ? ORDER BY related_id_no", String.class, old))
                .containsExactlyInAnyOrder(cadre + ":COUNTY", official + ":CITY");
        assertThat(enrolled.staffLinks()).allSatisfy(l -> assertThat(l.filingId()).isNotNull());
        // the staff-integrity rules find the case in order
        CheckEngine d = CheckEngine.standard().only(Set.of("D01", "D02", "D03", "D04"));
        try (CheckSource db = sources.open()) {
            List<Clue> clues = d.run(db, YearMonth.of(2026, 12), d.defaultParameters()).clues();
            assertThat(clues).filteredOn(c -> enrolled.enrollmentId().equals(c.enrollmentId())
                    || (c.subject().startsWith("F" + id.substring(1)))).isEmpty();
        }
    }

    @Test
    void anObjectionSendsTheCaseBackAndARefusalIsAppealedOnce() {
        Application a = applications.submit(VILLAGE_STAFF, dibao(person(1), person(2), "6230000000000101"));
        String id = a.applicationId();
        applications.accept(TOWN_STAFF, id);
        applications.visit(TOWN_STAFF, id, visit());
        applications.appraise(VILLAGE_STAFF, id, new Requests.Appraisal(null, "通过"));
        applications.postNotice(VILLAGE_STAFF, id);
        clock.setDay(LocalDate.of(2026, 11, 5));
        a = applications.object(VILLAGE_STAFF, id, "村民反映其子在外地经商");
        assertThat(a.status()).isEqualTo(ApplicationStatus.VISITED);
        assertThat(a.complaints()).isEqualTo(1);
        assertThat(a.countyVisitReason()).isEqualTo("COMPLAINT");
        assertThat(a.notices()).singleElement().satisfies(n -> {
            assertThat(n.outcome()).isEqualTo("OBJECTED");
            assertThat(n.objection()).isEqualTo("村民反映其子在外地经商");
        });
        assertThatThrownBy(() -> applications.object(VILLAGE_STAFF, id, "again"))
                .isInstanceOf(ApplicationException.class);

        // refused at the town, with reasons; the applicant must be told within 3 working days
        a = applications.reject(TOWN_STAFF, id, "子女有赡养能力");
        assertThat(a.status()).isEqualTo(ApplicationStatus.REJECTED);
        assertThat(a.rejectedFrom()).isEqualTo(ApplicationStatus.VISITED);
        Application.Deadline refusal = a.deadlines().stream().filter(d -> d.kind().equals("REFUSAL_NOTICE"))
                .findFirst().orElseThrow();
        assertThat(refusal.due()).isEqualTo(LocalDate.of(2026, 11, 10)); // Thursday + 3 working days
        clock.setDay(LocalDate.of(2026, 11, 11));
        assertThat(applications.get(COUNTY_STAFF, id).overdue()).isTrue();
        assertThat(applications.list(COUNTY_STAFF, null, null, true, 100)).extracting(Application::applicationId)
                .containsExactly(id);
        a = applications.notifyRefusal(TOWN_STAFF, id, LocalDate.of(2026, 11, 11));
        assertThat(a.overdue()).isFalse();

        // one appeal: back to where it was refused
        a = applications.appeal(TOWN_STAFF, id, "子女无固定收入");
        assertThat(a.status()).isEqualTo(ApplicationStatus.VISITED);
        assertThat(a.appeals()).isEqualTo(1);
        applications.reject(TOWN_STAFF, id, "复查后仍不符合条件");
        assertThatThrownBy(() -> applications.appeal(TOWN_STAFF, id, "再次申诉"))
                .isInstanceOf(ApplicationException.class).extracting("kind")
                .isEqualTo(ApplicationException.Kind.ILLEGAL_TRANSITION);
        // the database holds the line too
        assertThatThrownBy(() -> jdbc.update("UPDATE application SET appeals = 2 WHERE application_id = ?", id))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void oneOpenApplicationPerHouseholdAndProgramAndNobodyCoveredTwice() {
        // an enrolled household of the registry
        String head = fx.enrolledHousehold("E0000001", "DIBAO_RURAL", VILLAGE_1, 1, "500.00", "6230000000000001", 1);
        NewApplication again = new NewApplication("DIBAO_RURAL", "H0000001", null, null, null, head, head, null, null,
                BigDecimal.ZERO, false, null, List.of(new NewApplication.Member(head, "户主1", "HEAD", null, true)));
        Application a = applications.submit(TOWN_STAFF, again);
        assertThat(a.newHousehold()).isFalse();
        assertThat(a.regionCode()).isEqualTo(VILLAGE_1);
        assertThatThrownBy(() -> applications.submit(TOWN_STAFF, again)).isInstanceOf(ApplicationException.class)
                .extracting("kind").isEqualTo(ApplicationException.Kind.CONFLICT);
        // the person is covered already: the case cannot be enrolled
        Application approved = toApproved(a.applicationId(), COUNTY_STAFF);
        clock.setDay(applications.postNotice(TOWN_STAFF, approved.applicationId()).noticeTo().plusDays(1));
        assertThatThrownBy(() -> applications.enroll(TOWN_STAFF, a.applicationId()))
                .isInstanceOf(ApplicationException.class).extracting("kind")
                .isEqualTo(ApplicationException.Kind.CONFLICT);
    }

    @Test
    void whoMaySeeAndDoWhat() {
        Application a = applications.submit(VILLAGE_STAFF, dibao(person(1), person(2), "6230000000000101"));
        String id = a.applicationId();
        assertThat(applications.get(AUDITOR, id).applicationId()).isEqualTo(id);
        assertThatThrownBy(() -> applications.accept(AUDITOR, id)).isInstanceOf(ApplicationException.class)
                .extracting("kind").isEqualTo(ApplicationException.Kind.FORBIDDEN);
        assertThatThrownBy(() -> applications.accept(VILLAGE_STAFF, id)).isInstanceOf(ApplicationException.class)
                .extracting("kind").isEqualTo(ApplicationException.Kind.FORBIDDEN);
        assertThatThrownBy(() -> applications.get(OTHER_COUNTY_STAFF, id)).isInstanceOf(ApplicationException.class)
                .extracting("kind").isEqualTo(ApplicationException.Kind.NOT_FOUND);
        assertThat(applications.list(OTHER_COUNTY_STAFF, null, null, null, 10)).isEmpty();
    }

    @Test
    void overdueCasesShowRed() {
        Application a = applications.submit(VILLAGE_STAFF, dibao(person(1), person(2), "6230000000000101"));
        applications.accept(TOWN_STAFF, a.applicationId());
        clock.setDay(LocalDate.of(2026, 12, 14));
        assertThat(applications.get(COUNTY_STAFF, a.applicationId()).overdue()).isFalse();
        clock.setDay(LocalDate.of(2026, 12, 15));
        Application late = applications.get(COUNTY_STAFF, a.applicationId());
        assertThat(late.overdue()).isTrue();
        assertThat(late.deadlines()).filteredOn(Application.Deadline::overdue).extracting(Application.Deadline::kind)
                .containsExactly("WHOLE_CASE");
    }

    @Test
    void theOverdueFilterPagesThroughTheOverdueCasesOnly() {
        List<String> late = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Application a = applications.submit(VILLAGE_STAFF, dibao(person(10 + 2 * i), person(11 + 2 * i),
                    "623000000000020" + i));
            applications.accept(TOWN_STAFF, a.applicationId());
            late.add(0, a.applicationId()); // newest first
        }
        clock.setDay(LocalDate.of(2026, 12, 10));
        Application onTime = applications.submit(VILLAGE_STAFF, dibao(person(20), person(21), "6230000000000210"));
        applications.accept(TOWN_STAFF, onTime.applicationId());
        clock.setDay(LocalDate.of(2026, 12, 15));

        assertThat(applications.list(COUNTY_STAFF, null, null, true, 10)).extracting(Application::applicationId)
                .containsExactlyElementsOf(late);
        assertThat(applications.list(COUNTY_STAFF, null, null, false, 10)).extracting(Application::applicationId)
                .containsExactly(onTime.applicationId());
        assertThat(applications.page(COUNTY_STAFF, null, null, null, true, 1, 1)).extracting(Application::applicationId)
                .containsExactly(late.get(1));
        assertThat(applications.page(COUNTY_STAFF, null, null, null, true, 3, 5)).isEmpty();
        assertThat(applications.page(COUNTY_STAFF, null, null, null, null, 0, 10)).hasSize(4);
    }

    @Test
    void theCountysRandomThirtyPercentIsReproducible() {
        int drawn = 0;
        for (int i = 0; i < 2000; i++) {
            String id = "A3715262026" + String.format("%06d", i);
            int d = applications.draw(id);
            assertThat(applications.draw(id)).isEqualTo(d);
            if (d < 3000) {
                drawn++;
            }
        }
        assertThat(drawn).isBetween(520, 680);
    }

    @Test
    void enrolledHouseholdsAreReviewedOnTheirRhythm() {
        fx.enrolledHousehold("E0000001", "DIBAO_RURAL", VILLAGE_1, 1, "500.00", "6230000000000001", 1);
        fx.enrolledHousehold("E0000002", "TEKUN", VILLAGE_1, 1, "1000.00", "6230000000000002", 2);
        fx.enrolledHousehold("E0000003", "DIBAO_RURAL", VILLAGE_1, 1, "500.00", "6230000000000003", 3);
        jdbc.update("UPDATE enrollments SET approved_date = DATE '2026-10-20' WHERE enrollment_id = 'E0000003'");
        List<ReviewItem> due = reviews.worklist(TOWN_STAFF, LocalDate.of(2026, 11, 2), 30);
        assertThat(due).extracting(ReviewItem::enrollmentId).containsExactly("E0000001", "E0000002");
        assertThat(due.get(0).due()).isEqualTo(LocalDate.of(2025, 9, 10)); // six months
        assertThat(due.get(1).due()).isEqualTo(LocalDate.of(2026, 3, 10)); // stable: a year
        assertThat(due).allMatch(ReviewItem::overdue);

        ReviewRecord r = reviews.review(TOWN_STAFF, "E0000001", new ReviewRecord.Request("CONTINUE", "情况未变", null,
                null, null));
        assertThat(r.newStatus()).isEqualTo("ACTIVE");
        assertThatThrownBy(() -> reviews.review(TOWN_STAFF, "E0000002", new ReviewRecord.Request("ADJUST", "收入变化",
                null, null, null))).isInstanceOf(ApplicationException.class);
        ReviewRecord s = reviews.review(TOWN_STAFF, "E0000002", new ReviewRecord.Request("SUSPEND", "外出务工", null,
                null, null));
        assertThat(s.newStatus()).isEqualTo("SUSPENDED");
        assertThat(jdbc.queryForObject("SELECT status FROM enrollments WHERE enrollment_id = 'E0000002'", String.class))
                .isEqualTo("SUSPENDED");
        assertThat(reviews.worklist(TOWN_STAFF, LocalDate.of(2026, 11, 2), 30)).isEmpty();
        assertThat(reviews.reviews(COUNTY_STAFF, "E0000001")).extracting(ReviewRecord::outcome)
                .containsExactly("CONTINUE");
        assertThatThrownBy(() -> reviews.review(AUDITOR, "E0000001", new ReviewRecord.Request("CONTINUE", "x", null,
                null, null))).isInstanceOf(ApplicationException.class);
    }
}
