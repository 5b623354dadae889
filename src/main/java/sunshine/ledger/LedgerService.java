package sunshine.ledger;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sunshine.checks.Severity;
import sunshine.contract.Reason;
import sunshine.ledger.internal.Draft;
import sunshine.ledger.internal.EvidenceFiles;
import sunshine.ledger.internal.Json;
import sunshine.ledger.internal.LedgerSettings;
import sunshine.ledger.internal.LedgerStore;
import sunshine.ledger.internal.LedgerStore.Who;
import sunshine.ledger.internal.Money;
import sunshine.ledger.internal.Permissions;
import sunshine.ledger.internal.RegionCodes;
import sunshine.security.Actor;

/**
 * The problem ledger: every item, its life cycle, its rectification and its evidence, always as one actor sees
 * it. See the package documentation for the rules; in short:
 * <ul>
 *   <li>An item outside the actor's region is "not found" ({@link LedgerException.Kind#NOT_FOUND}).</li>
 *   <li>Every change names the item's version the actor saw; if the item changed meanwhile the change is refused
 *       as a {@link LedgerException.Kind#CONFLICT} and nothing of it is kept.</li>
 *   <li>Every change is recorded in the item's history: who, when, what, why.</li>
 * </ul>
 */
@Service
public class LedgerService {

    private final LedgerStore store;
    private final EvidenceFiles files;
    private final LedgerSettings settings;

    LedgerService(LedgerStore store, EvidenceFiles files, LedgerSettings settings) {
        this.store = store;
        this.files = files;
        this.settings = settings;
    }

    // ================================================================ reading

    /** One item. @throws LedgerException NOT_FOUND when there is none within the actor's region */
    @Transactional(readOnly = true)
    public LedgerItem get(Actor actor, long id) {
        return visible(actor, id);
    }

    /** The items within the actor's region that the query asks for, newest first. */
    @Transactional(readOnly = true)
    public List<LedgerItem> search(Actor actor, LedgerQuery query) {
        if (!Permissions.canSee(actor, actor.regionCode())) {
            return List.of();
        }
        if (query.regionCode() != null && !RegionCodes.wellFormed(query.regionCode())) {
            throw LedgerException.invalid("地区代码应为12位数字：" + query.regionCode(),
                    "a region code has 12 digits: " + query.regionCode());
        }
        return store.search(actor.regionPrefix(), query);
    }

    /**
     * A page of the items within the actor's region that a filter asks for, with how many there are in all (the
     * clue list and the work queue of the screens).
     */
    @Transactional(readOnly = true)
    public LedgerPage page(Actor actor, LedgerFilter filter) {
        if (!Permissions.canSee(actor, actor.regionCode())) {
            return new LedgerPage(List.of(), 0, filter.page(), filter.size());
        }
        return store.page(actor.regionPrefix(), actor.regionCode(), filter);
    }

    /**
     * The steps of the life cycle this actor may take on this item now: those its status allows, at the actor's
     * level, and no review of the actor's own request. What a screen offers; {@link #step} checks again.
     */
    @Transactional(readOnly = true)
    public List<LedgerStep> stepsFor(Actor actor, LedgerItem item) {
        if (!Permissions.canSee(actor, item.regionCode())) {
            return List.of();
        }
        return LedgerLifeCycle.allowedSteps(item.status()).stream().filter(step -> {
            try {
                Permissions.requireLevel(actor, step.level());
                switch (step) {
                    case APPROVE_DISMISSAL, REJECT_DISMISSAL -> fourEyes(actor, item.id(), LedgerStep.REQUEST_DISMISSAL);
                    case CLOSE, RETURN_FOR_RECTIFICATION -> fourEyes(actor, item.id(), LedgerStep.SUBMIT_FOR_REVIEW);
                    default -> {
                        // the level is all
                    }
                }
                return true;
            } catch (LedgerException refused) {
                return false;
            }
        }).toList();
    }

    /** Whether the actor may record rectification actions on the item now (RECTIFYING, town staff or above). */
    public boolean mayAct(Actor actor, LedgerItem item) {
        return item.status() == LedgerStatus.RECTIFYING && allows(actor, item, LedgerStep.Level.TOWN);
    }

