package sunshine.ledger.internal;

import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON for history details and stored clues. */
public final class Json {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }

    public static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    /** The top-level text field of a JSON object, or null (also for text that is not JSON). */
    public static String field(String json, String name) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            JsonNode node = MAPPER.readTree(json).get(name);
            return node != null && node.isString() ? node.asString() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** JSON text as a tree to embed in other JSON; text that is not JSON stays text. */
    public static Object tree(String json) {
        if (json == null || json.isBlank()) {
            return json;
        }
        try {
            return MAPPER.readTree(json);
        } catch (RuntimeException e) {
            return json;
        }
    }

    /** An ordered map, for details. */
    public static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                m.put((String) keysAndValues[i], keysAndValues[i + 1] instanceof java.math.BigDecimal b
                        ? b.toPlainString() : keysAndValues[i + 1].toString());
            }
        }
        return m;
    }
}
