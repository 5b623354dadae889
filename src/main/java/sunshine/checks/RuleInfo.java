package sunshine.checks;

import java.util.List;
import java.util.Set;

/**
 * What a rule is, for listings and the record of a run.
 *
 * @param code       A01
 * @param name       DECEASED_PAID
 * @param nameZh     死亡人员仍领取
 * @param severity   the default severity
 * @param parameters the parameters it uses
 * @param requires   registry datasets it cannot run without (besides the base ones every check needs)
 * @param uses       datasets it reads when present (external ones, optional registry ones)
 */
public record RuleInfo(String code, String name, String nameZh, Severity severity, List<ParameterSpec> parameters,
                       Set<String> requires, Set<String> uses) {
}