    /** Whether the actor may attach evidence files to the item (town staff or above, not read-only). */
    public boolean mayAttach(Actor actor, LedgerItem item) {
        return allows(actor, item, LedgerStep.Level.TOWN);
    }

    /** Whether the actor may record outcomes of transfers to discipline inspection (town staff or above). */
    public boolean mayRecordOutcome(Actor actor, LedgerItem item) {
        return allows(actor, item, LedgerStep.Level.TOWN);
    }

    /** Whether the actor may change the amount to recover now (CONFIRMED or RECTIFYING, county staff or above). */
    public boolean mayChangeAmount(Actor actor, LedgerItem item) {
        return (item.status() == LedgerStatus.CONFIRMED || item.status() == LedgerStatus.RECTIFYING)
                && allows(actor, item, LedgerStep.Level.COUNTY);
    }

    private static boolean allows(Actor actor, LedgerItem item, LedgerStep.Level level) {
        if (!Permissions.canSee(actor, item.regionCode())) {
            return false;
        }
        try {
            Permissions.requireLevel(actor, level);
            return true;
        } catch (LedgerException refused) {
            return false;
        }
    }

    /** Who did what, when and why, oldest first. */
    @Transactional(readOnly = true)
    public List<HistoryEntry> history(Actor actor, long id) {
        visible(actor, id);
        return store.history(id);
    }

    /** The clues of the check runs that found the item and the files attached to it, oldest first. */
    @Transactional(readOnly = true)
    public List<Evidence> evidence(Actor actor, long id) {
        visible(actor, id);
        return store.evidence(id);
    }

    /** A stored evidence file, to send to the actor. */
    @Transactional(readOnly = true)
    public EvidenceFile evidenceFile(Actor actor, long id, long evidenceId) {
        visible(actor, id);
        Evidence e = store.evidence(id, evidenceId).filter(x -> x.kind() == Evidence.Kind.FILE)
                .orElseThrow(() -> new LedgerException(LedgerException.Kind.NOT_FOUND,
                        new Reason("证据不存在：" + evidenceId, "no such evidence file: " + evidenceId)));
        java.nio.file.Path path = files.path(e.contentHash());
        if (!Files.isRegularFile(path)) {
            throw new LedgerException(LedgerException.Kind.NOT_FOUND, new Reason(
                    "证据文件已不在存储中：" + evidenceId, "the evidence file is missing from storage: " + evidenceId));
        }
        return new EvidenceFile(e, path);
    }

    /** The rectification actions recorded on the item, oldest first. */
    @Transactional(readOnly = true)
    public List<RectificationAction> actions(Actor actor, long id) {
        visible(actor, id);
        return store.actions(id);
    }

    /** The items within the actor's region by status (every status, in the order of {@link LedgerStatus}). */
    @Transactional(readOnly = true)
    public List<StatusTotals> totalsByStatus(Actor actor) {
        Map<LedgerStatus, StatusTotals> found = Permissions.canSee(actor, actor.regionCode())
                ? store.totalsByStatus(actor.regionPrefix()) : Map.of();
        BigDecimal zero = BigDecimal.ZERO.setScale(2);
        return Arrays.stream(LedgerStatus.values())
                .map(s -> found.getOrDefault(s, new StatusTotals(s, 0, 0, zero, zero)))
                .toList();
    }

    /**
     * The figures of every item within the actor's region created in [from, to) (either may be null), for
     * reporting tables.
     */
    @Transactional(readOnly = true)
    public List<ItemFigures> figures(Actor actor, OffsetDateTime from, OffsetDateTime to) {
        if (!Permissions.canSee(actor, actor.regionCode())) {
            return List.of();
        }
        return store.figures(actor.regionPrefix(), from, to);
    }

    // ================================================================ the life cycle

