package sunshine.supervision;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sunshine.checks.CheckEngine;
import sunshine.checks.RuleInfo;
import sunshine.ledger.ItemFigures;
import sunshine.ledger.LedgerItem;
import sunshine.ledger.LedgerService;
import sunshine.ledger.LedgerSource;
import sunshine.ledger.NewProblem;
import sunshine.security.Actor;
import sunshine.supervision.internal.CampaignStore;
import sunshine.supervision.internal.CampaignXlsx;
import sunshine.supervision.internal.Scope;
import sunshine.supervision.internal.SupervisionClock;
import sunshine.supervision.internal.Tally;

/**
 * Campaigns (专项治理, workflows.md §5): a scope (regions, programs, period), stages with dates, and reporting
 * tables computed from the ledger itself — every figure is a sum over ledger items, so the tables reconcile with
 * the ledger to the cent by construction — rolled up county → city → province, also as XLSX.
 * <p>
 * A problem counts for a campaign when its ledger item lies in one of the campaign's regions, entered the ledger
 * during the campaign's period (Beijing dates, both ends included) and, when the campaign names programs, concerns
 * one of them (items whose program is unknown count only for campaigns about every program). Whoever asks sees
 * the rows of their own region only.
 */
@Service
public class CampaignService {

    private final CampaignStore store;
    private final LedgerService ledger;
    private final SupervisionClock clock;
    private volatile Map<String, String> ruleNames;

