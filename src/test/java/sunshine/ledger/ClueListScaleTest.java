package sunshine.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static sunshine.ledger.LedgerTestConfig.COUNTY;
import static sunshine.ledger.LedgerTestConfig.COUNTY_STAFF;
import static sunshine.ledger.LedgerTestConfig.TOWN_1;
import static sunshine.ledger.LedgerTestConfig.TOWN_STAFF;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import sunshine.checks.Severity;

/**
 * The clue list over 120,000 stored items (100,000 clues of the cross-check in one county's three towns, the rest
 * in another county or from complaints): every filter, every sort and paging give exactly what the same filter over
 * the rows in memory gives. Correctness only: speed is measured in {@code bench/}, never here.
 */
@SpringBootTest(properties = {"sunshine.ledger.escalation-cron=-", "sunshine.checks.schedule.enabled=false"})
@Import(LedgerTestConfig.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ClueListScaleTest {

    static final int CLUES = 100_000;
    static final int OTHERS = 20_000;
    static final String[] RULES = {"A01", "A03", "B01", "C01", "C03", "D01", "E01"};
    static final String[] TOWNS = {"371526100", "371526101", "371526102"};
    static final String[] PROGRAMS = {"DIBAO_RURAL", "DIBAO_URBAN", "TEKUN", "ORPHAN", "DISABILITY_CARE"};
    static final OffsetDateTime NOW = OffsetDateTime.ofInstant(LedgerTestConfig.START, ZoneOffset.ofHours(8));

    /** One stored item, as the test wrote it. */
    record Row(long id, String source, String rule, String subject, Severity severity, LedgerStatus status,
               String region, String program, BigDecimal amount, OffsetDateTime deadline, String explanation,
               boolean inRun7) {
    }

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    LedgerService ledger;
    @Autowired
    org.springframework.web.context.WebApplicationContext context;
    @Autowired
    LedgerTestConfig.TestActor actor;

    final List<Row> rows = new ArrayList<>();

    @BeforeAll
    void store() {
        LedgerTestConfig.clear(jdbc);
        LedgerStatus[] statuses = LedgerStatus.values();
        Severity[] severities = Severity.values();
        List<Object[]> items = new ArrayList<>();
        List<Object[]> evidence = new ArrayList<>();
        for (int i = 0; i < CLUES + OTHERS; i++) {
            long id = i + 1;
            boolean check = i < CLUES || i % 2 == 0;
            String region = i < CLUES ? TOWNS[i % 3] + String.format("%03d", 200 + (i / 3) % 40)
                    : "371525102" + String.format("%03d", 200 + i % 10);
            LedgerStatus status = statuses[(i / 5) % statuses.length];
            Row r = new Row(id, check ? "CHECK" : "COMPLAINT", check ? RULES[i % RULES.length] : "COMPLAINT",
                    "E" + String.format("%06d", i) + "/3715261950" + String.format("%08d", i),
                    severities[(i / 11) % 4], status, region, PROGRAMS[(i / 13) % PROGRAMS.length],
                    new BigDecimal((i * 7919L) % 500_000).movePointLeft(2),
                    status.isOpen() ? NOW.plusHours((i * 31L) % 2000 - 500) : null,
                    "测试" + (i % 1000 == 7 ? "王*明" : "张*") + "说明" + i, i % 10 == 3);
            rows.add(r);
            items.add(new Object[] {r.id(), r.source(), r.rule(), r.subject(), r.severity().name(), r.status().name(),
                    r.region(), r.region().substring(0, 9) + "000", r.region().substring(0, 9) + "000", r.deadline(),
                    r.program(), r.amount(), r.explanation(), NOW, NOW});
            if (r.inRun7()) {
                evidence.add(new Object[] {id, id});
            }
        }
        jdbc.batchUpdate("INSERT INTO ledger_item (id, source, rule, subject, severity, variant, status, region_code, "
                + "town_code, responsible_region, escalations, deadline, program, amount_at_risk, amount_recovered, "
                + "explanation, recurrences, created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, '', ?, ?, ?, ?, 0, "
                + "?, ?, ?, 0, ?, 0, ?, ?, 1)", items);
        jdbc.batchUpdate("INSERT INTO ledger_evidence (id, item_id, kind, run_id, clue, added_by, added_at) "
                + "VALUES (?, ?, 'CLUE', 7, '{}', 'system', CURRENT_TIMESTAMP)", evidence);
    }

    private static LedgerFilter filter(LedgerSource source, Set<String> rules, Set<Severity> severities,
                                       Set<LedgerStatus> statuses, String region, String program, Long run,
                                       String min, String max, String text, LedgerFilter.Sort sort, boolean desc,
                                       int page, int size) {
        return new LedgerFilter(source, rules, severities, statuses, region, program, run,
                min == null ? null : new BigDecimal(min), max == null ? null : new BigDecimal(max), text, null, false,
                sort, desc, page, size);
    }

    /** What the page must hold: the rows the actor sees that match, in the order, that page of them. */
    private List<Long> expected(String visiblePrefix, Predicate<Row> match, Comparator<Row> order, int page,
                                int size) {
        return rows.stream().filter(r -> r.region().startsWith(visiblePrefix)).filter(match).sorted(order)
                .skip((long) page * size).limit(size).map(Row::id).toList();
    }

    private long count(String visiblePrefix, Predicate<Row> match) {
        return rows.stream().filter(r -> r.region().startsWith(visiblePrefix)).filter(match).count();
    }

    private static final Comparator<Row> NEWEST = Comparator.comparing(Row::id).reversed();

    @Test
    void aTownSeesItsOwnCluesFilteredBySeverityAndRuleLargestAmountFirst() {
        Predicate<Row> match = r -> r.source().equals("CHECK") && Set.of("A01", "C01").contains(r.rule())
                && r.severity() == Severity.HIGH;
        LedgerPage page = ledger.page(TOWN_STAFF, filter(LedgerSource.CHECK, Set.of("A01", "C01"),
                Set.of(Severity.HIGH), null, null, null, null, null, null, null, LedgerFilter.Sort.AMOUNT, true, 3,
                50));
        assertThat(page.total()).isEqualTo(count("371526100", match)).isGreaterThan(1000);
        assertThat(page.items()).hasSize(50);
        assertThat(page.items()).allSatisfy(i -> assertThat(i.regionCode()).startsWith("371526100"));
        assertThat(page.items().stream().map(LedgerItem::id).toList()).isEqualTo(expected("371526100", match,
                Comparator.comparing(Row::amount).reversed().thenComparing(NEWEST), 3, 50));
    }

    @Test
    void theCountyFiltersByStatusProgramTownAndAmountSortedByDeadlineToTheLastPage() {
        Predicate<Row> match = r -> Set.of(LedgerStatus.VERIFYING, LedgerStatus.RECTIFYING).contains(r.status())
                && r.program().equals("TEKUN") && r.region().startsWith("371526101")
                && r.amount().compareTo(new BigDecimal("1000.00")) >= 0
                && r.amount().compareTo(new BigDecimal("2500.50")) <= 0;
        long total = count("371526", match);
        int size = 20;
        int last = (int) ((total - 1) / size);
        LedgerPage page = ledger.page(COUNTY_STAFF, filter(null, null, null,
                Set.of(LedgerStatus.VERIFYING, LedgerStatus.RECTIFYING), "371526101000", "TEKUN", null, "1000.00",
                "2500.50", null, LedgerFilter.Sort.DEADLINE, false, last, size));
        assertThat(page.total()).isEqualTo(total).isGreaterThan(size);
        assertThat(page.pages()).isEqualTo(last + 1);
        assertThat(page.items().stream().map(LedgerItem::id).toList()).isEqualTo(expected("371526", match,
                Comparator.comparing(Row::deadline).thenComparing(NEWEST), last, size)).isNotEmpty();
    }

    @Test
    void textRunAndSortsByEveryColumnAgreeWithTheRows() {
        // a name in the explanation, across both counties: the county sees only its own
        Predicate<Row> named = r -> r.explanation().contains("王*明");
        LedgerPage byName = ledger.page(COUNTY_STAFF, filter(null, null, null, null, null, null, null, null, null,
                "王*明", LedgerFilter.Sort.ID, true, 0, 500));
        assertThat(byName.items().stream().map(LedgerItem::id).toList())
                .isEqualTo(expected("371526", named, NEWEST, 0, 500)).hasSize(100);
        // part of a subject
        Predicate<Row> subject = r -> r.subject().contains("E01234");
        assertThat(ledger.page(COUNTY_STAFF, filter(null, null, null, null, null, null, null, null, null, "E01234",
                        LedgerFilter.Sort.RULE, false, 0, 100)).items().stream().map(LedgerItem::id).toList())
                .isEqualTo(expected("371526", subject, Comparator.comparing(Row::rule).thenComparing(NEWEST), 0, 100))
                .hasSize(10);
        // a run's clues
        Predicate<Row> run7 = r -> r.inRun7() && r.rule().equals("C03");
        LedgerPage inRun = ledger.page(COUNTY_STAFF, filter(LedgerSource.CHECK, Set.of("C03"), null, null, null, null,
                7L, null, null, null, LedgerFilter.Sort.REGION, true, 2, 100));
        assertThat(inRun.total()).isEqualTo(count("371526", run7));
        assertThat(inRun.items().stream().map(LedgerItem::id).toList()).isEqualTo(expected("371526", run7,
                Comparator.comparing(Row::region).reversed().thenComparing(NEWEST), 2, 100));
        // severity and status orders
        Predicate<Row> all = r -> r.source().equals("CHECK");
        Comparator<Row> severity = Comparator.comparing((Row r) -> r.severity().ordinal()); // CRITICAL first
        assertThat(ledger.page(TOWN_STAFF, filter(LedgerSource.CHECK, null, null, null, null, null, null, null, null,
                        null, LedgerFilter.Sort.SEVERITY, true, 40, 250)).items().stream().map(LedgerItem::id).toList())
                .isEqualTo(expected("371526100", all, severity.thenComparing(NEWEST), 40, 250));
        assertThat(ledger.page(TOWN_STAFF, filter(LedgerSource.CHECK, null, null, null, null, null, null, null, null,
                        null, LedgerFilter.Sort.STATUS, false, 5, 100)).items().stream().map(LedgerItem::id).toList())
                .isEqualTo(expected("371526100", all, Comparator.comparing((Row r) -> r.status().name())
                        .thenComparing(NEWEST), 5, 100));
        // past the end: an empty page, the total still right
        LedgerPage beyond = ledger.page(TOWN_STAFF, filter(LedgerSource.CHECK, null, null, null, null, null, null,
                null, null, null, LedgerFilter.Sort.ID, true, 100_000, 50));
        assertThat(beyond.items()).isEmpty();
        assertThat(beyond.total()).isEqualTo(count("371526100", all));
    }

    @Test
    void theScreenPagesThroughTheSameFilter() throws Exception {
        MockMvc mvc = sunshine.security.SignedInMockMvc.of(context);
        actor.set(TOWN_STAFF);
        Predicate<Row> match = r -> r.source().equals("CHECK") && r.rule().equals("B01")
                && r.status() == LedgerStatus.ASSIGNED;
        String html = mvc.perform(MockMvcRequestBuilders.get("/clues").param("rule", "B01").param("status", "ASSIGNED")
                        .param("sort", "amount").param("dir", "asc").param("page", "2").param("size", "25"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        var doc = Jsoup.parse(html);
        assertThat(doc.select("tr[data-item]").eachAttr("data-item").stream().map(Long::valueOf).toList())
                .isEqualTo(expected("371526100", match, Comparator.comparing(Row::amount).thenComparing(NEWEST), 2, 25));
        assertThat(doc.select("#total").text()).isEqualTo("共 " + String.format("%,d", count("371526100", match))
                + " 条");
        assertThat(doc.select("tr[data-item]").stream().map(e -> e.attr("data-item")).collect(Collectors.toSet()))
                .hasSize(25);
        assertThat(html).doesNotContain("371526195000");
        assertThat(COUNTY).isEqualTo("371526000000");
        assertThat(TOWN_1).startsWith("371526100");
    }
}