    /**
     * Takes a step of the life cycle.
     *
     * @throws LedgerException NOT_FOUND, FORBIDDEN (read-only role, or a county step by town staff, or a review
     *                         by the person who asked for it), CONFLICT (stale version), ILLEGAL_TRANSITION,
     *                         INVALID (reason, finding, town, amounts; a dismissal without evidence, closing with
     *                         money outstanding, submitting without any action)
     */
    @Transactional
    public LedgerItem step(Actor actor, long id, StepRequest r) {
        if (r == null || r.step() == null) {
            throw LedgerException.invalid("请指定操作", "which step?");
        }
        LedgerItem item = visible(actor, id);
        Permissions.requireChange(actor);
        checkVersion(item, r.version());
        LedgerStep step = r.step();
        LedgerStatus to = LedgerLifeCycle.next(item.status(), step);
        Permissions.requireLevel(actor, step.level());
        String reason = required(r.reason(), "理由", "a reason", 4000);
        OffsetDateTime now = settings.now();

        Map<String, Object> set = new LinkedHashMap<>();
        Map<String, Object> details = new LinkedHashMap<>();
        set.put("status", to.name());
        String town = item.townCode();
        switch (step) {
            case ASSIGN -> {
                town = townFor(actor, item, r.townCode());
                set.put("town_code", town);
                if (RegionCodes.depth(item.regionCode()) < 9) {
                    // a county's complaint now concerns the town: its staff must see it
                    set.put("region_code", town);
                }
                details.put("town", town);
            }
            case CONFIRM -> {
                String finding = required(r.finding(), "核查结论", "the finding", 4000);
                BigDecimal amount = r.amountToRecover() == null
                        ? item.amountAtRisk().max(item.amountRecovered())
                        : Money.check(r.amountToRecover(), "应追回金额", "the amount to recover", false);
                if (amount.compareTo(item.amountRecovered()) < 0) {
                    throw LedgerException.invalid("应追回金额不能少于已追回的" + Money.yuan(item.amountRecovered()) + "元",
                            "the amount to recover cannot be less than the " + Money.yuan(item.amountRecovered())
                                    + " yuan already recovered");
                }
                set.put("finding", finding);
                set.put("amount_to_recover", amount);
                details.put("amountToRecover", amount.toPlainString());
            }
            case REQUEST_DISMISSAL -> {
                if (store.fileCount(id) == 0) {
                    throw LedgerException.invalid("申请排除须先上传至少一份证明材料（证据文件）",
                            "a dismissal needs at least one evidence file attached first");
                }
            }
            case APPROVE_DISMISSAL, REJECT_DISMISSAL -> fourEyes(actor, id, LedgerStep.REQUEST_DISMISSAL);
            case SUBMIT_FOR_REVIEW -> {
                if (store.actionCount(id) == 0) {
                    throw LedgerException.invalid("提请销号前须记录至少一项整改措施",
                            "record at least one rectification action before submitting for closing");
                }
            }
            case CLOSE -> {
                fourEyes(actor, id, LedgerStep.SUBMIT_FOR_REVIEW);
                if (item.outstanding().signum() > 0) {
                    throw LedgerException.invalid("尚有" + Money.yuan(item.outstanding()) + "元未追回，不能销号",
                            Money.yuan(item.outstanding()) + " yuan are still to be recovered: the item cannot "
                                    + "be closed yet");
                }
                set.put("closed_at", now);
            }
            case RETURN_FOR_RECTIFICATION -> fourEyes(actor, id, LedgerStep.SUBMIT_FOR_REVIEW);
            case REOPEN -> set.put("closed_at", null);
            default -> {
                // START_VERIFICATION, START_RECTIFICATION: the status is all
            }
        }
        enterStage(item, to, town, set, now);
        store.update(id, item.version(), set, now);
        store.history(id, Who.of(actor), step.name(), item.status(), to, reason, details, now);
        return store.find(id).orElseThrow();
    }

    // ================================================================ rectification

