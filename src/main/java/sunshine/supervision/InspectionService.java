package sunshine.supervision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sunshine.ledger.LedgerItem;
import sunshine.ledger.LedgerService;
import sunshine.ledger.LedgerSource;
import sunshine.ledger.NewProblem;
import sunshine.registry.Regions;
import sunshine.security.Actor;
import sunshine.supervision.internal.Draws;
import sunshine.supervision.internal.InspectionStore;
import sunshine.supervision.internal.Scope;
import sunshine.supervision.internal.SupervisionClock;

/**
 * Random inspections (双随机一公开, workflows.md §4): targets and inspectors drawn at random from pools, never an
 * inspector for a target in their own town, by a draw anyone can replay (see {@code Draws} for the exact
 * algorithm), results recorded (problems enter the ledger) and published.
 * <ol>
 *   <li>{@link #create}: the announcement, draw date and pools are fixed and public from now on (ANNOUNCED);</li>
 *   <li>{@link #draw}: on or after the draw date, with the beacon the announcement named, the seed is derived and
 *       the sample drawn and stored (DRAWN);</li>
 *   <li>{@link #recordResult} for every sampled target, then {@link #publish} (PUBLISHED).</li>
 * </ol>
 * {@link #verify} replays a stored draw from its published inputs; {@link #replay} draws from any inputs.
 */
@Service
public class InspectionService {

    private final InspectionStore store;
    private final LedgerService ledger;
    private final Regions regions;
    private final SupervisionClock clock;

    InspectionService(InspectionStore store, LedgerService ledger, Regions regions, SupervisionClock clock) {
        this.store = store;
        this.ledger = ledger;
        this.regions = regions;
        this.clock = clock;
    }

    /** Announces a random inspection. */
    @Transactional
    public InspectionPlan create(Actor actor, NewInspection in) {
        Scope.requireOrganiser(actor);
        if (in == null) {
            throw SupervisionException.invalid("请填写抽查计划", "the inspection is empty");
        }
        String name = required(in.name(), "名称", "the name", 200);
        String region = Scope.region(actor, in.regionCode() == null ? actor.regionCode() : in.regionCode());
        if (Scope.depth(region) > 6) {
            throw SupervisionException.invalid("抽查范围应为县级或以上地区", "an inspection covers a county or more");
        }
        if (in.targetKind() == null) {
            throw SupervisionException.invalid("请指定抽查对象类型", "which kind of target?");
        }
        String announcement = required(Draws.normalizeAnnouncement(in.announcement()), "抽查公告", "the announcement",
                4000);
        LocalDate today = clock.now().toLocalDate();
        if (in.drawDate() == null || in.drawDate().isBefore(today)) {
            throw SupervisionException.invalid("抽取日期应为今天或以后：公告须在抽取之前发布",
                    "the draw date is today or later: the announcement comes before the draw");
        }
        List<PoolTarget> targets = in.targets() == null || in.targets().isEmpty() ? registryPool(region,
                in.targetKind()) : in.targets();
        String prefix = Actor.prefixOf(region);
        for (PoolTarget t : targets) {
            if (t != null && t.regionCode() != null && !t.regionCode().startsWith(prefix)) {
                throw SupervisionException.invalid("目标" + t.id() + "不在抽查范围内", "target " + t.id()
                        + " lies outside the inspection's region");
            }
        }
        List<Inspector> inspectors = in.inspectors() == null ? List.of() : in.inspectors();
        if (inspectors.isEmpty()) {
            throw SupervisionException.invalid("检查人员库是空的", "the inspector pool is empty");
        }
        int perTarget = in.inspectorsPerTarget() == null ? 2 : in.inspectorsPerTarget();
        Sample sample = in.sample() == null ? Sample.computed("0.95", "0.05") : in.sample();
        int size;
        BigDecimal proportion = null;
        if (sample.mode() == Sample.Mode.FIXED) {
            if (sample.size() == null) {
                throw SupervisionException.invalid("请填写抽取数量", "the sample size is required");
            }
            size = sample.size();
        } else {
            if (sample.confidence() == null || sample.margin() == null) {
                throw SupervisionException.invalid("请填写置信水平和允许误差", "the confidence level and margin are required");
            }
            proportion = sample.proportion() == null ? new BigDecimal("0.5") : sample.proportion();
            size = SampleSize.required(targets.size(), sample.confidence().doubleValue(),
                    sample.margin().doubleValue(), proportion.doubleValue());
        }
        DrawInput input = new DrawInput(in.targetKind(), announcement, in.drawDate(), null, size, perTarget, targets,
                inspectors);
        Draws.check(input);
        for (PoolTarget t : targets) {
            long eligible = inspectors.stream().filter(p -> !Objects.equals(Draws.town(p.regionCode()),
                    Draws.town(t.regionCode()))).count();
            if (eligible < perTarget) {
                throw SupervisionException.invalid("目标" + t.id() + "可抽取的检查人员不足" + perTarget + "名（须排除本乡镇人员）",
                        "fewer than " + perTarget + " inspectors from outside the town of target " + t.id());
            }
        }
        String poolHash = Draws.poolHash(in.targetKind(), targets, inspectors, size, perTarget);
        long id = store.insertPlan(name, region, in.targetKind(), announcement, in.drawDate(), poolHash,
                sample.mode(), size, sample.mode() == Sample.Mode.COMPUTED ? sample.confidence() : null,
                sample.mode() == Sample.Mode.COMPUTED ? sample.margin() : null, proportion, perTarget,
                actor.userId(), clock.now(), targets, inspectors);
        return store.plan(id).orElseThrow();
    }

