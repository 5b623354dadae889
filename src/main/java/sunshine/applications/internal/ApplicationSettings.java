package sunshine.applications.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import sunshine.applications.ApplicationStatus;
import sunshine.applications.Level;

/**
 * {@code sunshine.applications.*}, with the defaults of 民政部《最低生活保障审核确认办法》(2021):
 * <pre>
 * sunshine:
 *   applications:
 *     notice-days: 7                      # every notice, unless a program says otherwise
 *     limits: {investigation: 3, county-decision: 10, whole-case: 30, special-case: 45, town-confirms: 20, refusal: 3}
 *     holidays: [2026-10-01, 2026-10-02]  # working days are Monday to Friday except these ...
 *     extra-workdays: [2026-09-27]        # ... plus these (调休)
 *     county-visit: {ratio: 0.30, seed: sunshine}
 *     review: {stable-months: 12, other-months: 6, stable-programs: [TEKUN, ORPHAN, DISABILITY_LIVING, DISABILITY_CARE]}
 *     probe-months: 3                     # the economic check looks at the household as if paid these months
 *     programs:
 *       DIBAO_RURAL: {appraisal: true, village-notice: true, town-notice: true, approval-notice: true,
 *                     approval-level: COUNTY, notice-days: 7}
 * </pre>
 * By default the minimum living guarantee has the democratic appraisal and the others do not; every program has
 * the three notices and is approved by the county.
 */
@Component
public class ApplicationSettings {

    /** The programs applications are taken for (temporary assistance is a one-off grant, not this workflow). */
    public static final Set<String> PROGRAMS = Set.of("DIBAO_URBAN", "DIBAO_RURAL", "TEKUN", "ORPHAN",
            "DISABILITY_LIVING", "DISABILITY_CARE");

    /** One program's workflow. */
    public static class ProgramProps {
        private Boolean appraisal;
        private boolean villageNotice = true;
        private boolean townNotice = true;
        private boolean approvalNotice = true;
        private Level approvalLevel = Level.COUNTY;
        private Integer noticeDays;

        public Boolean getAppraisal() {
            return appraisal;
        }

        public void setAppraisal(Boolean appraisal) {
            this.appraisal = appraisal;
        }

        public boolean isVillageNotice() {
            return villageNotice;
        }

        public void setVillageNotice(boolean villageNotice) {
            this.villageNotice = villageNotice;
        }

        public boolean isTownNotice() {
            return townNotice;
        }

        public void setTownNotice(boolean townNotice) {
            this.townNotice = townNotice;
        }

        public boolean isApprovalNotice() {
            return approvalNotice;
        }

        public void setApprovalNotice(boolean approvalNotice) {
            this.approvalNotice = approvalNotice;
        }

        public Level getApprovalLevel() {
            return approvalLevel;
        }

        public void setApprovalLevel(Level approvalLevel) {
            this.approvalLevel = approvalLevel;
        }

        public Integer getNoticeDays() {
            return noticeDays;
        }

        public void setNoticeDays(Integer noticeDays) {
            this.noticeDays = noticeDays;
        }
    }

    /**
     * A program's workflow, resolved.
     *
     * @param steps         the statuses a case passes through, in order (APPLIED ... ENROLLED)
     * @param approvalLevel who decides (before the one-level-up rule for staff and their relatives)
     * @param noticeDays    how long each notice runs, in calendar days
     */
    public record Workflow(List<ApplicationStatus> steps, Level approvalLevel, int noticeDays) {

        /** The status after this one, or null. */
        public ApplicationStatus next(ApplicationStatus s) {
            int i = steps.indexOf(s);
            return i < 0 || i + 1 >= steps.size() ? null : steps.get(i + 1);
        }
    }

    private final Map<String, Workflow> workflows = new HashMap<>();
    private final int noticeDays;
    private final Map<String, Integer> limits;
    private final WorkingCalendar calendar;
    private final double countyVisitRatio;
    private final String countyVisitSeed;
    private final int stableMonths;
    private final int otherMonths;
    private final Set<String> stablePrograms;
    private final int probeMonths;

