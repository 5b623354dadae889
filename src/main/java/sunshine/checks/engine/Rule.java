package sunshine.checks.engine;

import java.util.List;
import java.util.Set;
import sunshine.checks.ParameterSpec;
import sunshine.checks.RuleInfo;
import sunshine.checks.Severity;

/**
 * One cross-check rule of rules.md, exactly as docs/rules-interpretation.md reads it. A rule is a small stateless
 * class: it declares what it is and what it reads, and {@link #run} walks the snapshot through the
 * {@link CheckContext} (which holds every shared definition: window, made payments, shares, scope, standards, town,
 * in office ...) and emits clues through {@link Clues#clue()}.
 * <p>
 * Rules run in parallel with each other on one read-only snapshot: keep state in local variables only.
 */
public interface Rule {

    /** A01 */
    String code();

    /** DECEASED_PAID */
    String name();

    /** 死亡人员仍领取 */
    String nameZh();

    /** The severity of its clues unless a clue says otherwise (variants). */
    Severity severity();

    /** The parameters it reads ({@code <code>.<name>}), with the defaults of rules.md. */
    default List<ParameterSpec> parameters() {
        return List.of();
    }

    /**
     * Registry datasets it cannot run without, besides the base ones every check loads (regions, households,
     * persons, enrollments, enrollment_members, payments, bank_receipts). A missing one stops the check.
     */
    default Set<String> requires() {
        return Set.of();
    }

    /**
     * Datasets it reads when present: external datasets (deaths, businesses ...) and optional registry ones. An
     * absent one loads empty and is recorded as absent.
     */
    default Set<String> uses() {
        return Set.of();
    }

    /** Finds the clues: one per subject at most. */
    void run(CheckContext ctx, Clues out);

    default RuleInfo info() {
        return new RuleInfo(code(), name(), nameZh(), severity(), parameters(), requires(), uses());
    }
}