    /** The plans within the actor's region, newest first. */
    @Transactional(readOnly = true)
    public List<InspectionPlan> list(Actor actor) {
        Scope.signedIn(actor);
        return store.plans(actor.regionPrefix());
    }

    @Transactional(readOnly = true)
    public InspectionDetail get(Actor actor, long id) {
        return detail(visible(actor, id));
    }

    /**
     * Draws the sample, on or after the draw date, with the beacon the announcement named (may be empty).
     *
     * @throws SupervisionException ILLEGAL_STATE when drawn already or before the draw date, CONFLICT
     */
    @Transactional
    public InspectionDetail draw(Actor actor, long id, long version, String beacon) {
        InspectionPlan plan = visible(actor, id);
        Scope.requireOrganiser(actor);
        if (plan.version() != version) {
            throw new SupervisionException(SupervisionException.Kind.CONFLICT, "抽查计划" + id + "已被他人修改，请刷新后重试",
                    "inspection " + id + " was changed by someone else meanwhile: reload it and try again");
        }
        if (plan.status() != InspectionPlan.Status.ANNOUNCED) {
            throw new SupervisionException(SupervisionException.Kind.ILLEGAL_STATE, "该抽查已经抽取，不能重新抽取",
                    "this inspection was drawn already: a draw is never repeated");
        }
        if (clock.now().toLocalDate().isBefore(plan.drawDate())) {
            throw new SupervisionException(SupervisionException.Kind.ILLEGAL_STATE, "未到公告的抽取日期"
                    + plan.drawDate(), "not before the announced draw date " + plan.drawDate());
        }
        String b = beacon == null ? "" : beacon.strip();
        Draw draw = Draws.draw(new DrawInput(plan.targetKind(), plan.announcement(), plan.drawDate(), b,
                plan.sampleSize(), plan.inspectorsPerTarget(), store.targets(id), store.inspectors(id)));
        store.storeDraw(id, plan.version(), b, draw.seed(), draw, actor.userId(), clock.now());
        return detail(store.plan(id).orElseThrow());
    }