    CampaignService(CampaignStore store, LedgerService ledger, SupervisionClock clock) {
        this.store = store;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Transactional
    public Campaign create(Actor actor, NewCampaign in) {
        Scope.requireOrganiser(actor);
        if (in == null) {
            throw SupervisionException.invalid("请填写专项治理", "the campaign is empty");
        }
        String name = InspectionService.required(in.name(), "名称", "the name", 200);
        if (in.regions() == null || in.regions().isEmpty()) {
            throw SupervisionException.invalid("请指定范围（地区）", "which regions?");
        }
        Set<String> regions = new LinkedHashSet<>();
        for (String r : in.regions()) {
            regions.add(Scope.region(actor, r));
        }
        List<String> programs = in.programs() == null ? List.of() : in.programs().stream().map(String::strip)
                .distinct().toList();
        for (String p : programs) {
            if (!p.matches("[A-Z_]{2,24}")) {
                throw SupervisionException.invalid("项目代码不正确：" + p, "not a program code: " + p);
            }
        }
        if (in.periodFrom() == null || in.periodTo() == null || in.periodTo().isBefore(in.periodFrom())) {
            throw SupervisionException.invalid("请填写起止日期（结束不早于开始）", "the period needs a start and an end, "
                    + "in that order");
        }
        List<CampaignStage> stages = in.stages() == null ? List.of() : in.stages();
        Set<CampaignStage.Kind> kinds = EnumSet.noneOf(CampaignStage.Kind.class);
        for (CampaignStage s : stages) {
            if (s == null || s.kind() == null || s.startsOn() == null || s.endsOn() == null
                    || s.endsOn().isBefore(s.startsOn())) {
                throw SupervisionException.invalid("每个阶段须有类型和起止日期（结束不早于开始）",
                        "every stage needs a kind, a start and an end, in that order");
            }
            if (!kinds.add(s.kind())) {
                throw SupervisionException.invalid("阶段重复：" + s.kind().labelZh(), "a stage twice: " + s.kind());
            }
            if (s.startsOn().isBefore(in.periodFrom())) {
                throw SupervisionException.invalid("阶段不能早于专项治理开始：" + s.kind().labelZh(),
                        "a stage cannot start before the campaign: " + s.kind());
            }
        }
        long id = store.insert(name, actor.regionCode(), List.copyOf(regions), programs, in.periodFrom(),
                in.periodTo(), stages, actor.userId(), clock.now());
        return store.find(id, today()).orElseThrow();
    }

    /** The campaigns that concern the actor's region (covering it, or within it), newest first. */
    @Transactional(readOnly = true)
    public List<Campaign> list(Actor actor) {
        Scope.signedIn(actor);
        return store.all(today()).stream().filter(c -> concerns(actor, c)).toList();
    }

    @Transactional(readOnly = true)
    public Campaign get(Actor actor, long id) {
        Scope.signedIn(actor);
        return store.find(id, today()).filter(c -> concerns(actor, c)).orElseThrow(() -> new SupervisionException(
                SupervisionException.Kind.NOT_FOUND, "专项治理不存在：" + id, "no such campaign: " + id));
    }

    /** The reporting tables, as of now, within the actor's region. */
    @Transactional(readOnly = true)
    public CampaignReport report(Actor actor, long id) {
        Campaign c = get(actor, id);
        OffsetDateTime from = c.periodFrom().atStartOfDay(SupervisionClock.ZONE).toOffsetDateTime();
        OffsetDateTime to = c.periodTo().plusDays(1).atStartOfDay(SupervisionClock.ZONE).toOffsetDateTime();
        List<String> prefixes = c.regions().stream().map(Actor::prefixOf).toList();
        Set<String> programs = Set.copyOf(c.programs());
        List<ItemFigures> items = ledger.figures(actor, from, to).stream()
                .filter(f -> prefixes.stream().anyMatch(p -> f.regionCode().startsWith(p)))
                .filter(f -> programs.isEmpty() || f.program() != null && programs.contains(f.program()))
                .toList();
        return new CampaignReport(c, clock.now(), byRegion(items), byType(items), detail(items));
    }

    /** The reporting tables as an XLSX workbook. */
    public void writeXlsx(CampaignReport report, OutputStream out) throws IOException {
        CampaignXlsx.write(report, out);
    }

    /** Enters a problem the campaign's self-check or spot-check found (source CAMPAIGN). */
    @Transactional
    public LedgerItem recordProblem(Actor actor, long id, FoundProblem p) {
        Campaign c = get(actor, id);
        if (p == null || p.regionCode() == null) {
            throw SupervisionException.invalid("请填写问题所在地区", "where was the problem found?");
        }
        if (c.regions().stream().noneMatch(r -> p.regionCode().startsWith(Actor.prefixOf(r)))) {
            throw SupervisionException.invalid("问题所在地区不在专项治理范围内", "the problem lies outside the campaign's regions");
        }
        return ledger.recordProblem(actor, new NewProblem(LedgerSource.CAMPAIGN, "C" + id, p.rule(), p.severity(),
                p.regionCode(), p.program(), p.householdId(), p.idNo(), p.amountAtRisk(), p.description()));
    }

    // ---------------------------------------------------------------- the tables

    private List<ReportRow> byRegion(List<ItemFigures> items) {
        Map<String, Tally> counties = group(items, f -> pad(f.regionCode().substring(0, 6)));
        Map<String, Tally> cities = group(items, f -> pad(f.regionCode().substring(0, 4)));
        Map<String, Tally> provinces = group(items, f -> pad(f.regionCode().substring(0, 2)));
        List<ReportRow> rows = new ArrayList<>();
        provinces.forEach((province, pt) -> {
            rows.add(new ReportRow("PROVINCE", province, null, null, pt.figures()));
            cities.forEach((city, ct) -> {
                if (city.startsWith(province.substring(0, 2))) {
                    rows.add(new ReportRow("CITY", city, null, null, ct.figures()));
                    counties.forEach((county, kt) -> {
                        if (county.startsWith(city.substring(0, 4))) {
                            rows.add(new ReportRow("COUNTY", county, null, null, kt.figures()));
                        }
                    });
                }
            });
        });
        rows.add(new ReportRow("TOTAL", null, null, null, total(items)));
        return rows;
    }

    private List<ReportRow> byType(List<ItemFigures> items) {
        List<ReportRow> rows = new ArrayList<>();
        group(items, ItemFigures::rule).forEach((rule, t) ->
                rows.add(new ReportRow("TOTAL", null, rule, ruleName(rule), t.figures())));
        rows.add(new ReportRow("TOTAL", null, null, null, total(items)));
        return rows;
    }

    private List<ReportRow> detail(List<ItemFigures> items) {
        List<ReportRow> rows = new ArrayList<>();
        group(items, f -> pad(f.regionCode().substring(0, 6)) + "|" + f.rule()).forEach((key, t) -> {
            String[] k = key.split("\\|");
            rows.add(new ReportRow("COUNTY", k[0], k[1], ruleName(k[1]), t.figures()));
        });
        return rows;
    }

    private static Figures total(List<ItemFigures> items) {
        Tally t = new Tally();
        items.forEach(t::add);
        return t.figures();
    }

    private static Map<String, Tally> group(List<ItemFigures> items, Function<ItemFigures, String> key) {
        Map<String, Tally> groups = new TreeMap<>();
        for (ItemFigures f : items) {
            groups.computeIfAbsent(key.apply(f), k -> new Tally()).add(f);
        }
        return groups;
    }

    private static String pad(String prefix) {
        return (prefix + "000000000000").substring(0, 12);
    }

    private String ruleName(String rule) {
        Map<String, String> names = ruleNames;
        if (names == null) {
            names = new HashMap<>();
            names.put("COMPLAINT", "信访举报");
            names.put("OTHER", "其他问题");
            try {
                for (RuleInfo r : CheckEngine.standard().rules()) {
                    names.put(r.code(), r.nameZh());
                }
            } catch (RuntimeException e) {
                // names are a courtesy: codes alone still reconcile
            }
            ruleNames = names;
        }
        return names.get(rule);
    }

    /** Whether a campaign covers the actor's region, or lies within it. */
    private static boolean concerns(Actor actor, Campaign c) {
        return c.regions().stream().anyMatch(r -> actor.canSee(r) || actor.regionCode().startsWith(Actor.prefixOf(r)));
    }

    private LocalDate today() {
        return clock.now().toLocalDate();
    }
}
