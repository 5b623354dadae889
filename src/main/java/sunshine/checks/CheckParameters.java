package sunshine.checks;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameters of a check run: every parameter the engine's rules declare (plus {@code lookback}), each with its
 * default from rules.md unless overridden. Immutable; {@link #with(String, String)} gives a copy with one override.
 * A name that no rule declares is refused, naming the known ones.
 */
public final class CheckParameters {

    /** The months of the window W ending at the check month P. */
    public static final ParameterSpec LOOKBACK = ParameterSpec.integer("lookback", 12,
            "months of the window W ending at the check month P", "比对窗口W的月数（截至比对月份P）");

    private final Map<String, ParameterSpec> specs;
    private final Map<String, Object> values;

    private CheckParameters(Map<String, ParameterSpec> specs, Map<String, Object> values) {
        this.specs = specs;
        this.values = values;
    }

    /**
     * The defaults of the given specs ({@code lookback} first).
     *
     * @throws IllegalArgumentException when two rules declare one name differently
     */
    public static CheckParameters defaults(Collection<ParameterSpec> declared) {
        Map<String, ParameterSpec> specs = new LinkedHashMap<>();
        specs.put(LOOKBACK.name(), LOOKBACK);
        for (ParameterSpec s : declared) {
            ParameterSpec before = specs.putIfAbsent(s.name(), s);
            if (before != null && !before.equals(s)) {
                throw new IllegalArgumentException("parameter " + s.name() + " is declared twice, differently");
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        specs.values().forEach(s -> values.put(s.name(), s.parse(s.defaultValue())));
        return new CheckParameters(Collections.unmodifiableMap(specs), Collections.unmodifiableMap(values));
    }

    /**
     * A copy with one parameter set from its text.
     *
     * @throws CheckException for an unknown name or a value that is not of the parameter's type
     */
    public CheckParameters with(String name, String value) {
        ParameterSpec spec = specs.get(name);
        if (spec == null) {
            String known = String.join(", ", specs.keySet());
            throw new CheckException("未知参数：" + name + "（可用参数：" + known + "）",
                    "unknown parameter: " + name + " (known parameters: " + known + ")");
        }
        Object typed = spec.parse(value);
        if (spec == LOOKBACK && ((Integer) typed < 1 || (Integer) typed > 120)) {
            throw new CheckException("参数lookback应在1到120之间：" + value,
                    "parameter lookback must be between 1 and 120: " + value);
        }
        Map<String, Object> next = new LinkedHashMap<>(values);
        next.put(name, typed);
        return new CheckParameters(specs, Collections.unmodifiableMap(next));
    }

    /**
     * A copy with an assignment {@code NAME=VALUE} applied (as given to {@code --param}).
     *
     * @throws CheckException when the text is no assignment, or as {@link #with(String, String)}
     */
    public CheckParameters withAssignment(String assignment) {
        int eq = assignment.indexOf('=');
        if (eq <= 0) {
            throw new CheckException("参数应写作 名称=值：" + assignment,
                    "a parameter is written NAME=VALUE: " + assignment);
        }
        return with(assignment.substring(0, eq).strip(), assignment.substring(eq + 1));
    }

    /** Every known parameter, in declaration order. */
    public Collection<ParameterSpec> specs() {
        return specs.values();
    }

    public ParameterSpec spec(String name) {
        ParameterSpec s = specs.get(name);
        if (s == null) {
            throw new IllegalArgumentException("unknown parameter " + name);
        }
        return s;
    }

    /** The typed value (see {@link ParameterSpec.Type}). */
    public Object value(String name) {
        spec(name);
        return values.get(name);
    }

    /** The value as canonical text. */
    public String text(String name) {
        return spec(name).format(values.get(name));
    }

    /** Whether the value is the default. */
    public boolean isDefault(String name) {
        ParameterSpec s = spec(name);
        return s.parse(s.defaultValue()).equals(values.get(name));
    }

    public int lookback() {
        return integer(LOOKBACK);
    }

    public int integer(ParameterSpec spec) {
        return (Integer) typed(spec, ParameterSpec.Type.INTEGER);
    }

    /** A MONEY parameter in cents. */
    public long moneyCents(ParameterSpec spec) {
        return (Long) typed(spec, ParameterSpec.Type.MONEY);
    }

    public BigDecimal decimal(ParameterSpec spec) {
        return (BigDecimal) typed(spec, ParameterSpec.Type.DECIMAL);
    }

    public boolean bool(ParameterSpec spec) {
        return (Boolean) typed(spec, ParameterSpec.Type.BOOLEAN);
    }

    @SuppressWarnings("unchecked")
    public List<String> codes(ParameterSpec spec) {
        return (List<String>) typed(spec, ParameterSpec.Type.CODES);
    }

    private Object typed(ParameterSpec spec, ParameterSpec.Type type) {
        ParameterSpec known = spec(spec.name());
        if (known.type() != type) {
            throw new IllegalArgumentException(spec.name() + " is " + known.type() + ", not " + type);
        }
        return values.get(spec.name());
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (String name : specs.keySet()) {
            if (!sb.isEmpty()) {
                sb.append(", ");
            }
            sb.append(name).append('=').append(text(name));
        }
        return sb.toString();
    }
}