    /** Replays a stored draw from its published inputs (anyone may ask). */
    @Transactional(readOnly = true)
    public Verification verify(long id) {
        InspectionPlan plan = store.plan(id).orElseThrow(() -> notFound(id));
        List<PoolTarget> targets = store.targets(id);
        List<Inspector> inspectors = store.inspectors(id);
        boolean pool = Draws.poolHash(plan.targetKind(), targets, inspectors, plan.sampleSize(),
                plan.inspectorsPerTarget()).equals(plan.poolHash());
        if (plan.seed() == null) {
            return new Verification(id, pool, false, false, null);
        }
        Draw replayed = Draws.draw(new DrawInput(plan.targetKind(), plan.announcement(), plan.drawDate(),
                plan.beacon(), plan.sampleSize(), plan.inspectorsPerTarget(), targets, inspectors));
        return new Verification(id, pool, replayed.seed().equals(plan.seed()),
                replayed.assignments().equals(store.draw(plan).assignments()), replayed);
    }

    /** Draws from any inputs, as the platform does: for anyone to check a draw on their own data. */
    public Draw replay(DrawInput input) {
        return Draws.draw(input);
    }

    /**
     * Records what the inspection of a sampled target found; each problem enters the ledger (source INSPECTION,
     * assigned to the town of its region).
     */
    @Transactional
    public InspectionDetail recordResult(Actor actor, long id, ResultInput r) {
        InspectionPlan plan = visible(actor, id);
        Scope.requireOrganiser(actor);
        if (plan.status() != InspectionPlan.Status.DRAWN) {
            throw new SupervisionException(SupervisionException.Kind.ILLEGAL_STATE,
                    "只有已抽取、未公开的抽查才能录入结果", "results are recorded once drawn and before publication");
        }
        if (r == null || r.targetId() == null || r.outcome() == null || r.inspectedOn() == null) {
            throw SupervisionException.invalid("请填写目标、结果和检查日期", "the target, outcome and date are required");
        }
        Draw draw = store.draw(plan);
        Draw.Assignment target = draw.assignments().stream().filter(a -> a.targetId().equals(r.targetId()))
                .findFirst().orElseThrow(() -> SupervisionException.invalid("该目标未被抽中：" + r.targetId(),
                        "not a sampled target: " + r.targetId()));
        if (store.results(id).stream().anyMatch(x -> x.targetId().equals(r.targetId()))) {
            throw new SupervisionException(SupervisionException.Kind.ILLEGAL_STATE, "该目标的结果已经录入",
                    "the result of this target is recorded already");
        }
        if (r.inspectedOn().isBefore(plan.drawDate()) || r.inspectedOn().isAfter(clock.now().toLocalDate())) {
            throw SupervisionException.invalid("检查日期应在抽取日期与今天之间", "the inspection date lies between the draw "
                    + "and today");
        }
        List<FoundProblem> problems = r.problems() == null ? List.of() : r.problems();
        if (r.outcome() == ResultInput.Outcome.PROBLEM && problems.isEmpty()
                || r.outcome() == ResultInput.Outcome.NO_PROBLEM && !problems.isEmpty()) {
            throw SupervisionException.invalid("发现问题时须列出问题；未发现问题时不能列出问题",
                    "PROBLEM needs its problems listed, NO_PROBLEM none");
        }
        List<Long> items = new ArrayList<>();
        for (FoundProblem p : problems) {
            LedgerItem item = ledger.recordProblem(actor, new NewProblem(LedgerSource.INSPECTION,
                    "I" + id + "/" + r.targetId(), p.rule(), p.severity(),
                    p.regionCode() == null ? target.regionCode() : p.regionCode(), p.program(), p.householdId(),
                    p.idNo(), p.amountAtRisk(), p.description()));
            items.add(item.id());
        }
        store.insertResult(id, r, optional(r.findings(), 4000), optional(r.publicSummary(), 400), items,
                actor.userId(), clock.now());
        store.touch(id, plan.version());
        return detail(store.plan(id).orElseThrow());
    }

