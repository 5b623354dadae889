package sunshine.ledger;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sunshine.checks.CheckRuns;
import sunshine.checks.Clue;
import sunshine.contract.Reason;
import sunshine.ledger.internal.Draft;
import sunshine.ledger.internal.Json;
import sunshine.ledger.internal.LedgerStore;
import sunshine.ledger.internal.LedgerStore.Who;
import sunshine.ledger.internal.RegionCodes;

/**
 * Turns the clues of a check run into ledger items, by identity (rule + subject):
 * <ul>
 *   <li>a clue nobody has seen before makes a new item, assigned at once to the town of its region_code;</li>
 *   <li>a clue of an item that is open (or DISMISSED) adds the run's clue as evidence and brings the item's
 *       figures (amount at risk, periods, explanation, severity) up to date; a DISMISSED item stays dismissed
 *       (the county reopens it by hand if the new evidence says so);</li>
 *   <li>a clue of a CLOSED item reopens it as a recurrence: back to ASSIGNED, recurrences + 1, a fresh deadline;</li>
 *   <li>a clue the run already delivered changes nothing, so an intake may be repeated safely.</li>
 * </ul>
 * One run is taken in one transaction: whole or not at all.
 */
@Service
public class ClueIntake {

    private static final Who SYSTEM = new Who("system", "系统", "ADMIN", "000000000000");

    private final LedgerService ledger;
    private final LedgerStore store;
    private final ObjectProvider<CheckRuns> runs;

    ClueIntake(LedgerService ledger, LedgerStore store, ObjectProvider<CheckRuns> runs) {
        this.ledger = ledger;
        this.store = store;
        this.runs = runs;
    }

    /** Reads a stored run's clues through {@link CheckRuns} and takes them in. */
    public IntakeResult intakeRun(long runId) {
        CheckRuns checkRuns = runs.getIfAvailable();
        if (checkRuns == null) {
            throw new LedgerException(LedgerException.Kind.INVALID, new Reason(
                    "比对结果服务不可用，无法读取比对批次" + runId, "no check runs are available to read run " + runId));
        }
        return intake(runId, checkRuns.clues(runId));
    }

    /** Takes in the clues of one check run. */
    @Transactional
    public IntakeResult intake(long runId, List<Clue> clues) {
        OffsetDateTime now = ledger.settings().now();
        Map<String, LedgerStore.Known> known = store.checkItems();
        Set<Long> delivered = store.itemsWithRun(runId);
        Set<String> seen = new HashSet<>();
        List<LedgerStore.NewItem> created = new ArrayList<>();
        List<Object[]> history = new ArrayList<>();
        List<Object[]> evidence = new ArrayList<>();
        int added = 0;
        int reopened = 0;
        int unchanged = 0;
        for (Clue clue : clues) {
            if (!seen.add(clue.identity())) {
                continue;   // one clue per identity and run; a second one would only repeat it
            }
            String json = clueJson(clue);
            LedgerStore.Known k = known.get(clue.identity());
            if (k == null) {
                LedgerStore.NewItem n = ledger.plan(store.nextItemId(), draft(clue, runId), now);
                created.add(n);
                LedgerService.creationHistory(history, n, SYSTEM, "比对批次" + runId + "发现 / found by check run "
                        + runId);
                evidence.add(LedgerStore.clueArgs(n.id(), runId, json, now));
            } else if (delivered.contains(k.id())) {
                unchanged++;
            } else {
                LedgerItem item = store.find(k.id()).orElseThrow();
                Map<String, Object> set = figures(clue, runId);
                Who system = new Who(SYSTEM.id(), SYSTEM.name(), SYSTEM.role(),
                        RegionCodes.county(item.regionCode()));
                if (item.status() == LedgerStatus.CLOSED) {
                    set.put("status", LedgerStatus.ASSIGNED.name());
                    set.put("recurrences", item.recurrences() + 1);
                    set.put("closed_at", null);
                    ledger.enterStage(item, LedgerStatus.ASSIGNED, item.townCode(), set, now);
                    store.update(item.id(), item.version(), set, now);
                    history.add(LedgerStore.historyArgs(item.id(), system, "REOPENED_RECURRENCE",
                            LedgerStatus.CLOSED, LedgerStatus.ASSIGNED,
                            "销号后比对批次" + runId + "再次发现，作为复发问题重新交办 / found again by check run " + runId
                                    + " after closing: reopened as a recurrence",
                            Json.map("run", runId, "recurrence", item.recurrences() + 1,
                                    "amountAtRisk", clue.amountAtRisk()), now));
                    reopened++;
                } else {
                    store.update(item.id(), item.version(), set, now);
                    history.add(LedgerStore.historyArgs(item.id(), system, "EVIDENCE_ADDED", null, null,
                            "比对批次" + runId + "再次发现 / found again by check run " + runId,
                            Json.map("run", runId, "amountAtRisk", clue.amountAtRisk(),
                                    "periodFrom", clue.periodFrom(), "periodTo", clue.periodTo()), now));
                    added++;
                }
                evidence.add(LedgerStore.clueArgs(item.id(), runId, json, now));
            }
        }
        store.insertAll(created);
        store.historyAll(history);
        store.clueEvidenceAll(evidence);
        return new IntakeResult(runId, created.size(), added, reopened, unchanged);
    }

    private static Draft draft(Clue c, long runId) {
        String region = RegionCodes.wellFormed(c.regionCode()) ? c.regionCode() : null;
        if (region == null) {
            throw new LedgerException(LedgerException.Kind.INVALID, new Reason(
                    "线索缺少有效的地区代码：" + c.identity(), "a clue without a valid region code: " + c.identity()));
        }
        return new Draft(LedgerSource.CHECK, c.rule(), c.subject(), c.severity(), c.variant(), region,
                Json.field(c.evidence(), "program"), c.enrollmentId(), c.householdId(), c.idNo(), c.cardNo(),
                month(c.periodFrom()), month(c.periodTo()), c.amountAtRisk(), c.owed(), c.explanation(), runId);
    }

    /** The columns a later clue brings up to date. */
    private static Map<String, Object> figures(Clue c, long runId) {
        Map<String, Object> set = new LinkedHashMap<>();
        set.put("severity", c.severity().name());
        set.put("variant", c.variant());
        set.put("amount_at_risk", c.amountAtRisk());
        set.put("owed", c.owed());
        set.put("period_from", month(c.periodFrom()));
        set.put("period_to", month(c.periodTo()));
        set.put("explanation", c.explanation() == null || c.explanation().length() <= 2000 ? c.explanation()
                : c.explanation().substring(0, 2000));
        set.put("last_run_id", runId);
        return set;
    }

    private static String month(YearMonth m) {
        return m == null ? null : m.toString();
    }

    /** The clue as the run found it: every field, its own evidence kept as JSON. */
    static String clueJson(Clue c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rule", c.rule());
        m.put("severity", c.severity().name());
        m.put("subject", c.subject());
        m.put("variant", c.variant());
        m.put("enrollment_id", c.enrollmentId());
        m.put("household_id", c.householdId());
        m.put("id_no", c.idNo());
        m.put("card_no", c.cardNo());
        m.put("region_code", c.regionCode());
        m.put("period_from", month(c.periodFrom()));
        m.put("period_to", month(c.periodTo()));
        m.put("amount_at_risk", plain(c.amountAtRisk()));
        m.put("owed", plain(c.owed()));
        m.put("explanation", c.explanation());
        m.put("evidence", Json.tree(c.evidence()));
        return Json.write(m);
    }

    private static String plain(BigDecimal v) {
        return v == null ? null : v.toPlainString();
    }
}
