package sunshine.applications.internal;

import tools.jackson.databind.json.JsonMapper;

/** JSON for calculations, evidence and history details. */
public final class Json {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }

    public static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }
}