    public ApplicationSettings(Environment environment) {
        Binder b = Binder.get(environment);
        String p = "sunshine.applications.";
        this.noticeDays = b.bind(p + "notice-days", Integer.class).orElse(7);
        Map<String, Integer> l = new HashMap<>(Map.of("investigation", 3, "county-decision", 10, "whole-case", 30,
                "special-case", 45, "town-confirms", 20, "refusal", 3));
        l.putAll(b.bind(p + "limits", Bindable.mapOf(String.class, Integer.class)).orElse(Map.of()));
        this.limits = Map.copyOf(l);
        this.calendar = new WorkingCalendar(
                Set.copyOf(b.bind(p + "holidays", Bindable.listOf(LocalDate.class)).orElse(List.of())),
                Set.copyOf(b.bind(p + "extra-workdays", Bindable.listOf(LocalDate.class)).orElse(List.of())));
        this.countyVisitRatio = b.bind(p + "county-visit.ratio", Double.class).orElse(0.30);
        this.countyVisitSeed = b.bind(p + "county-visit.seed", String.class).orElse("sunshine");
        this.stableMonths = b.bind(p + "review.stable-months", Integer.class).orElse(12);
        this.otherMonths = b.bind(p + "review.other-months", Integer.class).orElse(6);
        this.stablePrograms = Set.copyOf(b.bind(p + "review.stable-programs", Bindable.listOf(String.class))
                .orElse(List.of("TEKUN", "ORPHAN", "DISABILITY_LIVING", "DISABILITY_CARE")));
        this.probeMonths = b.bind(p + "probe-months", Integer.class).orElse(3);
        Map<String, ProgramProps> configured = b.bind(p + "programs",
                Bindable.mapOf(String.class, ProgramProps.class)).orElse(Map.of());
        for (String program : PROGRAMS) {
            ProgramProps props = configured.getOrDefault(program, new ProgramProps());
            boolean appraisal = props.getAppraisal() != null ? props.getAppraisal() : program.startsWith("DIBAO");
            List<ApplicationStatus> steps = new ArrayList<>(List.of(ApplicationStatus.APPLIED,
                    ApplicationStatus.ACCEPTED, ApplicationStatus.CHECKED, ApplicationStatus.VISITED));
            Set<ApplicationStatus> optional = EnumSet.noneOf(ApplicationStatus.class);
            if (appraisal) {
                optional.add(ApplicationStatus.APPRAISED);
            }
            if (props.isVillageNotice()) {
                optional.add(ApplicationStatus.VILLAGE_NOTICE);
            }
            if (props.isTownNotice()) {
                optional.add(ApplicationStatus.TOWN_NOTICE);
            }
            if (props.isApprovalNotice()) {
                optional.add(ApplicationStatus.APPROVAL_NOTICE);
            }
            for (ApplicationStatus s : List.of(ApplicationStatus.APPRAISED, ApplicationStatus.VILLAGE_NOTICE,
                    ApplicationStatus.TOWN_REVIEWED, ApplicationStatus.TOWN_NOTICE, ApplicationStatus.APPROVED,
                    ApplicationStatus.APPROVAL_NOTICE, ApplicationStatus.ENROLLED)) {
                if (optional.contains(s) || s == ApplicationStatus.TOWN_REVIEWED || s == ApplicationStatus.APPROVED
                        || s == ApplicationStatus.ENROLLED) {
                    steps.add(s);
                }
            }
            if (props.getApprovalLevel() == Level.VILLAGE) {
                throw new IllegalStateException("sunshine.applications.programs." + program
                        + ".approval-level: a village does not approve");
            }
            workflows.put(program, new Workflow(List.copyOf(steps), props.getApprovalLevel(),
                    props.getNoticeDays() != null ? props.getNoticeDays() : noticeDays));
        }
    }

    public Workflow workflow(String program) {
        Workflow w = workflows.get(program);
        if (w == null) {
            throw new IllegalArgumentException("no workflow for " + program);
        }
        return w;
    }

    /** A time limit in working days: investigation, county-decision, whole-case, special-case, town-confirms, refusal. */
    public int limit(String name) {
        return limits.get(name);
    }

    public WorkingCalendar calendar() {
        return calendar;
    }

    public double countyVisitRatio() {
        return countyVisitRatio;
    }

    public String countyVisitSeed() {
        return countyVisitSeed;
    }

    /** Months between reviews. */
    public int reviewMonths(boolean stable) {
        return stable ? stableMonths : otherMonths;
    }

    /** Whether an enrollment without a recorded judgement counts as stable. */
    public boolean stableByDefault(String program) {
        return stablePrograms.contains(program);
    }

    public int probeMonths() {
        return probeMonths;
    }
}