    /** Publishes the results, once every sampled target has one. */
    @Transactional
    public InspectionDetail publish(Actor actor, long id, long version) {
        InspectionPlan plan = visible(actor, id);
        Scope.requireOrganiser(actor);
        if (plan.status() != InspectionPlan.Status.DRAWN) {
            throw new SupervisionException(SupervisionException.Kind.ILLEGAL_STATE, "只有已抽取、未公开的抽查才能公开结果",
                    "only a drawn, unpublished inspection is published");
        }
        Set<String> done = new HashSet<>();
        store.results(id).forEach(x -> done.add(x.targetId()));
        long missing = store.draw(plan).assignments().stream().filter(a -> !done.contains(a.targetId())).count();
        if (missing > 0) {
            throw new SupervisionException(SupervisionException.Kind.ILLEGAL_STATE, "还有" + missing + "个目标未录入结果",
                    missing + " sampled targets have no result yet");
        }
        store.publish(id, version, clock.now());
        return detail(store.plan(id).orElseThrow());
    }

    /** What the public sees (see {@link PublicInspection}). */
    @Transactional(readOnly = true)
    public PublicInspection publicView(long id) {
        InspectionPlan plan = store.plan(id).orElseThrow(() -> notFound(id));
        boolean regions = plan.targetKind() == TargetKind.TOWN || plan.targetKind() == TargetKind.VILLAGE;
        List<PoolTarget> targets = store.targets(id).stream()
                .map(t -> regions ? t : new PoolTarget(t.id(), t.regionCode(), null)).toList();
        List<PublicInspection.Outcome> results = plan.status() != InspectionPlan.Status.PUBLISHED ? List.of()
                : store.results(id).stream().map(r -> new PublicInspection.Outcome(r.targetId(), r.outcome(),
                r.inspectedOn(), r.publicSummary(), r.ledgerItemIds().size())).toList();
        return new PublicInspection(plan.id(), plan.name(), plan.regionCode(), plan.targetKind(), plan.announcement(),
                plan.drawDate(), plan.poolHash(), plan.sampleSize(), plan.inspectorsPerTarget(), plan.status(),
                plan.createdAt(), targets, store.inspectors(id), plan.beacon(), plan.seed(), store.draw(plan),
                results);
    }

    private InspectionDetail detail(InspectionPlan plan) {
        return new InspectionDetail(plan, store.targets(plan.id()), store.inspectors(plan.id()), store.draw(plan),
                store.results(plan.id()));
    }

    private InspectionPlan visible(Actor actor, long id) {
        Scope.signedIn(actor);
        InspectionPlan plan = store.plan(id).orElseThrow(() -> notFound(id));
        if (!actor.canSee(plan.regionCode())) {
            throw notFound(id);
        }
        return plan;
    }

    /** The registry's towns or villages within a region, as a pool. */
    private List<PoolTarget> registryPool(String region, TargetKind kind) {
        if (kind != TargetKind.TOWN && kind != TargetKind.VILLAGE) {
            throw SupervisionException.invalid("家庭户和保障对象的目标库须随计划提交",
                    "pools of households and enrollments come with the plan");
        }
        String prefix = Actor.prefixOf(region);
        List<PoolTarget> pool = new ArrayList<>();
        for (Map.Entry<String, String> e : regions.levels().entrySet()) {
            if (e.getValue().equals(kind.name()) && e.getKey().startsWith(prefix)) {
                pool.add(new PoolTarget(e.getKey(), e.getKey(), null));
            }
        }
        pool.sort(java.util.Comparator.comparing(PoolTarget::id));
        return pool;
    }

    private static SupervisionException notFound(long id) {
        return new SupervisionException(SupervisionException.Kind.NOT_FOUND, "抽查不存在：" + id,
                "no such inspection: " + id);
    }

    static String required(String s, String zh, String en, int max) {
        if (s == null || s.isBlank()) {
            throw SupervisionException.invalid("请填写" + zh, en + " is required");
        }
        String t = s.strip();
        if (t.length() > max) {
            throw SupervisionException.invalid(zh + "不能超过" + max + "个字", en + " is limited to " + max
                    + " characters");
        }
        return t;
    }

    static String optional(String s, int max) {
        if (s == null || s.isBlank()) {
            return null;
        }
        return required(s, "内容", "a field", max);
    }
}