    /**
     * Records a rectification action (only while RECTIFYING). A recovery adds to the amount recovered, which
     * never exceeds the amount to recover.
     */
    @Transactional
    public LedgerItem act(Actor actor, long id, ActionRequest r) {
        if (r == null || r.kind() == null) {
            throw LedgerException.invalid("请指定整改措施类型", "which kind of action?");
        }
        LedgerItem item = visible(actor, id);
        Permissions.requireChange(actor);
        checkVersion(item, r.version());
        if (item.status() != LedgerStatus.RECTIFYING) {
            throw new LedgerException(LedgerException.Kind.ILLEGAL_TRANSITION, new Reason(
                    "只有“整改中”的问题才能记录整改措施（当前：" + item.status().labelZh() + "）",
                    "actions are recorded only while RECTIFYING (the item is " + item.status() + ")"));
        }
        Permissions.requireLevel(actor, LedgerStep.Level.TOWN);
        LocalDate date = date(r.date(), "日期", "the date");
        String reference = required(r.reference(), "文号或编号", "the reference number", 100);
        BigDecimal amount = null;
        String body = optional(r.body(), 200);
        OffsetDateTime now = settings.now();
        Map<String, Object> set = new LinkedHashMap<>();
        switch (r.kind()) {
            case RECOVERY -> {
                amount = Money.check(r.amount(), "追回金额", "the amount recovered", true);
                BigDecimal after = item.amountRecovered().add(amount);
                if (item.amountToRecover() == null || after.compareTo(item.amountToRecover()) > 0) {
                    throw LedgerException.invalid("追回金额超过尚未追回的" + Money.yuan(item.outstanding()) + "元",
                            "the amount exceeds the " + Money.yuan(item.outstanding()) + " yuan still to recover");
                }
                set.put("amount_recovered", after);
            }
            case ADJUST_BENEFIT -> amount = Money.check(r.amount(), "调整后月发放金额", "the new monthly amount", false);
            case FILING -> body = required(body, "备案机关（层级）", "the level filed with", 200);
            case DISCIPLINE_TRANSFER -> body = body == null ? "纪检监察机关" : body;
            default -> {
                // STOP_BENEFIT: the decision is its reference and date
            }
        }
        String note = optional(r.note(), 2000);
        store.update(id, item.version(), set, now);
        RectificationAction action = store.insertAction(id, r.kind(), date, amount, reference,
                body, note, actor.userId(), now);
        Map<String, Object> details = Json.map("actionId", action.id(), "kind", r.kind(), "date", date,
                "amount", amount, "reference", reference, "body", body);
        if (r.kind() == ActionKind.RECOVERY) {
            details.put("recovered", Money.yuan((BigDecimal) set.get("amount_recovered")));
            details.put("outstanding", Money.yuan(item.amountToRecover().subtract(
                    (BigDecimal) set.get("amount_recovered"))));
        }
        store.history(id, Who.of(actor), "ACTION_RECORDED", null, null, note, details, now);
        return store.find(id).orElseThrow();
    }

    /** Records what discipline inspection decided on a transfer (once; in any status, also after closing). */
    @Transactional
    public LedgerItem recordOutcome(Actor actor, long id, long actionId, OutcomeRequest r) {
        LedgerItem item = visible(actor, id);
        Permissions.requireChange(actor);
        checkVersion(item, r.version());
        Permissions.requireLevel(actor, LedgerStep.Level.TOWN);
        RectificationAction action = store.action(id, actionId)
                .filter(a -> a.kind() == ActionKind.DISCIPLINE_TRANSFER)
                .orElseThrow(() -> new LedgerException(LedgerException.Kind.NOT_FOUND, new Reason(
                        "没有这项移送纪检监察记录：" + actionId, "no such transfer to discipline inspection: " + actionId)));
        if (action.outcome() != null) {
            throw LedgerException.invalid("该移送的处理结果已经记录", "the outcome of this transfer is already recorded");
        }
        String outcome = required(r.outcome(), "处理结果", "the outcome", 2000);
        LocalDate date = date(r.date(), "处理日期", "the outcome's date");
        if (r.peopleHandled() < 0) {
            throw LedgerException.invalid("处理人数不能为负数", "people handled cannot be negative");
        }
        OffsetDateTime now = settings.now();
        store.update(id, item.version(), Map.of(), now);
        store.recordOutcome(actionId, outcome, date, r.peopleHandled(), actor.userId());
        store.history(id, Who.of(actor), "OUTCOME_RECORDED", null, null, outcome,
                Json.map("actionId", actionId, "date", date, "peopleHandled", r.peopleHandled()), now);
        return store.find(id).orElseThrow();
    }

