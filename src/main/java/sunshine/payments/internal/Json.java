package sunshine.payments.internal;

import tools.jackson.databind.json.JsonMapper;

/** JSON for history details. */
public final class Json {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }

    public static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }
}
