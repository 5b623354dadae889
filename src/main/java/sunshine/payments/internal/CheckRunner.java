package sunshine.payments.internal;

import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import sunshine.checks.CheckEngine;
import sunshine.checks.CheckInputException;
import sunshine.checks.CheckResult;
import sunshine.checks.CheckSource;
import sunshine.checks.Clue;
import sunshine.checks.RuleInfo;
import sunshine.contract.Reason;
import sunshine.contract.RowError;
import sunshine.payments.PaymentException;
import sunshine.registry.RegistrySources;

/**
 * Runs rules of the check engine (C07 for the pre-check, C08 for reconciliation) on the registry database, with the
 * engine's default parameters: the payment cycle never re-implements a rule, it asks the engine.
 */
@Component
public class CheckRunner {

    private final RegistrySources sources;
    private final CheckEngine engine = CheckEngine.standard();

    public CheckRunner(RegistrySources sources) {
        this.sources = sources;
    }

    /** Whether this build's engine has the rule. */
    public boolean has(String code) {
        return engine.rules().stream().map(RuleInfo::code).anyMatch(code::equals);
    }

    /**
     * The clues of one rule for check month P over the registry (plus the overlay's rows).
     *
     * @throws PaymentException UNAVAILABLE when the engine lacks the rule, INVALID when the registry data is refused
     */
    public List<Clue> run(String code, YearMonth period, RegistrySources.Overlay overlay) {
        if (!has(code)) {
            throw new PaymentException(PaymentException.Kind.UNAVAILABLE, new Reason(
                    "本版本的比对引擎尚无规则" + code + "，无法进行此步骤",
                    "the check engine of this build has no rule " + code + ": this step cannot run"));
        }
        CheckEngine only = engine.only(Set.of(code));
        try (CheckSource source = sources.open(overlay)) {
            CheckResult result = only.run(source, period, only.defaultParameters());
            return result.clues();
        } catch (CheckInputException e) {
            List<RowError> errors = e.errors();
            throw new PaymentException(PaymentException.Kind.INVALID, new Reason(
                    "登记数据有误，比对未进行：" + e.reason().zh(), "the registry data was refused, nothing was checked: "
                            + e.reason().en()), errors.stream().limit(1000).collect(Collectors.toList()));
        }
    }
}
