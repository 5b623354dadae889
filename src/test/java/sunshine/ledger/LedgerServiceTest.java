package sunshine.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static sunshine.ledger.LedgerTestConfig.AUDITOR;
import static sunshine.ledger.LedgerTestConfig.CITY_STAFF;
import static sunshine.ledger.LedgerTestConfig.COUNTY;
import static sunshine.ledger.LedgerTestConfig.COUNTY_REVIEWER;
import static sunshine.ledger.LedgerTestConfig.COUNTY_STAFF;
import static sunshine.ledger.LedgerTestConfig.DISCIPLINE;
import static sunshine.ledger.LedgerTestConfig.OTHER_COUNTY;
import static sunshine.ledger.LedgerTestConfig.OTHER_TOWN;
import static sunshine.ledger.LedgerTestConfig.PROVINCE;
import static sunshine.ledger.LedgerTestConfig.PROVINCE_STAFF;
import static sunshine.ledger.LedgerTestConfig.START;
import static sunshine.ledger.LedgerTestConfig.TOWN_1;
import static sunshine.ledger.LedgerTestConfig.TOWN_2;
import static sunshine.ledger.LedgerTestConfig.TOWN_STAFF;
import static sunshine.ledger.LedgerTestConfig.VILLAGE;
import static sunshine.ledger.LedgerTestConfig.VILLAGE_1;
import static sunshine.ledger.LedgerTestConfig.VILLAGE_2;
import static sunshine.ledger.LedgerTestConfig.clue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.awaitility.Awaitility;
import org.dhatim.fastexcel.Workbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import sunshine.checks.CheckRunCompleted;
import sunshine.checks.Clue;
import sunshine.checks.Severity;
import sunshine.ledger.LedgerException.Kind;