    /**
     * Changes the amount to recover of a CONFIRMED or RECTIFYING item (county staff: e.g. part of it was found
     * lawful, or cannot be recovered by a recorded decision); never below what was already recovered.
     */
    @Transactional
    public LedgerItem changeAmountToRecover(Actor actor, long id, long version, BigDecimal amount, String reason) {
        LedgerItem item = visible(actor, id);
        Permissions.requireChange(actor);
        checkVersion(item, version);
        if (item.status() != LedgerStatus.CONFIRMED && item.status() != LedgerStatus.RECTIFYING) {
            throw new LedgerException(LedgerException.Kind.ILLEGAL_TRANSITION, new Reason(
                    "只有已确认或整改中的问题才能调整应追回金额（当前：" + item.status().labelZh() + "）",
                    "the amount to recover changes only while CONFIRMED or RECTIFYING (the item is "
                            + item.status() + ")"));
        }
        Permissions.requireLevel(actor, LedgerStep.Level.COUNTY);
        BigDecimal value = Money.check(amount, "应追回金额", "the amount to recover", false);
        if (value.compareTo(item.amountRecovered()) < 0) {
            throw LedgerException.invalid("应追回金额不能少于已追回的" + Money.yuan(item.amountRecovered()) + "元",
                    "the amount to recover cannot be less than the " + Money.yuan(item.amountRecovered())
                            + " yuan already recovered");
        }
        String why = required(reason, "理由", "a reason", 4000);
        OffsetDateTime now = settings.now();
        store.update(id, item.version(), Map.of("amount_to_recover", value), now);
        store.history(id, Who.of(actor), "AMOUNT_TO_RECOVER_CHANGED", null, null, why,
                Json.map("from", item.amountToRecover(), "to", value), now);
        return store.find(id).orElseThrow();
    }

    // ================================================================ evidence

    /**
     * Attaches a file as evidence: stored by its SM3 hash, refused when over the size limit or not one of the
     * accepted types by its content. The original name is kept as metadata. Does not change the item's version.
     *
     * @throws LedgerException TOO_LARGE, UNSUPPORTED_TYPE, INVALID (empty), NOT_FOUND, FORBIDDEN
     */
    @Transactional
    public Evidence addEvidence(Actor actor, long id, InputStream content, String originalName, String note) {
        LedgerItem item = visible(actor, id);
        Permissions.requireLevel(actor, LedgerStep.Level.TOWN);
        EvidenceFiles.Stored stored = files.store(content);
        OffsetDateTime now = settings.now();
        String name = EvidenceFiles.safeName(originalName);
        Evidence e = store.insertFile(item.id(), stored, name, optional(note, 2000), actor.userId(), now);
        store.history(id, Who.of(actor), "FILE_ADDED", null, null, e.note(), Json.map("evidenceId", e.id(),
                "name", name, "mediaType", stored.mediaType(), "size", stored.size(), "sm3", stored.hash()), now);
        return e;
    }

    // ================================================================ problems found by people

    /**
     * Enters a problem a random inspection or a campaign found. It is assigned to the town of its region at once
     * (or waits, NEW, at the county when the region is a county).
     */
    @Transactional
    public LedgerItem recordProblem(Actor actor, NewProblem p) {
        if (p == null || p.source() == null
                || p.source() != LedgerSource.INSPECTION && p.source() != LedgerSource.CAMPAIGN) {
            throw LedgerException.invalid("来源应为双随机抽查或专项治理", "the source must be INSPECTION or CAMPAIGN");
        }
        Permissions.requireLevel(actor, LedgerStep.Level.TOWN);
        String region = region(actor, p.regionCode());
        String rule = p.rule() == null || p.rule().isBlank() ? "OTHER" : p.rule().strip();
        if (!rule.matches("[A-E]\\d{2}|OTHER")) {
            throw LedgerException.invalid("问题类型应为规则编号（如A01）或OTHER：" + rule,
                    "the problem type is a rule code (such as A01) or OTHER: " + rule);
        }
        String reference = required(p.reference(), "来源编号", "the reference", 150);
        BigDecimal amount = p.amountAtRisk() == null ? BigDecimal.ZERO.setScale(2)
                : Money.check(p.amountAtRisk(), "涉及金额", "the amount at risk", false);
        Draft d = new Draft(p.source(), rule, reference, p.severity() == null ? Severity.MEDIUM : p.severity(), "",
                region, optional(p.program(), 24), null, optional(p.householdId(), 40), optional(p.idNo(), 18),
                null, null, null, amount, null, required(p.description(), "问题描述", "the description", 2000), null);
        return create(Who.of(actor), d, n -> reference + "#" + n, "由" + p.source().labelZh() + "发现");
    }

