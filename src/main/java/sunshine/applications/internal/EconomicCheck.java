package sunshine.applications.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import sunshine.applications.Application;
import sunshine.checks.CheckEngine;
import sunshine.checks.CheckResult;
import sunshine.checks.CheckSource;
import sunshine.checks.Clue;
import sunshine.checks.RuleInfo;
import sunshine.contract.IdNumbers;
import sunshine.registry.RegistrySources;

/**
 * The automatic economic check (经济状况核对) of an application, before anyone visits: the check engine's A-rules
 * (eligibility: deaths, businesses, vehicles, properties, public employment, income, other counties' rolls, duplicate
 * enrollments, disability certificates, residency) run on the registry with the applicant household added as if it
 * were enrolled — a probe enrollment {@code PROBE-<application>} ACTIVE at the check month, covering the covered
 * members, paid the computed amount for each of the last {@code probe-months} months (the registry and the other
 * departments' data about the members decide; the payments only give the rules their months). The rules are the
 * engine's, unchanged; the findings are the clues about the probe enrollment and (A08, A09) about the members.
 * Their amounts refer to the probe's months and are not shown as money at risk.
 */
@Component
public class EconomicCheck {

    /** The household as the check sees it. */
    public record Household(String applicationId, String program, String householdId, boolean newHousehold,
                            String regionCode, String urbanRural, String address, String headIdNo, String payeeIdNo,
                            BigDecimal perCapitaIncome, BigDecimal monthlyAmount, List<Application.MemberView> members) {
    }

    private final RegistrySources sources;
    private final CheckEngine engine = CheckEngine.standard();

    public EconomicCheck(RegistrySources sources) {
        this.sources = sources;
    }

    /** The A-rules of this build's engine. */
    public List<RuleInfo> rules() {
        return engine.rules().stream().filter(r -> r.code().startsWith("A")).toList();
    }

    /**
     * Runs the A-rules for the household at check month {@code period}.
     *
     * @throws sunshine.checks.CheckInputException when the registry data is refused
     */
    public List<Application.Finding> run(Household h, YearMonth period, int probeMonths) {
        List<RuleInfo> rules = rules();
        if (rules.isEmpty()) {
            return List.of();
        }
        CheckEngine only = engine.only(rules.stream().map(RuleInfo::code).collect(Collectors.toSet()));
        String probe = "PROBE-" + h.applicationId();
        YearMonth first = period.minusMonths(probeMonths - 1L);
        Map<String, List<Object[]>> rows = new HashMap<>();
        if (h.newHousehold()) {
            rows.put("households", List.<Object[]>of(new Object[]{h.householdId(), h.regionCode(), h.address(),
                    h.headIdNo(), h.urbanRural()}));
        }
        List<Object[]> persons = new ArrayList<>();
        List<Object[]> members = new ArrayList<>();
        for (Application.MemberView m : h.members()) {
            if (!m.inRegistry()) {
                persons.add(new Object[]{m.idNo(), m.name(), IdNumbers.gender(m.idNo()), IdNumbers.birthDate(m.idNo()),
                        h.householdId(), m.relation(), m.disabilityLevel() == null ? null : (long) m.disabilityLevel()});
            }
            if (m.covered()) {
                members.add(new Object[]{probe, m.idNo()});
            }
        }
        rows.put("persons", persons);
        rows.put("enrollment_members", members);
        BigDecimal amount = h.monthlyAmount() == null || h.monthlyAmount().signum() <= 0
                ? new BigDecimal("1.00") : h.monthlyAmount();
        rows.put("enrollments", List.<Object[]>of(new Object[]{probe, h.program(), h.householdId(), h.payeeIdNo(),
                "ACTIVE", first.atDay(1), first, null, amount, h.program().equals("TEKUN") || h.program()
                .startsWith("DIBAO") ? h.perCapitaIncome() : null, null, null}));
        List<Object[]> payments = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(period); m = m.plusMonths(1)) {
            payments.add(new Object[]{probe + "-" + m, probe, m, amount, "CASH", null, m.atDay(1), null, null});
        }
        rows.put("payments", payments);
        Set<String> ids = h.members().stream().map(Application.MemberView::idNo).collect(Collectors.toSet());
        Set<String> covered = h.members().stream().filter(Application.MemberView::covered)
                .map(Application.MemberView::idNo).collect(Collectors.toSet());
        CheckResult result;
        try (CheckSource source = sources.open(new RegistrySources.Overlay(rows, ids))) {
            result = only.run(source, period, only.defaultParameters());
        }
        Map<String, String> names = new HashMap<>();
        rules.forEach(r -> names.put(r.code(), r.nameZh()));
        List<Application.Finding> out = new ArrayList<>();
        for (Clue c : result.clues()) {
            boolean aboutProbe = probe.equals(c.enrollmentId());
            boolean aboutMember = c.idNo() != null && covered.contains(c.idNo()) && (c.rule().equals("A08")
                    || c.rule().equals("A09"));
            if (aboutProbe || aboutMember) {
                out.add(new Application.Finding(c.rule(), names.get(c.rule()), c.severity().name(), c.variant(),
                        c.idNo(), c.explanation(), c.evidence()));
            }
        }
        return out;
    }

    static LocalDate firstDay(YearMonth m) {
        return m.atDay(1);
    }
}