/**
 * The ledger against a real database: every path of the life cycle, refused transitions, escalation with a set
 * clock, recurrence, partial recoveries, evidence files, concurrent changes of one case with real threads,
 * complaints, region scoping. Abstract: {@link LedgerServiceH2Test} and {@link LedgerServicePostgresTest} run it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "sunshine.ledger.escalation-cron=-", "sunshine.ledger.evidence.max-size=64KB",
        "sunshine.ledger.complaints.per-address=3"})
@Import(LedgerTestConfig.class)
abstract class LedgerServiceTest {

    @Autowired
    LedgerService ledger;
    @Autowired
    ClueIntake intake;
    @Autowired
    ComplaintService complaints;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    LedgerTestConfig.MutableClock clock;
    @Autowired
    LedgerTestConfig.TestRuns runs;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;
    @Value("${sunshine.data-dir}")
    Path dataDir;

    private final AtomicLong runIds = new AtomicLong(100);

    @BeforeEach
    void empty() {
        LedgerTestConfig.clear(jdbc);
        sunshine.registry.TestDatabases.deleteRecursively(dataDir.resolve("evidence"));
        clock.set(START);
    }

    @AfterEach
    void resetClock() {
        clock.set(START);
    }

    // ================================================================ intake and assignment

    @Test
    void aClueBecomesAnItemAssignedToItsTownWithADeadlineBySeverity() {
        IntakeResult r = intake.intake(7, List.of(
                clue("A01", "E001/371526195001011234", VILLAGE_1, "1200.50", Severity.HIGH),
                clue("B04", "6228480001", VILLAGE_2, "300.00", Severity.CRITICAL),
                clue("B07", "P0903", VILLAGE_1, "0.00", Severity.LOW)));

        assertThat(r).isEqualTo(new IntakeResult(7, 3, 0, 0, 0));
        LedgerItem a01 = only("A01");
        assertThat(a01.status()).isEqualTo(LedgerStatus.ASSIGNED);
        assertThat(a01.source()).isEqualTo(LedgerSource.CHECK);
        assertThat(a01.subject()).isEqualTo("E001/371526195001011234");
        assertThat(a01.townCode()).isEqualTo(TOWN_1);
        assertThat(a01.responsibleRegion()).isEqualTo(TOWN_1);
        assertThat(a01.deadline().toInstant()).isEqualTo(START.plus(Duration.ofDays(15)));
        assertThat(a01.amountAtRisk()).isEqualByComparingTo("1200.50");
        assertThat(a01.program()).isEqualTo("DIBAO_RURAL");
        assertThat(a01.periodFrom()).isEqualTo("2026-01");
        assertThat(a01.firstRunId()).isEqualTo(7L);
        assertThat(a01.overdue()).isFalse();
        assertThat(a01.version()).isEqualTo(1);
        assertThat(only("B04").townCode()).isEqualTo(TOWN_2);
        assertThat(only("B04").deadline().toInstant()).isEqualTo(START.plus(Duration.ofDays(7)));
        assertThat(only("B07").deadline().toInstant()).isEqualTo(START.plus(Duration.ofDays(60)));

        assertThat(ledger.history(COUNTY_STAFF, a01.id())).extracting(HistoryEntry::action, HistoryEntry::from,
                HistoryEntry::to).containsExactly(
                org.assertj.core.groups.Tuple.tuple("CREATED", null, LedgerStatus.NEW),
                org.assertj.core.groups.Tuple.tuple("ASSIGN", LedgerStatus.NEW, LedgerStatus.ASSIGNED));
        List<Evidence> evidence = ledger.evidence(COUNTY_STAFF, a01.id());
        assertThat(evidence).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(Evidence.Kind.CLUE);
            assertThat(e.runId()).isEqualTo(7L);
            assertThat(e.clue()).contains("\"rule\":\"A01\"").contains("\"amount_at_risk\":\"1200.50\"")
                    .contains("\"facts\":[1,2]");
        });
    }

    @Test
    void aCompletedCheckRunIsTakenInByTheListener() {
        runs.runs.put(42L, List.of(clue("C01", "P1001", VILLAGE_1, "80.00", Severity.HIGH),
                clue("C04", "P1002", VILLAGE_2, "950.00", Severity.HIGH)));

        events.publishEvent(new CheckRunCompleted(42, java.time.YearMonth.of(2026, 10), 2));

        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(ledger.search(COUNTY_STAFF, LedgerQuery.all())).hasSize(2));
        assertThat(only("C04").lastRunId()).isEqualTo(42L);
    }

    // ================================================================ the life cycle, every path

    @Test
    void verifiedConfirmedRectifiedReviewedClosed() {
        LedgerItem item = newItem("A01", "E001/370000", VILLAGE_1, "1000.00", Severity.HIGH);

        item = step(TOWN_STAFF, item, LedgerStep.START_VERIFICATION, "入户核查");
        assertThat(item.status()).isEqualTo(LedgerStatus.VERIFYING);
        assertThat(item.deadline().toInstant()).as("same stage: same deadline")
                .isEqualTo(START.plus(Duration.ofDays(15)));

        clock.advance(Duration.ofDays(3));
        item = ledger.step(TOWN_STAFF, item.id(), new StepRequest(LedgerStep.CONFIRM, item.version(),
                "火化记录属实", null, "2026年3月死亡，此后仍发放7个月", new BigDecimal("700.00")));
        assertThat(item.status()).isEqualTo(LedgerStatus.CONFIRMED);
        assertThat(item.finding()).contains("死亡");
        assertThat(item.amountToRecover()).isEqualByComparingTo("700.00");
        assertThat(item.outstanding()).isEqualByComparingTo("700.00");
        assertThat(item.deadline().toInstant()).as("a new stage: a new deadline")
                .isEqualTo(START.plus(Duration.ofDays(3 + 15)));

        item = step(TOWN_STAFF, item, LedgerStep.START_RECTIFICATION, "停发并追缴");
        item = act(TOWN_STAFF, item, ActionKind.STOP_BENEFIT, null, "高民发〔2026〕12号", null);
        item = act(TOWN_STAFF, item, ActionKind.RECOVERY, "700.00", "追缴收据0001", null);
        item = act(TOWN_STAFF, item, ActionKind.FILING, null, "BA-2026-03", "县民政局");
        item = act(TOWN_STAFF, item, ActionKind.DISCIPLINE_TRANSFER, null, "高纪移〔2026〕5号", "县纪委监委");
        long transfer = ledger.actions(TOWN_STAFF, item.id()).get(3).id();
        item = ledger.recordOutcome(TOWN_STAFF, item.id(), transfer, new OutcomeRequest(item.version(),
                "村会计诫勉谈话", LocalDate.of(2026, 11, 5), 1));
        assertThat(ledger.actions(DISCIPLINE, item.id())).extracting(RectificationAction::kind).containsExactly(
                ActionKind.STOP_BENEFIT, ActionKind.RECOVERY, ActionKind.FILING, ActionKind.DISCIPLINE_TRANSFER);
        assertThat(ledger.actions(DISCIPLINE, item.id()).get(3).peopleHandled()).isEqualTo(1);

        item = step(TOWN_STAFF, item, LedgerStep.SUBMIT_FOR_REVIEW, "整改完毕");
        assertThat(item.status()).isEqualTo(LedgerStatus.REVIEW);
        assertThat(item.responsibleRegion()).as("the county reviews").isEqualTo(COUNTY);
        item = step(COUNTY_STAFF, item, LedgerStep.CLOSE, "核实整改到位，同意销号");

        assertThat(item.status()).isEqualTo(LedgerStatus.CLOSED);
        assertThat(item.deadline()).isNull();
        assertThat(item.overdue()).isFalse();
        assertThat(item.closedAt()).isNotNull();
        assertThat(item.amountRecovered()).isEqualByComparingTo("700.00");
        assertThat(item.outstanding()).isEqualByComparingTo("0.00");
        List<HistoryEntry> history = ledger.history(AUDITOR, item.id());
        assertThat(history).extracting(HistoryEntry::action).containsExactly("CREATED", "ASSIGN",
                "START_VERIFICATION", "CONFIRM", "START_RECTIFICATION", "ACTION_RECORDED", "ACTION_RECORDED",
                "ACTION_RECORDED", "ACTION_RECORDED", "OUTCOME_RECORDED", "SUBMIT_FOR_REVIEW", "CLOSE");
        HistoryEntry close = history.get(history.size() - 1);
        assertThat(close.actorId()).isEqualTo("county1");
        assertThat(close.actorName()).isEqualTo("县民政局 李明");
        assertThat(close.actorRole()).isEqualTo("COUNTY");
        assertThat(close.reason()).isEqualTo("核实整改到位，同意销号");
        assertThat(close.from()).isEqualTo(LedgerStatus.REVIEW);
        assertThat(close.to()).isEqualTo(LedgerStatus.CLOSED);
        assertThat(history.get(3).details()).contains("\"amountToRecover\":\"700.00\"");
        assertThat(history.get(3).at().toInstant()).isEqualTo(START.plus(Duration.ofDays(3)));
    }

    @Test
    void aDismissalNeedsEvidenceAndTheCountysReview() {
        LedgerItem item = newItem("A03", "E002/371526196001011111", VILLAGE_1, "500.00", Severity.MEDIUM);
        item = step(TOWN_STAFF, item, LedgerStep.START_VERIFICATION, "核查车辆");

        LedgerItem verifying = item;
        assertRefused(() -> step(TOWN_STAFF, verifying, LedgerStep.REQUEST_DISMISSAL, "车辆已报废"), Kind.INVALID,
                "证明材料", "evidence file");
        assertRefused(() -> step(TOWN_STAFF, verifying, LedgerStep.REQUEST_DISMISSAL, "  "), Kind.INVALID,
                "理由", "reason");

        ledger.addEvidence(TOWN_STAFF, item.id(), new ByteArrayInputStream(pdf()), "报废证明.pdf", "车管所证明");
        item = step(TOWN_STAFF, item, LedgerStep.REQUEST_DISMISSAL, "车辆2025年已报废注销");
        assertThat(item.status()).isEqualTo(LedgerStatus.DISMISSAL_REVIEW);
        assertThat(item.responsibleRegion()).isEqualTo(COUNTY);

        LedgerItem review = item;
        assertRefused(() -> step(TOWN_STAFF, review, LedgerStep.APPROVE_DISMISSAL, "同意"), Kind.FORBIDDEN,
                "县级", "county");
        // sent back once
        item = step(COUNTY_STAFF, item, LedgerStep.REJECT_DISMISSAL, "请补充车管所注销记录");
        assertThat(item.status()).isEqualTo(LedgerStatus.VERIFYING);
        assertThat(item.responsibleRegion()).isEqualTo(TOWN_1);
        item = step(TOWN_STAFF, item, LedgerStep.REQUEST_DISMISSAL, "已补充注销记录");
        item = step(COUNTY_REVIEWER, item, LedgerStep.APPROVE_DISMISSAL, "材料齐全，同意排除");

        assertThat(item.status()).isEqualTo(LedgerStatus.DISMISSED);
        assertThat(item.deadline()).isNull();
        assertThat(ledger.history(COUNTY_STAFF, item.id())).extracting(HistoryEntry::action).containsSubsequence(
                "FILE_ADDED", "REQUEST_DISMISSAL", "REJECT_DISMISSAL", "REQUEST_DISMISSAL", "APPROVE_DISMISSAL");
    }

    @Test
    void nobodyReviewsTheirOwnRequest() {
        // county staff may verify themselves; then another county user decides
        LedgerItem item = newItem("D03", "E009", VILLAGE_1, "3000.00", Severity.CRITICAL);
        item = step(COUNTY_STAFF, item, LedgerStep.START_VERIFICATION, "县级直接核查");
        ledger.addEvidence(COUNTY_STAFF, item.id(), new ByteArrayInputStream(text("核查笔录")), "笔录.txt", null);
        item = step(COUNTY_STAFF, item, LedgerStep.REQUEST_DISMISSAL, "审批人并非亲属");
        LedgerItem review = item;
        assertRefused(() -> step(COUNTY_STAFF, review, LedgerStep.APPROVE_DISMISSAL, "同意"), Kind.FORBIDDEN,
                "自己", "own");
        assertThat(step(COUNTY_REVIEWER, item, LedgerStep.APPROVE_DISMISSAL, "同意").status())
                .isEqualTo(LedgerStatus.DISMISSED);
    }

    @Test
    void theCountyReturnsAClosingAndReopensClosedAndDismissedItems() {
        LedgerItem item = rectifying("C03", "E010/2026-09", "200.00");
        item = act(TOWN_STAFF, item, ActionKind.RECOVERY, "200.00", "收据7", null);
        item = step(TOWN_STAFF, item, LedgerStep.SUBMIT_FOR_REVIEW, "已追回");
        item = step(COUNTY_STAFF, item, LedgerStep.RETURN_FOR_RECTIFICATION, "未停发重复批次");
        assertThat(item.status()).isEqualTo(LedgerStatus.RECTIFYING);
        assertThat(item.responsibleRegion()).isEqualTo(TOWN_1);
        item = act(TOWN_STAFF, item, ActionKind.ADJUST_BENEFIT, "450.00", "调整决定书3号", null);
        item = step(TOWN_STAFF, item, LedgerStep.SUBMIT_FOR_REVIEW, "已调整");
        item = step(COUNTY_STAFF, item, LedgerStep.CLOSE, "同意销号");
        assertThat(item.status()).isEqualTo(LedgerStatus.CLOSED);

        LedgerItem closed = item;
        assertRefused(() -> step(TOWN_STAFF, closed, LedgerStep.REOPEN, "重新核查"), Kind.FORBIDDEN, "县级",
                "county");
        item = step(COUNTY_STAFF, item, LedgerStep.REOPEN, "群众反映仍在重复发放");
        assertThat(item.status()).isEqualTo(LedgerStatus.ASSIGNED);
        assertThat(item.closedAt()).isNull();
        assertThat(item.responsibleRegion()).isEqualTo(TOWN_1);
        assertThat(item.deadline()).isNotNull();
    }

    @Test
    void aComplaintForACountyWaitsNewUntilTheCountyAssignsIt() {
        ComplaintReceipt r = complaints.submitHotline(COUNTY_STAFF, new Complaint(COUNTY,
                "群众来电反映某村干部代管多户低保存折", null, null, "DIBAO_RURAL", "匿名", null, Severity.HIGH));
        LedgerItem item = r.item();
        assertThat(item.status()).isEqualTo(LedgerStatus.NEW);
        assertThat(item.townCode()).isNull();
        assertThat(item.responsibleRegion()).isEqualTo(COUNTY);
        assertThat(item.source()).isEqualTo(LedgerSource.COMPLAINT);
        assertThat(item.rule()).isEqualTo("COMPLAINT");
        assertThat(item.subject()).isEqualTo(String.format("TS%06d", item.id()));
        assertThat(item.severity()).isEqualTo(Severity.HIGH);
        assertRefused(() -> ledger.get(TOWN_STAFF, item.id()), Kind.NOT_FOUND, "不存在", "no such");

        LedgerItem n = item;
        assertRefused(() -> step(TOWN_STAFF, n, LedgerStep.START_VERIFICATION, "x"), Kind.NOT_FOUND, "不存在",
                "no such");
        assertRefused(() -> ledger.step(COUNTY_STAFF, n.id(), new StepRequest(LedgerStep.ASSIGN, n.version(),
                "交办", "371525102000", null, null)), Kind.INVALID, "所在的乡镇", "where it happened");
        LedgerItem assigned = ledger.step(COUNTY_STAFF, item.id(), new StepRequest(LedgerStep.ASSIGN,
                item.version(), "交办乡镇核查", TOWN_2, null, null));

        assertThat(assigned.status()).isEqualTo(LedgerStatus.ASSIGNED);
        assertThat(assigned.townCode()).isEqualTo(TOWN_2);
        assertThat(assigned.regionCode()).isEqualTo(TOWN_2);
        assertThat(assigned.responsibleRegion()).isEqualTo(TOWN_2);
        assertThat(ledger.get(OTHER_TOWN, item.id()).status()).isEqualTo(LedgerStatus.ASSIGNED);
        assertRefused(() -> ledger.get(TOWN_STAFF, item.id()), Kind.NOT_FOUND, "不存在", "no such");
    }

    // ================================================================ refused transitions

    @Test
    void illegalTransitionsAreRefusedWithAClearError() {
        LedgerItem item = newItem("C04", "P2001", VILLAGE_1, "950.00", Severity.HIGH);

        LedgerException e = refused(() -> step(COUNTY_STAFF, item, LedgerStep.CLOSE, "直接销号"));
        assertThat(e.kind()).isEqualTo(Kind.ILLEGAL_TRANSITION);
        assertThat(e.reason().zh()).isEqualTo("状态为“已交办”的问题不能“审核销号”；此时可以：“开始核查”");
        assertThat(e.reason().en()).isEqualTo(
                "an item that is ASSIGNED cannot CLOSE (close); allowed now: START_VERIFICATION");
        assertRefused(() -> step(TOWN_STAFF, item, LedgerStep.CONFIRM, "确认"), Kind.ILLEGAL_TRANSITION,
                "不能“确认问题”", "cannot CONFIRM");
        assertRefused(() -> act(TOWN_STAFF, item, ActionKind.RECOVERY, "10.00", "R1", null),
                Kind.ILLEGAL_TRANSITION, "整改中", "RECTIFYING");
        LedgerItem verifying = step(TOWN_STAFF, item, LedgerStep.START_VERIFICATION, "核查");
        assertRefused(() -> step(TOWN_STAFF, verifying, LedgerStep.SUBMIT_FOR_REVIEW, "销号"),
                Kind.ILLEGAL_TRANSITION, "“确认问题”、“申请排除”", "allowed now: CONFIRM, REQUEST_DISMISSAL");
        assertRefused(() -> step(TOWN_STAFF, verifying, LedgerStep.CONFIRM, "确认"), Kind.INVALID, "核查结论",
                "finding");

        // the item is as it was: refused steps change nothing and record nothing
        assertThat(ledger.get(COUNTY_STAFF, item.id()).status()).isEqualTo(LedgerStatus.VERIFYING);
        assertThat(ledger.history(COUNTY_STAFF, item.id())).hasSize(3);
    }

    @Test
    void aRectifiedItemNeedsAnActionAndNothingOutstandingToClose() {
        LedgerItem item = rectifying("A05", "E020/371526198001011234", "1500.00");
        LedgerItem none = item;
        assertRefused(() -> step(TOWN_STAFF, none, LedgerStep.SUBMIT_FOR_REVIEW, "完成"), Kind.INVALID,
                "整改措施", "rectification action");
        item = act(TOWN_STAFF, item, ActionKind.RECOVERY, "1000.00", "收据1", null);
        item = step(TOWN_STAFF, item, LedgerStep.SUBMIT_FOR_REVIEW, "部分追回");
        LedgerItem review = item;
        assertRefused(() -> step(COUNTY_STAFF, review, LedgerStep.CLOSE, "销号"), Kind.INVALID, "500.00元未追回",
                "500.00 yuan are still to be recovered");
    }

    // ================================================================ deadlines and escalation

    @Test
    void overdueItemsEscalateOneLevelAtATimeUpToTheProvince() {
        LedgerItem item = newItem("A07", "E030/371526197001011234", VILLAGE_1, "600.00", Severity.HIGH);
        LedgerItem calm = newItem("B07", "P3001", VILLAGE_1, "0.00", Severity.LOW);

        assertThat(ledger.escalateOverdue(START.plus(Duration.ofDays(15)))).as("not before the deadline").isZero();
        clock.set(START.plus(Duration.ofDays(15)).plusSeconds(1));
        assertThat(ledger.get(COUNTY_STAFF, item.id()).overdue()).isTrue();
        assertThat(ledger.search(COUNTY_STAFF, new LedgerQuery(null, null, null, null, true, null, null)))
                .extracting(LedgerItem::id).containsExactly(item.id());

        assertThat(ledger.escalateOverdue(clock.instant())).isEqualTo(1);
        item = ledger.get(COUNTY_STAFF, item.id());
        assertThat(item.responsibleRegion()).isEqualTo(COUNTY);
        assertThat(item.escalations()).isEqualTo(1);
        assertThat(item.overdue()).isFalse();
        assertThat(item.deadline().toInstant()).isEqualTo(clock.instant().plus(Duration.ofDays(15)));
        assertThat(item.status()).as("escalation is not a step").isEqualTo(LedgerStatus.ASSIGNED);
        HistoryEntry escalated = last(item);
        assertThat(escalated.action()).isEqualTo("ESCALATED");
        assertThat(escalated.actorId()).isEqualTo("system");
        assertThat(escalated.details()).contains("\"from\":\"" + TOWN_1 + "\"").contains("\"to\":\"" + COUNTY + "\"");
        assertThat(ledger.get(COUNTY_STAFF, calm.id()).responsibleRegion()).isEqualTo(TOWN_1);

        clock.advance(Duration.ofDays(16));
        assertThat(ledger.escalateOverdue(clock.instant())).isEqualTo(1);
        assertThat(ledger.get(COUNTY_STAFF, item.id()).responsibleRegion()).isEqualTo("371500000000");
        clock.advance(Duration.ofDays(16));
        assertThat(ledger.escalateOverdue(clock.instant())).isEqualTo(1);
        assertThat(ledger.get(COUNTY_STAFF, item.id()).responsibleRegion()).isEqualTo(PROVINCE);
        clock.advance(Duration.ofDays(16));
        assertThat(ledger.escalateOverdue(clock.instant())).as("only the LOW item, 60 days on").isEqualTo(1);
        assertThat(ledger.get(COUNTY_STAFF, calm.id()).responsibleRegion()).isEqualTo(COUNTY);
        item = ledger.get(PROVINCE_STAFF, item.id());
        assertThat(item.responsibleRegion()).as("the province is the top").isEqualTo(PROVINCE);
        assertThat(item.escalations()).isEqualTo(3);
        assertThat(item.overdue()).as("and stays red").isTrue();

        // the next stage goes back to its owner with a fresh deadline
        item = step(TOWN_STAFF, item, LedgerStep.START_VERIFICATION, "开始核查");
        assertThat(item.responsibleRegion()).as("same stage: still at the province").isEqualTo(PROVINCE);
        item = ledger.step(TOWN_STAFF, item.id(), new StepRequest(LedgerStep.CONFIRM, item.version(), "属实", null,
                "异地重复享受", null));
        assertThat(item.responsibleRegion()).isEqualTo(TOWN_1);
        assertThat(item.overdue()).isFalse();
        assertThat(item.amountToRecover()).isEqualByComparingTo("600.00");
    }

    @Test
    void aCountyReviewLeftUndoneEscalatesToTheCity() {
        LedgerItem item = rectifying("C04", "P4001", "10.00");
        item = act(TOWN_STAFF, item, ActionKind.RECOVERY, "10.00", "收据", null);
        item = step(TOWN_STAFF, item, LedgerStep.SUBMIT_FOR_REVIEW, "完成");
        clock.advance(Duration.ofDays(16));
        assertThat(ledger.escalateOverdue(clock.instant())).isEqualTo(1);
        assertThat(ledger.get(CITY_STAFF, item.id()).responsibleRegion()).isEqualTo("371500000000");
    }

    // ================================================================ recurrence

    @Test
    void aLaterRunAddsEvidenceToTheOpenItemAndReopensAClosedOne() {
        Clue first = clue("A10", "E040/371526196501011234", VILLAGE_1, "300.00", Severity.MEDIUM);
        intake.intake(1, List.of(first));
        LedgerItem item = only("A10");

        Clue again = clue("A10", "E040/371526196501011234", VILLAGE_1, "420.00", Severity.MEDIUM);
        assertThat(intake.intake(2, List.of(again))).isEqualTo(new IntakeResult(2, 0, 1, 0, 0));
        assertThat(intake.intake(2, List.of(again))).as("the same run twice").isEqualTo(
                new IntakeResult(2, 0, 0, 0, 1));
        assertThat(ledger.search(COUNTY_STAFF, LedgerQuery.all())).hasSize(1);
        item = ledger.get(COUNTY_STAFF, item.id());
        assertThat(item.amountAtRisk()).isEqualByComparingTo("420.00");
        assertThat(item.firstRunId()).isEqualTo(1L);
        assertThat(item.lastRunId()).isEqualTo(2L);
        assertThat(ledger.evidence(COUNTY_STAFF, item.id())).extracting(Evidence::runId).containsExactly(1L, 2L);

        // worked to closed, then found again
        item = ledger.step(TOWN_STAFF, item.id(), StepRequest.of(LedgerStep.START_VERIFICATION, item.version(), "核查"));
        item = ledger.step(TOWN_STAFF, item.id(), new StepRequest(LedgerStep.CONFIRM, item.version(), "属实", null,
                "户籍已迁出", null));
        item = step(TOWN_STAFF, item, LedgerStep.START_RECTIFICATION, "整改");
        item = act(TOWN_STAFF, item, ActionKind.RECOVERY, "420.00", "收据", null);
        item = step(TOWN_STAFF, item, LedgerStep.SUBMIT_FOR_REVIEW, "完成");
        item = step(COUNTY_STAFF, item, LedgerStep.CLOSE, "销号");

        clock.advance(Duration.ofDays(40));
        assertThat(intake.intake(3, List.of(again))).isEqualTo(new IntakeResult(3, 0, 0, 1, 0));
        item = ledger.get(COUNTY_STAFF, item.id());
        assertThat(item.status()).isEqualTo(LedgerStatus.ASSIGNED);
        assertThat(item.recurrences()).isEqualTo(1);
        assertThat(item.closedAt()).isNull();
        assertThat(item.deadline().toInstant()).isEqualTo(clock.instant().plus(Duration.ofDays(30)));
        assertThat(item.amountRecovered()).as("what came back stays counted").isEqualByComparingTo("420.00");
        assertThat(last(item).action()).isEqualTo("REOPENED_RECURRENCE");
        assertThat(ledger.search(COUNTY_STAFF, LedgerQuery.all())).hasSize(1);
    }

    @Test
    void aDismissedItemFoundAgainGetsTheEvidenceButStaysDismissed() {
        LedgerItem item = newItem("A02", "E050/371526197501011234", VILLAGE_1, "100.00", Severity.MEDIUM);
        item = step(TOWN_STAFF, item, LedgerStep.START_VERIFICATION, "核查");
        ledger.addEvidence(TOWN_STAFF, item.id(), new ByteArrayInputStream(png()), "注销.png", null);
        item = step(TOWN_STAFF, item, LedgerStep.REQUEST_DISMISSAL, "企业已注销");
        step(COUNTY_STAFF, item, LedgerStep.APPROVE_DISMISSAL, "同意");

        IntakeResult r = intake.intake(77, List.of(clue("A02", "E050/371526197501011234", VILLAGE_1, "100.00",
                Severity.MEDIUM)));

        assertThat(r).isEqualTo(new IntakeResult(77, 0, 1, 0, 0));
        item = ledger.get(COUNTY_STAFF, item.id());
        assertThat(item.status()).isEqualTo(LedgerStatus.DISMISSED);
        assertThat(item.lastRunId()).isEqualTo(77L);
    }

    // ================================================================ money

    @Test
    void recoveriesComeInPartsAndNeverExceedWhatIsOwed() {
        LedgerItem item = rectifying("B03", "E060/6228480009", "1000.00");

        item = act(TOWN_STAFF, item, ActionKind.RECOVERY, "300.00", "收据1", null);
        clock.advance(Duration.ofDays(20));
        item = act(TOWN_STAFF, item, ActionKind.RECOVERY, "450.10", "收据2", null);
        assertThat(item.amountRecovered()).isEqualByComparingTo("750.10");
        assertThat(item.outstanding()).isEqualByComparingTo("249.90");

        LedgerItem now = item;
        assertRefused(() -> act(TOWN_STAFF, now, ActionKind.RECOVERY, "249.91", "收据3", null), Kind.INVALID,
                "249.90", "249.90 yuan still to recover");
        assertRefused(() -> act(TOWN_STAFF, now, ActionKind.RECOVERY, "0.001", "收据3", null), Kind.INVALID,
                "两位小数", "two decimals");
        assertRefused(() -> act(TOWN_STAFF, now, ActionKind.RECOVERY, "-5.00", "收据3", null), Kind.INVALID,
                "大于0", "more than 0");
        assertRefused(() -> act(TOWN_STAFF, now, ActionKind.RECOVERY, "0", "收据3", null), Kind.INVALID,
                "大于0", "more than 0");
        assertRefused(() -> act(TOWN_STAFF, now, ActionKind.RECOVERY, null, "收据3", null), Kind.INVALID,
                "追回金额", "amount recovered");
        assertRefused(() -> ledger.act(TOWN_STAFF, now.id(), new ActionRequest(ActionKind.RECOVERY, now.version(),
                LocalDate.of(2027, 1, 1), new BigDecimal("1.00"), "R", null, null)), Kind.INVALID, "不能晚于今天",
                "future");
        // the county writes part of it down by a decision; never below what came back
        assertRefused(() -> ledger.changeAmountToRecover(TOWN_STAFF, now.id(), now.version(),
                new BigDecimal("800.00"), "部分合规"), Kind.FORBIDDEN, "县级", "county");
        assertRefused(() -> ledger.changeAmountToRecover(COUNTY_STAFF, now.id(), now.version(),
                new BigDecimal("750.00"), "部分合规"), Kind.INVALID, "750.10", "750.10");
        item = ledger.changeAmountToRecover(COUNTY_STAFF, now.id(), now.version(), new BigDecimal("800.00"),
                "经复核2月份发放合规");
        assertThat(item.outstanding()).isEqualByComparingTo("49.90");
        item = act(TOWN_STAFF, item, ActionKind.RECOVERY, "49.90", "收据3", null);
        assertThat(item.outstanding()).isEqualByComparingTo("0.00");
        assertThat(item.amountRecovered()).isEqualByComparingTo("800.00");
        assertThat(ledger.actions(TOWN_STAFF, item.id())).filteredOn(a -> a.kind() == ActionKind.RECOVERY)
                .extracting(RectificationAction::amount).map(BigDecimal::toPlainString)
                .containsExactly("300.00", "450.10", "49.90");
        // the sum of the recoveries is the item's figure, to the cent
        assertThat(jdbc.queryForObject("SELECT SUM(amount) FROM ledger_action WHERE item_id = ? AND kind = 'RECOVERY'",
                BigDecimal.class, item.id())).isEqualByComparingTo(item.amountRecovered());
        assertThat(last(item).details()).contains("\"recovered\":\"800.00\"").contains("\"outstanding\":\"0.00\"");
    }

    // ================================================================ evidence files

    @Test
    void evidenceFilesAreStoredByHashAndTypedByContent() throws IOException {
        LedgerItem item = newItem("B05", "6228480777", VILLAGE_1, "0.00", Severity.MEDIUM);

        Evidence pdf = ledger.addEvidence(TOWN_STAFF, item.id(), new ByteArrayInputStream(pdf()),
                "../../etc/passwd", "核查报告");
        assertThat(pdf.mediaType()).isEqualTo("application/pdf");
        assertThat(pdf.originalName()).isEqualTo("passwd");
        assertThat(pdf.contentHash()).hasSize(64);
        Path stored = dataDir.resolve("evidence").resolve(pdf.contentHash().substring(0, 2))
                .resolve(pdf.contentHash());
        assertThat(stored).exists().hasBinaryContent(pdf());
        assertThat(ledger.evidenceFile(TOWN_STAFF, item.id(), pdf.id()).path()).isEqualTo(stored.toAbsolutePath());

        assertThat(type(item, png(), "photo.pdf")).as("the content decides, not the name").isEqualTo("image/png");
        assertThat(type(item, jpeg(), "现场照片.jpg")).isEqualTo("image/jpeg");
        assertThat(type(item, text("核查笔录：户主称存折由村会计保管。\r\n"), "笔录.txt"))
                .isEqualTo("text/plain;charset=UTF-8");
        assertThat(type(item, ooxml("word/document.xml"), "谈话记录.docx")).startsWith(
                "application/vnd.openxmlformats-officedocument.wordprocessingml");
        assertThat(type(item, xlsx(), "明细.xlsx")).startsWith(
                "application/vnd.openxmlformats-officedocument.spreadsheetml");

        // the same bytes twice: stored once
        Evidence again = ledger.addEvidence(TOWN_STAFF, item.id(), new ByteArrayInputStream(pdf()), "again.pdf",
                null);
        assertThat(again.contentHash()).isEqualTo(pdf.contentHash());
        try (Stream<Path> files = Files.walk(dataDir.resolve("evidence"))) {
            Path evidence = dataDir.resolve("evidence");
            assertThat(files.filter(Files::isRegularFile).filter(p -> !evidence.relativize(p).startsWith("tmp")))
                    .as("six kinds, the PDF once").hasSize(6);
        }
    }

    @Test
    void evidenceOfOtherTypesOrTooLargeIsRefusedAndNotKept() throws IOException {
        LedgerItem item = newItem("B05", "6228480778", VILLAGE_1, "0.00", Severity.MEDIUM);
        byte[] exe = new byte[512];
        exe[0] = 'M';
        exe[1] = 'Z';
        assertRefused(() -> add(item, exe, "报告.pdf"), Kind.UNSUPPORTED_TYPE, "PDF", "PDF");
        assertRefused(() -> add(item, ooxml("other/thing.xml"), "x.docx"), Kind.UNSUPPORTED_TYPE, "PDF", "PDF");
        byte[] macro = zip("[Content_Types].xml", "word/document.xml", "word/vbaProject.bin");
        assertRefused(() -> add(item, macro, "宏.docm"), Kind.UNSUPPORTED_TYPE, "PDF", "PDF");
        byte[] binary = {0x00, 0x01, 0x02, (byte) 0xFE, 0x41};
        assertRefused(() -> add(item, binary, "x.txt"), Kind.UNSUPPORTED_TYPE, "PDF", "PDF");
        byte[] gbk = "核查笔录".getBytes(java.nio.charset.Charset.forName("GBK"));
        assertRefused(() -> add(item, gbk, "x.txt"), Kind.UNSUPPORTED_TYPE, "UTF-8", "UTF-8");
        assertRefused(() -> add(item, new byte[0], "x.txt"), Kind.INVALID, "空", "empty");
        byte[] big = new byte[64 * 1024 + 1];
        Arrays.fill(big, (byte) 'a');
        big[0] = '%';
        assertRefused(() -> add(item, big, "big.pdf"), Kind.TOO_LARGE, "64 MB".replace("64 MB", "大小限制"),
                "size limit");
        // exactly at the limit is fine
        byte[] limit = Arrays.copyOf(pdf(), 64 * 1024);
        assertThat(add(item, limit, "limit.pdf").size()).isEqualTo(64 * 1024);

        assertThat(ledger.evidence(COUNTY_STAFF, item.id())).filteredOn(e -> e.kind() == Evidence.Kind.FILE)
                .hasSize(1);
        try (Stream<Path> files = Files.walk(dataDir.resolve("evidence"))) {
            assertThat(files.filter(Files::isRegularFile)).hasSize(1);
        }
    }

    // ================================================================ concurrency

    @Test
    void ofConcurrentChangesOfOneCaseOneWinsAndTheOthersAreToldOfTheConflict() throws Exception {
        LedgerItem item = rectifying("B06", "6228480555", "1000.00");
        long version = item.version();
        int threads = 8;
        CyclicBarrier start = new CyclicBarrier(threads);
        List<Callable<Object>> tasks = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            String receipt = "收据" + i;
            tasks.add(() -> {
                start.await(10, TimeUnit.SECONDS);
                try {
                    return ledger.act(TOWN_STAFF, item.id(), new ActionRequest(ActionKind.RECOVERY, version,
                            LocalDate.of(2026, 11, 2), new BigDecimal("600.00"), receipt, null, null)).version();
                } catch (LedgerException e) {
                    return e;
                }
            });
        }
        List<Object> results = runAll(tasks);

        assertThat(results).filteredOn(r -> r instanceof Long).hasSize(1);
        assertThat(results).filteredOn(r -> r instanceof LedgerException).hasSize(threads - 1)
                .allSatisfy(r -> {
                    LedgerException e = (LedgerException) r;
                    assertThat(e.kind()).isEqualTo(Kind.CONFLICT);
                    assertThat(e.reason().zh()).contains("已被他人修改");
                    assertThat(e.reason().en()).contains("changed by someone else");
                });
        LedgerItem after = ledger.get(COUNTY_STAFF, item.id());
        assertThat(after.amountRecovered()).isEqualByComparingTo("600.00");
        assertThat(after.version()).isEqualTo(version + 1);
        assertThat(ledger.actions(COUNTY_STAFF, item.id())).filteredOn(a -> a.kind() == ActionKind.RECOVERY)
                .hasSize(1);
        assertThat(ledger.history(COUNTY_STAFF, item.id())).filteredOn(h -> h.action().equals("ACTION_RECORDED"))
                .hasSize(1);
    }

    @Test
    void concurrentWritersThatRetryOnConflictLoseNoUpdate() throws Exception {
        LedgerItem item = rectifying("B06", "6228480556", "1000.00");
        int threads = 6;
        int each = 5;
        CyclicBarrier start = new CyclicBarrier(threads);
        List<Callable<Object>> tasks = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            int t = i;
            tasks.add(() -> {
                start.await(10, TimeUnit.SECONDS);
                int conflicts = 0;
                for (int k = 0; k < each; k++) {
                    while (true) {
                        LedgerItem seen = ledger.get(TOWN_STAFF, item.id());
                        try {
                            ledger.act(TOWN_STAFF, item.id(), new ActionRequest(ActionKind.RECOVERY, seen.version(),
                                    LocalDate.of(2026, 11, 2), new BigDecimal("10.01"), "R" + t + "-" + k, null,
                                    null));
                            break;
                        } catch (LedgerException e) {
                            assertThat(e.kind()).isEqualTo(Kind.CONFLICT);
                            conflicts++;
                        }
                    }
                }
                return conflicts;
            });
        }
        runAll(tasks);

        LedgerItem after = ledger.get(COUNTY_STAFF, item.id());
        assertThat(after.amountRecovered()).isEqualByComparingTo(new BigDecimal("10.01").multiply(
                BigDecimal.valueOf((long) threads * each)));
        assertThat(ledger.actions(COUNTY_STAFF, item.id())).hasSize(threads * each);
        assertThat(after.version()).isEqualTo(item.version() + threads * each);
    }

    // ================================================================ who sees and does what

    @Test
    void everyoneSeesAndDoesOnlyWhatTheirRegionAndRoleAllow() {
        LedgerItem mine = newItem("A08", "371526198501011234", VILLAGE_1, "88.00", Severity.HIGH);
        LedgerItem theirs = newItem("A08", "371526198601011234", VILLAGE_2, "99.00", Severity.HIGH);

        // the other town: "not found", whatever it tries
        assertRefused(() -> ledger.get(OTHER_TOWN, mine.id()), Kind.NOT_FOUND, "不存在", "no such item");
        assertRefused(() -> ledger.history(OTHER_TOWN, mine.id()), Kind.NOT_FOUND, "不存在", "no such item");
        assertRefused(() -> ledger.evidence(OTHER_TOWN, mine.id()), Kind.NOT_FOUND, "不存在", "no such item");
        assertRefused(() -> step(OTHER_TOWN, mine, LedgerStep.START_VERIFICATION, "x"), Kind.NOT_FOUND, "不存在",
                "no such item");
        assertRefused(() -> add(mine, pdf(), "x.pdf", OTHER_TOWN), Kind.NOT_FOUND, "不存在", "no such item");
        assertRefused(() -> ledger.get(OTHER_TOWN, 987654), Kind.NOT_FOUND, "不存在", "no such item");
        assertThat(ledger.search(OTHER_TOWN, LedgerQuery.all())).extracting(LedgerItem::id)
                .containsExactly(theirs.id());
        assertThat(ledger.search(TOWN_STAFF, LedgerQuery.all())).extracting(LedgerItem::id)
                .containsExactly(mine.id());
        assertRefused(() -> ledger.get(OTHER_COUNTY, mine.id()), Kind.NOT_FOUND, "不存在", "no such item");
        assertThat(ledger.search(OTHER_COUNTY, LedgerQuery.all())).isEmpty();
        assertThat(ledger.figures(OTHER_COUNTY, null, null)).isEmpty();

        // the county, the city and the province see both
        assertThat(ledger.search(COUNTY_STAFF, LedgerQuery.all())).hasSize(2);
        assertThat(ledger.search(CITY_STAFF, LedgerQuery.all())).hasSize(2);
        assertThat(ledger.search(PROVINCE_STAFF, new LedgerQuery(null, null, "A08", TOWN_2, null, null, null)))
                .extracting(LedgerItem::id).containsExactly(theirs.id());

        // discipline inspection and audit look, and change nothing
        for (var readOnly : List.of(DISCIPLINE, AUDITOR)) {
            assertThat(ledger.get(readOnly, mine.id()).id()).isEqualTo(mine.id());
            assertThat(ledger.search(readOnly, LedgerQuery.all())).hasSize(2);
            assertRefused(() -> step(readOnly, mine, LedgerStep.START_VERIFICATION, "x"), Kind.FORBIDDEN,
                    "只能查看", "may look but not change");
            assertRefused(() -> add(mine, pdf(), "x.pdf", readOnly), Kind.FORBIDDEN, "只能查看", "may look");
            assertRefused(() -> complaints.submitHotline(readOnly, new Complaint(VILLAGE_1, "来电反映有人冒领低保金",
                    null, null, null, null, null, null)), Kind.FORBIDDEN, "只能查看", "may look");
        }
        // village users do not see the ledger at all
        assertThat(ledger.search(VILLAGE, LedgerQuery.all())).isEmpty();
        assertRefused(() -> ledger.get(VILLAGE, mine.id()), Kind.NOT_FOUND, "不存在", "no such item");

        // the town works its own; a stale version is a conflict; nothing changed by any refusal
        assertThat(ledger.get(COUNTY_STAFF, mine.id()).version()).isEqualTo(1);
        LedgerItem moved = step(TOWN_STAFF, mine, LedgerStep.START_VERIFICATION, "核查");
        assertRefused(() -> step(TOWN_STAFF, mine, LedgerStep.CONFIRM, "x"), Kind.CONFLICT, "已被他人修改",
                "changed by someone else");
        assertThat(moved.version()).isEqualTo(2);
        assertThat(ledger.get(COUNTY_STAFF, theirs.id()).version()).isEqualTo(1);
    }

    // ================================================================ complaints

    @Test
    void aPublicComplaintGetsATrackingCodeAndEntersTheLedger() {
        ComplaintReceipt r = complaints.submitPublic(new Complaint(VILLAGE_2,
                "本村有人已经去世两年了家属还在领低保", "张某某", null, "DIBAO_RURAL", null, "13800000000",
                Severity.CRITICAL), "10.1.1.1");

        assertThat(r.item()).isNull();
        assertThat(r.trackingCode()).matches("TS(-[0-9A-HJKMNP-TV-Z]{4}){4}");
        LedgerItem item = ledger.search(COUNTY_STAFF, new LedgerQuery(null, LedgerSource.COMPLAINT, null, null,
                null, null, null)).get(0);
        assertThat(item.status()).isEqualTo(LedgerStatus.ASSIGNED);
        assertThat(item.townCode()).isEqualTo(TOWN_2);
        assertThat(item.severity()).as("the public cannot set it").isEqualTo(Severity.MEDIUM);
        assertThat(item.explanation()).startsWith("本村有人已经去世");
        assertThat(ledger.history(COUNTY_STAFF, item.id()).get(0).actorRole()).isEqualTo("PUBLIC");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ledger_complaint WHERE tracking_hash LIKE 'TS%'",
                Integer.class)).as("only the hash is kept").isZero();

        ComplaintStatus s = complaints.status(r.trackingCode().toLowerCase().replace("-", " "), "10.1.1.1");
        assertThat(s.stage()).isEqualTo(ComplaintStatus.Stage.RECEIVED);
        assertThat(s.trackingCode()).isEqualTo(r.trackingCode());

        LedgerItem v = ledger.step(OTHER_TOWN, item.id(), StepRequest.of(LedgerStep.START_VERIFICATION,
                item.version(), "核查"));
        assertThat(complaints.status(r.trackingCode(), "10.1.1.1").labelZh()).isEqualTo("核查中");
        assertRefused(() -> complaints.status("TS-0000-0000-0000-0000", "10.1.1.1"), Kind.NOT_FOUND, "查询码",
                "tracking code");
        assertRefused(() -> complaints.status("../../x", "10.1.1.1"), Kind.NOT_FOUND, "查询码", "tracking code");
        assertThat(v.version()).isEqualTo(2);
    }

    @Test
    void complaintsAreLimitedPerAddressAndInSize() {
        Complaint ok = new Complaint(VILLAGE_1, "反映村里低保评议不公开不透明", null, null, null, null, null, null);
        for (int i = 0; i < 3; i++) {
            complaints.submitPublic(ok, "10.9.9.9");
        }
        assertRefused(() -> complaints.submitPublic(ok, "10.9.9.9"), Kind.RATE_LIMITED, "频繁", "too many");
        complaints.submitPublic(ok, "10.9.9.8");
        clock.advance(Duration.ofMinutes(61));
        complaints.submitPublic(ok, "10.9.9.9");

        assertRefused(() -> complaints.submitPublic(new Complaint(VILLAGE_1, "太短", null, null, null, null, null,
                null), "10.7.0.1"), Kind.INVALID, "至少10个字", "at least 10");
        assertRefused(() -> complaints.submitPublic(new Complaint(VILLAGE_1, "很".repeat(2001), null, null, null,
                null, null, null), "10.7.0.2"), Kind.TOO_LARGE, "2000", "2000");
        assertRefused(() -> complaints.submitPublic(new Complaint("3715", "反映村里低保评议不公开不透明", null, null,
                null, null, null, null), "10.7.0.3"), Kind.INVALID, "12位", "12 digits");
        assertRefused(() -> complaints.submitPublic(new Complaint(LedgerTestConfig.CITY, "反映村里低保评议不公开不透明",
                null, null, null, null, null, null), "10.7.0.4"), Kind.INVALID, "县", "county");
        assertRefused(() -> complaints.submitPublic(new Complaint(VILLAGE_1, "反映村里低保评议不公开不透明", null,
                "371526195001011235", null, null, null, null), "10.7.0.5"), Kind.INVALID, "身份证", "ID number");
        assertThat(ledger.search(COUNTY_STAFF, LedgerQuery.all())).hasSize(5);
    }

    @Test
    void theHistoryCannotBeChangedInPostgres() throws Exception {
        Assumptions.assumeTrue(postgres(), "PostgreSQL only (a trigger)");
        LedgerItem item = newItem("B08", "P9001", VILLAGE_1, "0.00", Severity.MEDIUM);
        assertThatThrownBy(() -> jdbc.update("UPDATE ledger_history SET reason = 'changed' WHERE item_id = ?",
                item.id())).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM ledger_history WHERE item_id = ?", item.id()))
                .hasMessageContaining("append-only");
        assertThat(ledger.history(COUNTY_STAFF, item.id())).hasSize(2);
    }

    // ================================================================ helpers

    private LedgerItem newItem(String rule, String subject, String region, String amount, Severity severity) {
        intake.intake(runIds.incrementAndGet(), List.of(clue(rule, subject, region, amount, severity)));
        return ledger.search(COUNTY_STAFF, new LedgerQuery(null, null, rule, region, null, null, null)).stream()
                .filter(i -> i.subject().equals(subject)).findFirst().orElseThrow();
    }

    /** An item of TOWN_1, confirmed with an amount to recover and RECTIFYING. */
    private LedgerItem rectifying(String rule, String subject, String toRecover) {
        LedgerItem item = newItem(rule, subject, VILLAGE_1, toRecover, Severity.HIGH);
        item = step(TOWN_STAFF, item, LedgerStep.START_VERIFICATION, "核查");
        item = ledger.step(TOWN_STAFF, item.id(), new StepRequest(LedgerStep.CONFIRM, item.version(), "属实", null,
                "核查属实", new BigDecimal(toRecover)));
        return step(TOWN_STAFF, item, LedgerStep.START_RECTIFICATION, "整改");
    }

    private LedgerItem only(String rule) {
        List<LedgerItem> items = ledger.search(COUNTY_STAFF, new LedgerQuery(null, null, rule, null, null, null,
                null));
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    private LedgerItem step(sunshine.security.Actor actor, LedgerItem item, LedgerStep step, String reason) {
        return ledger.step(actor, item.id(), StepRequest.of(step, item.version(), reason));
    }

    private LedgerItem act(sunshine.security.Actor actor, LedgerItem item, ActionKind kind, String amount,
                           String reference, String body) {
        return ledger.act(actor, item.id(), new ActionRequest(kind, item.version(), LocalDate.of(2026, 11, 1),
                amount == null ? null : new BigDecimal(amount), reference, body, "备注"));
    }

    private Evidence add(LedgerItem item, byte[] bytes, String name) {
        return add(item, bytes, name, TOWN_STAFF);
    }

    private Evidence add(LedgerItem item, byte[] bytes, String name, sunshine.security.Actor actor) {
        return ledger.addEvidence(actor, item.id(), new ByteArrayInputStream(bytes), name, null);
    }

    private String type(LedgerItem item, byte[] bytes, String name) {
        return add(item, bytes, name).mediaType();
    }

    private HistoryEntry last(LedgerItem item) {
        List<HistoryEntry> h = ledger.history(COUNTY_STAFF, item.id());
        return h.get(h.size() - 1);
    }

    private static LedgerException refused(Runnable r) {
        try {
            r.run();
        } catch (LedgerException e) {
            return e;
        }
        throw new AssertionError("not refused");
    }

    static void assertRefused(Runnable r, Kind kind, String zh, String en) {
        LedgerException e = refused(r);
        assertThat(e.kind()).as(e.getMessage()).isEqualTo(kind);
        assertThat(e.reason().zh()).contains(zh);
        assertThat(e.reason().en()).contains(en);
    }

    private static List<Object> runAll(List<Callable<Object>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            List<Object> results = new ArrayList<>();
            for (Future<Object> f : pool.invokeAll(tasks, 60, TimeUnit.SECONDS)) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private boolean postgres() throws Exception {
        try (Connection c = jdbc.getDataSource().getConnection()) {
            return c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        }
    }

    static byte[] pdf() {
        return "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
                .getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] png() {
        byte[] b = new byte[64];
        byte[] magic = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
        System.arraycopy(magic, 0, b, 0, magic.length);
        b[20] = 7;
        return b;
    }

    static byte[] jpeg() {
        byte[] b = new byte[64];
        b[0] = (byte) 0xFF;
        b[1] = (byte) 0xD8;
        b[2] = (byte) 0xFF;
        b[3] = (byte) 0xE0;
        return b;
    }

    static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] ooxml(String part) {
        return zip("[Content_Types].xml", "_rels/.rels", part);
    }

    static byte[] zip(String... names) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                for (String n : names) {
                    zip.putNextEntry(new ZipEntry(n));
                    zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
                    zip.closeEntry();
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static byte[] xlsx() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Workbook wb = new Workbook(out, "test", "1.0");
            wb.newWorksheet("明细").value(0, 0, "追缴");
            wb.finish();
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
