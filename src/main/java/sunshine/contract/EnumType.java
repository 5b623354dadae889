package sunshine.contract;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An enum of the contract: its codes and the Chinese labels that stand for them.
 * A cell may hold the code (any letter case) or one of the labels.
 */
public final class EnumType {

    /** One code and its labels; the first label is the one shown to users. */
    public record Value(String code, List<String> labels) {
        public String label() {
            return labels.isEmpty() ? code : labels.get(0);
        }
    }

    private final String name;
    private final List<Value> values;
    private final Map<String, String> codeByText = new HashMap<>();

    public EnumType(String name, List<Value> values) {
        this.name = name;
        this.values = List.copyOf(values);
        for (Value v : values) {
            codeByText.put(v.code().toUpperCase(java.util.Locale.ROOT), v.code());
            for (String label : v.labels()) {
                codeByText.put(label, v.code());
            }
        }
    }

    public String name() {
        return name;
    }

    public List<Value> values() {
        return values;
    }

    /** The code for a cell's text (already trimmed and normalised), if it names one. */
    public Optional<String> codeOf(String text) {
        String code = codeByText.get(text);
        if (code == null) {
            code = codeByText.get(text.toUpperCase(java.util.Locale.ROOT));
        }
        return Optional.ofNullable(code);
    }

    /** The Chinese label of a code, or the code itself when it has none. */
    public String labelOf(String code) {
        return values.stream().filter(v -> v.code().equals(code)).findFirst().map(Value::label).orElse(code);
    }

    /** "ACTIVE 正常, CLOSED 销户": for error messages. */
    public String describe() {
        var sb = new StringBuilder();
        for (Value v : values) {
            if (!sb.isEmpty()) {
                sb.append(", ");
            }
            sb.append(v.code()).append(' ').append(v.label());
        }
        return sb.toString();
    }
}
