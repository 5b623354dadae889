package sunshine.contract;

import java.math.BigDecimal;
import java.util.List;

/**
 * One column of a dataset as the contract describes it.
 *
 * @param name          English column name, also the database column name
 * @param label         the Chinese header label
 * @param aliases       further accepted Chinese headers
 * @param type          the value type
 * @param required      whether an empty cell is an error
 * @param enumName      for {@link ValueType#ENUM}: the enum type's name in the contract
 * @param level         for {@link ValueType#REGION}: the region level the code must have, or null for any
 * @param known         for {@link ValueType#REGION}: whether the code must be present in {@code regions}
 * @param min           for numbers: inclusive lower bound, or null
 * @param max           for numbers: inclusive upper bound, or null
 * @param requiredWhen  a condition under which the cell is required (e.g. channel=CARD), or null
 * @param length        maximum text length, or 0 when the type fixes it
 * @param defaultValue  for {@link ValueType#ENUM}: the code an empty cell stands for, or null
 */
public record Column(
        String name,
        String label,
        List<String> aliases,
        ValueType type,
        boolean required,
        String enumName,
        String level,
        boolean known,
        BigDecimal min,
        BigDecimal max,
        Condition requiredWhen,
        int length,
        String defaultValue) {

    public Column {
        aliases = List.copyOf(aliases);
    }

    /** All headers that name this column: the English name, the Chinese label and the aliases. */
    public List<String> headers() {
        var all = new java.util.ArrayList<String>();
        all.add(name);
        all.add(label);
        all.addAll(aliases);
        return all;
    }

    /** "column=VALUE": the column is required when another column of the row holds that code. */
    public record Condition(String column, String value) {
        static Condition parse(String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            int eq = text.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("condition must read column=VALUE: " + text);
            }
            return new Condition(text.substring(0, eq).trim(), text.substring(eq + 1).trim());
        }

        @Override
        public String toString() {
            return column + "=" + value;
        }
    }
}
