package sunshine.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static sunshine.ledger.LedgerTestConfig.AUDITOR;
import static sunshine.ledger.LedgerTestConfig.COUNTY;
import static sunshine.ledger.LedgerTestConfig.COUNTY_STAFF;
import static sunshine.ledger.LedgerTestConfig.OTHER_COUNTY;
import static sunshine.ledger.LedgerTestConfig.START;
import static sunshine.ledger.LedgerTestConfig.TOWN_STAFF;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import sunshine.checks.Severity;
import sunshine.ledger.LedgerItem;
import sunshine.ledger.LedgerService;
import sunshine.ledger.LedgerSource;
import sunshine.ledger.LedgerStatus;
import sunshine.ledger.LedgerTestConfig;
import sunshine.supervision.SupervisionException.Kind;

/**
 * Random inspections against a real database: announced, drawn on the date with the beacon, replayed, results
 * into the ledger, published; scoping. Abstract: {@link InspectionServiceH2Test}, {@link InspectionServicePostgresTest}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "sunshine.ledger.escalation-cron=-")
@Import(LedgerTestConfig.class)
abstract class InspectionServiceTest {

    static final LocalDate DRAW_DATE = LocalDate.of(2026, 11, 10);

    @Autowired
    InspectionService inspections;
    @Autowired
    LedgerService ledger;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    LedgerTestConfig.MutableClock clock;

    @BeforeEach
    void empty() {
        LedgerTestConfig.clear(jdbc);
        clock.set(START);
    }

    private NewInspection plan(Sample sample) {
        return new NewInspection("2026年第四季度低保双随机抽查", COUNTY, TargetKind.HOUSEHOLD, DrawTest.ANNOUNCEMENT,
                DRAW_DATE, sample, 2, DrawTest.targets(), DrawTest.inspectors());
    }

    @Test
    void announcedThenDrawnOnTheDateReproduciblyThenRecordedAndPublished() {
        InspectionPlan p = inspections.create(COUNTY_STAFF, plan(Sample.fixed(4)));
        assertThat(p.status()).isEqualTo(InspectionPlan.Status.ANNOUNCED);
        assertThat(p.poolHash()).isEqualTo("8fb87c7a2a7eeeba79c13639d353b98bd97537021c45c6e888db5e05deeb9d2d");
        assertThat(p.poolSize()).isEqualTo(10);
        assertThat(p.inspectorCount()).isEqualTo(5);

        // public from the announcement on, without seed or sample
        PublicInspection announced = inspections.publicView(p.id());
        assertThat(announced.announcement()).isEqualTo(DrawTest.ANNOUNCEMENT);
        assertThat(announced.seed()).isNull();
        assertThat(announced.draw()).isNull();
        assertThat(announced.targets()).hasSize(10);

        assertRefused(() -> inspections.draw(COUNTY_STAFF, p.id(), p.version(), DrawTest.BEACON),
                Kind.ILLEGAL_STATE, "未到", "not before");
        clock.set(START.plus(Duration.ofDays(8)));
        InspectionDetail drawn = inspections.draw(COUNTY_STAFF, p.id(), p.version(), DrawTest.BEACON);
        assertThat(drawn.plan().status()).isEqualTo(InspectionPlan.Status.DRAWN);
        assertThat(drawn.draw()).isEqualTo(sunshine.supervision.internal.Draws.draw(DrawTest.vector()));
        assertThat(drawn.plan().seed()).isEqualTo("7ebe5e782108e7162132cf01f522d43600b86108d4942a3efe660d30f1cfb8d2");
        assertRefused(() -> inspections.draw(COUNTY_STAFF, p.id(), drawn.plan().version(), "another beacon"),
                Kind.ILLEGAL_STATE, "不能重新抽取", "never repeated");

        Verification v = inspections.verify(p.id());
        assertThat(v.ok()).isTrue();
        assertThat(inspections.publicView(p.id()).draw()).isEqualTo(drawn.draw());

        // results: one target with a problem, which enters the ledger; the others clean
        assertRefused(() -> inspections.publish(COUNTY_STAFF, p.id(), drawn.plan().version()), Kind.ILLEGAL_STATE,
                "还有4个目标", "4 sampled targets");
        assertRefused(() -> inspections.recordResult(COUNTY_STAFF, p.id(), new ResultInput("H0001",
                ResultInput.Outcome.NO_PROBLEM, DRAW_DATE, null, null, null)), Kind.INVALID, "未被抽中",
                "not a sampled target");
        InspectionDetail d = inspections.recordResult(COUNTY_STAFF, p.id(), new ResultInput("H0009",
                ResultInput.Outcome.PROBLEM, DRAW_DATE, "户主在县城有商铺一间，未申报", "发现1个问题",
                List.of(new FoundProblem("A04", Severity.MEDIUM, null, "DIBAO_RURAL", "H0009", null,
                        new BigDecimal("3600.00"), "拥有商铺仍享受低保"))));
        assertThat(d.results()).singleElement().satisfies(r -> assertThat(r.ledgerItemIds()).hasSize(1));
        LedgerItem item = ledger.get(COUNTY_STAFF, d.results().get(0).ledgerItemIds().get(0));
        assertThat(item.source()).isEqualTo(LedgerSource.INSPECTION);
        assertThat(item.rule()).isEqualTo("A04");
        assertThat(item.subject()).startsWith("I" + p.id() + "/H0009#");
        assertThat(item.status()).isEqualTo(LedgerStatus.ASSIGNED);
        assertThat(item.townCode()).isEqualTo("371526102000");
        assertThat(item.amountAtRisk()).isEqualByComparingTo("3600.00");
        assertRefused(() -> inspections.recordResult(COUNTY_STAFF, p.id(), new ResultInput("H0009",
                ResultInput.Outcome.NO_PROBLEM, DRAW_DATE, null, null, null)), Kind.ILLEGAL_STATE, "已经录入",
                "recorded already");
        assertRefused(() -> inspections.recordResult(COUNTY_STAFF, p.id(), new ResultInput("H0005",
                ResultInput.Outcome.PROBLEM, DRAW_DATE, null, null, null)), Kind.INVALID, "列出问题", "PROBLEM");
        for (String t : List.of("H0005", "H0007", "H0010")) {
            d = inspections.recordResult(COUNTY_STAFF, p.id(), new ResultInput(t, ResultInput.Outcome.NO_PROBLEM,
                    DRAW_DATE, "未发现问题", "未发现问题", null));
        }
        InspectionDetail published = inspections.publish(COUNTY_STAFF, p.id(), d.plan().version());
        assertThat(published.plan().status()).isEqualTo(InspectionPlan.Status.PUBLISHED);

        PublicInspection pub = inspections.publicView(p.id());
        assertThat(pub.results()).extracting(PublicInspection.Outcome::targetId)
                .containsExactly("H0009", "H0005", "H0007", "H0010");
        assertThat(pub.results().get(0).problems()).isEqualTo(1);
        assertThat(pub.results().get(0).summary()).isEqualTo("发现1个问题");
        assertThat(pub.toString()).doesNotContain("商铺");
        assertThat(inspections.verify(p.id()).ok()).isTrue();
    }

    @Test
    void theSampleSizeIsComputedFromConfidenceAndMargin() {
        List<PoolTarget> pool = new java.util.ArrayList<>();
        for (int i = 0; i < 500; i++) {
            pool.add(new PoolTarget(String.format("E%05d", i), "37152610" + (i % 3) + "2" + String.format("%02d",
                    i % 50), null));
        }
        InspectionPlan p = inspections.create(COUNTY_STAFF, new NewInspection("全县抽查", COUNTY,
                TargetKind.ENROLLMENT, "公告", DRAW_DATE, Sample.computed("0.95", "0.05"), 1, pool,
                DrawTest.inspectors()));
        assertThat(p.sampleSize()).isEqualTo(218);
        assertThat(p.confidence()).isEqualByComparingTo("0.95");
        assertThat(p.proportion()).isEqualByComparingTo("0.5");
        clock.set(START.plus(Duration.ofDays(8)));
        assertThat(inspections.draw(COUNTY_STAFF, p.id(), p.version(), "").draw().assignments()).hasSize(218);
        assertThat(inspections.verify(p.id()).ok()).isTrue();
    }

    @Test
    void aChangedPoolOrDrawIsFoundByVerification() {
        InspectionPlan p = inspections.create(COUNTY_STAFF, plan(Sample.fixed(4)));
        clock.set(START.plus(Duration.ofDays(8)));
        inspections.draw(COUNTY_STAFF, p.id(), p.version(), DrawTest.BEACON);

        jdbc.update("UPDATE inspection_assignment SET inspector_id = 'I03' WHERE plan_id = ? AND target_id = 'H0009' "
                + "AND position = 2", p.id());
        Verification v = inspections.verify(p.id());
        assertThat(v.poolMatches()).isTrue();
        assertThat(v.seedMatches()).isTrue();
        assertThat(v.drawMatches()).isFalse();

        jdbc.update("UPDATE inspection_target SET region_code = '371526101299' WHERE plan_id = ? AND target_id = 'H0001'",
                p.id());
        assertThat(inspections.verify(p.id()).poolMatches()).isFalse();
    }

    @Test
    void onlyCountyStaffOrganiseAndOnlyWithinTheirRegion() {
        assertRefused(() -> inspections.create(TOWN_STAFF, plan(Sample.fixed(2))), Kind.FORBIDDEN, "县级", "county");
        assertRefused(() -> inspections.create(AUDITOR, plan(Sample.fixed(2))), Kind.FORBIDDEN, "只能查看",
                "may look");
        assertRefused(() -> inspections.create(OTHER_COUNTY, plan(Sample.fixed(2))), Kind.FORBIDDEN, "管辖范围",
                "outside");
        NewInspection past = new NewInspection("x", COUNTY, TargetKind.HOUSEHOLD, "公告", LocalDate.of(2026, 11, 1),
                Sample.fixed(2), 2, DrawTest.targets(), DrawTest.inspectors());
        assertRefused(() -> inspections.create(COUNTY_STAFF, past), Kind.INVALID, "抽取日期", "draw date");
        NewInspection tooMany = new NewInspection("x", COUNTY, TargetKind.HOUSEHOLD, "公告", DRAW_DATE,
                Sample.fixed(2), 4, DrawTest.targets(), DrawTest.inspectors());
        assertRefused(() -> inspections.create(COUNTY_STAFF, tooMany), Kind.INVALID, "不足4名", "fewer than 4");

        InspectionPlan p = inspections.create(COUNTY_STAFF, plan(Sample.fixed(2)));
        assertThat(inspections.get(AUDITOR, p.id()).plan().id()).isEqualTo(p.id());
        assertThat(inspections.list(LedgerTestConfig.CITY_STAFF)).hasSize(1);
        assertRefused(() -> inspections.get(OTHER_COUNTY, p.id()), Kind.NOT_FOUND, "不存在", "no such");
        assertRefused(() -> inspections.get(TOWN_STAFF, p.id()), Kind.NOT_FOUND, "不存在", "no such");
        assertThat(inspections.list(OTHER_COUNTY)).isEmpty();
        clock.set(START.plus(Duration.ofDays(8)));
        assertRefused(() -> inspections.draw(AUDITOR, p.id(), p.version(), ""), Kind.FORBIDDEN, "只能查看", "may look");
        assertRefused(() -> inspections.draw(COUNTY_STAFF, p.id(), p.version() + 1, ""), Kind.CONFLICT, "已被他人修改",
                "changed by someone else");
    }

    static void assertRefused(Runnable r, Kind kind, String zh, String en) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(SupervisionException.class, e -> {
            assertThat(e.kind()).as(e.getMessage()).isEqualTo(kind);
            assertThat(e.reason().zh()).contains(zh);
            assertThat(e.reason().en()).contains(en);
        });
    }
}