    // ================================================================ deadlines

    /**
     * Escalates every open item whose deadline passed before {@code now} one level up (town → county → city →
     * province): the level above becomes responsible and has a fresh deadline of the item's severity; the history
     * records it. An item already at the province stays there, overdue (red). The scheduled job calls this with
     * the current time; an item changed concurrently is left for the next run.
     *
     * @return how many items were escalated
     */
    @Transactional
    public int escalateOverdue(Instant now) {
        OffsetDateTime at = now.atZone(LedgerSettings.ZONE).toOffsetDateTime();
        int escalated = 0;
        for (LedgerItem item : store.overdue(at)) {
            String up = RegionCodes.parent(item.responsibleRegion());
            if (up == null) {
                continue;
            }
            OffsetDateTime deadline = at.plusDays(settings.deadlineDays(item.severity()));
            Map<String, Object> set = new LinkedHashMap<>();
            set.put("responsible_region", up);
            set.put("escalations", item.escalations() + 1);
            set.put("deadline", deadline);
            try {
                store.update(item.id(), item.version(), set, at);
            } catch (LedgerException conflict) {
                continue;
            }
            store.history(item.id(), Who.of(Actor.system(up)), "ESCALATED", null, null,
                    "逾期未办理，升级至上一级督办 / overdue: escalated one level up",
                    Json.map("from", item.responsibleRegion(), "to", up, "missedDeadline", item.deadline(),
                            "deadline", deadline), at);
            escalated++;
        }
        return escalated;
    }

    // ================================================================ for the intake and complaints

    /**
     * Creates an item from a draft; assigned at once to the town of its region when it has one.
     *
     * @param subject the item's subject made from its number
     */
    LedgerItem create(Who who, Draft d, java.util.function.LongFunction<String> subject, String why) {
        long id = store.nextItemId();
        Draft draft = d.withSubject(subject.apply(id));
        OffsetDateTime now = settings.now();
        LedgerStore.NewItem n = plan(id, draft, now);
        store.insert(n);
        List<Object[]> history = new ArrayList<>();
        creationHistory(history, n, who, why);
        store.historyAll(history);
        return store.find(id).orElseThrow();
    }

    /** The new item of a draft: NEW, or ASSIGNED to its town, with the deadline of its first stage. */
    LedgerStore.NewItem plan(long id, Draft d, OffsetDateTime now) {
        String town = RegionCodes.town(d.regionCode());
        LedgerStatus status = town == null ? LedgerStatus.NEW : LedgerStatus.ASSIGNED;
        return new LedgerStore.NewItem(id, d.source(), d.rule(), d.subject(), d.severity(), d.variant(), status,
                d.regionCode(), town, town == null ? RegionCodes.county(d.regionCode()) : town,
                now.plusDays(settings.deadlineDays(d.severity())), d.program(), d.enrollmentId(), d.householdId(),
                d.idNo(), d.cardNo(), d.periodFrom(), d.periodTo(), d.amountAtRisk(), d.owed(), d.explanation(),
                d.runId(), now);
    }

    /** CREATED, and ASSIGN by the system when the item went straight to its town. */
    static void creationHistory(List<Object[]> rows, LedgerStore.NewItem n, Who who, String why) {
        rows.add(LedgerStore.historyArgs(n.id(), who, "CREATED", null, LedgerStatus.NEW, why,
                Json.map("source", n.source(), "rule", n.rule(), "subject", n.subject(), "severity", n.severity(),
                        "region", n.regionCode(), "amountAtRisk", n.amountAtRisk(), "run", n.runId()), n.at()));
        if (n.status() == LedgerStatus.ASSIGNED) {
            rows.add(LedgerStore.historyArgs(n.id(), Who.of(Actor.system(RegionCodes.county(n.regionCode()))),
                    LedgerStep.ASSIGN.name(), LedgerStatus.NEW, LedgerStatus.ASSIGNED,
                    "自动交办至所在乡镇 / assigned to its town automatically", Json.map("town", n.townCode()),
                    n.at()));
        }
    }

    /** The columns that change when an item enters another stage: its deadline and who is responsible. */
    void enterStage(LedgerItem item, LedgerStatus to, String town, Map<String, Object> set, OffsetDateTime now) {
        if (to.stage() == item.status().stage()) {
            return;
        }
        if (to.stage() == LedgerStatus.Stage.DONE) {
            set.put("deadline", null);
            return;
        }
        set.put("deadline", now.plusDays(settings.deadlineDays(item.severity())));
        String region = (String) set.getOrDefault("region_code", item.regionCode());
        set.put("responsible_region", to.stage().ownedByCounty() || town == null ? RegionCodes.county(region) : town);
    }

    LedgerSettings settings() {
        return settings;
    }

    LedgerStore store() {
        return store;
    }

    /** A region given for a new item: well-formed, county level or below, within the actor's region. */
    static String region(Actor actor, String code) {
        if (!RegionCodes.wellFormed(code)) {
            throw LedgerException.invalid("地区代码应为12位数字：" + code, "a region code has 12 digits: " + code);
        }
        if (RegionCodes.depth(code) < 6) {
            throw LedgerException.invalid("请指明到县（区）、乡镇或村：" + code,
                    "name a county, town or village, not a city or province: " + code);
        }
        if (actor != null && !actor.canSee(code)) {
            throw LedgerException.forbidden("地区不在您的管辖范围内：" + code, "the region is outside your own: " + code);
        }
        return code;
    }

    // ================================================================ helpers

    private LedgerItem visible(Actor actor, long id) {
        if (actor == null) {
            throw new LedgerException(LedgerException.Kind.UNAUTHENTICATED, new Reason("请先登录", "sign in first"));
        }
        LedgerItem item = store.find(id).orElseThrow(() -> LedgerException.notFound(id));
        if (!Permissions.canSee(actor, item.regionCode())) {
            throw LedgerException.notFound(id);
        }
        return item;
    }

    private static void checkVersion(LedgerItem item, long version) {
        if (item.version() != version) {
            throw LedgerException.conflict(item.id());
        }
    }

    private void fourEyes(Actor actor, long id, LedgerStep asked) {
        store.lastActorOf(id, asked.name()).filter(actor.userId()::equals).ifPresent(u -> {
            throw LedgerException.forbidden("不能审核自己提出的“" + asked.labelZh() + "”",
                    "nobody reviews their own request (" + asked.name() + ")");
        });
    }

    private String townFor(Actor actor, LedgerItem item, String code) {
        if (!RegionCodes.wellFormed(code) || RegionCodes.depth(code) != 9) {
            throw LedgerException.invalid("请指定乡镇（12位代码，后三位为000）：" + code,
                    "name a town (12 digits ending in 000): " + code);
        }
        String county = RegionCodes.county(item.regionCode());
        String ownTown = RegionCodes.town(item.regionCode());
        if (!code.startsWith(county.substring(0, 6)) || ownTown != null && !ownTown.equals(code)) {
            throw LedgerException.invalid("只能交办给问题所在的乡镇：" + code,
                    "an item is assigned to the town where it happened: " + code);
        }
        if (!actor.canSee(code)) {
            throw LedgerException.forbidden("乡镇不在您的管辖范围内：" + code, "the town is outside your region: " + code);
        }
        return code;
    }

    private LocalDate date(LocalDate d, String zh, String en) {
        if (d == null) {
            throw LedgerException.invalid("请填写" + zh, en + " is required");
        }
        if (d.isAfter(settings.now().toLocalDate())) {
            throw LedgerException.invalid(zh + "不能晚于今天：" + d, en + " cannot be in the future: " + d);
        }
        return d;
    }

    static String required(String s, String zh, String en, int max) {
        if (s == null || s.isBlank()) {
            throw LedgerException.invalid("请填写" + zh, en + " is required");
        }
        String t = s.strip();
        if (t.length() > max) {
            throw new LedgerException(LedgerException.Kind.INVALID, new Reason(zh + "不能超过" + max + "个字",
                    en + " is limited to " + max + " characters"));
        }
        return t;
    }

    static String optional(String s, int max) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = s.strip();
        if (t.length() > max) {
            throw LedgerException.invalid("内容不能超过" + max + "个字", "a field is limited to " + max + " characters");
        }
        return t;
    }
}
