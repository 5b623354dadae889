package sunshine.checks.data;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import sunshine.contract.Column;
import sunshine.contract.DataContract;
import sunshine.contract.Dataset;

/**
 * The rows of one dataset as typed columns (struct of arrays): dates and months as ints, money, ID numbers and
 * region codes as longs, enum codes as bytes, text as dictionary codes. A column of the dataset that no rule reads
 * may be left out (then asking for it fails, naming it).
 * <p>
 * An external dataset's table holds only the rows of registry persons, ordered by person: {@link #person(int)} is
 * the row's person (index into {@link Persons}) and {@link #from(int)} / {@link #to(int)} give a person's rows.
 * <p>
 * Read-only once loaded; safe to share between the threads that run rules.
 */
public final class Table {

    private final Dataset dataset;
    private final boolean present;
    private final Map<String, DataColumn> columns = new LinkedHashMap<>();
    /** For external datasets: the person of each row, rows ordered by it. */
    private IntColumn persons;
    private int size;

    public Table(Dataset dataset, boolean present) {
        this.dataset = dataset;
        this.present = present;
    }

    /** The column storage for a contract column (text in the given dictionary, or a new one when null). */
    public static DataColumn columnFor(Column c, DataContract contract, StringTable dictionary) {
        return switch (c.type()) {
            case DATE -> new IntColumn(c.name(), IntColumn.Kind.DATE);
            case MONTH -> new IntColumn(c.name(), IntColumn.Kind.MONTH);
            case MONEY -> new LongColumn(c.name(), LongColumn.Kind.MONEY);
            case ID -> new LongColumn(c.name(), LongColumn.Kind.ID);
            case REGION -> new LongColumn(c.name(), LongColumn.Kind.REGION);
            case INTEGER -> new LongColumn(c.name(), LongColumn.Kind.INTEGER);
            case ENUM -> new EnumColumn(c.name(), contract.enumOf(c));
            case TEXT -> new TextColumn(c.name(), dictionary != null ? dictionary : new StringTable());
            case DECIMAL -> new DecimalColumn(c.name());
        };
    }

    public Dataset dataset() {
        return dataset;
    }

    public String name() {
        return dataset.name();
    }

    /** Whether the input had this dataset (an absent optional dataset is an empty table). */
    public boolean present() {
        return present;
    }

    public int size() {
        return size;
    }

    public boolean has(String column) {
        return columns.containsKey(column);
    }

    public Collection<DataColumn> columns() {
        return Collections.unmodifiableCollection(columns.values());
    }

    public DataColumn column(String name) {
        DataColumn c = columns.get(name);
        if (c == null) {
            throw new IllegalArgumentException(dataset.name() + "." + name + " is not loaded"
                    + (dataset.indexOf(name) < 0 ? " (no such column in the contract)" : ""));
        }
        return c;
    }

    /** A DATE column: epoch days. */
    public IntColumn dates(String name) {
        return ints(name, IntColumn.Kind.DATE);
    }

    /** A MONTH column: {@code year*12+month-1}. */
    public IntColumn months(String name) {
        return ints(name, IntColumn.Kind.MONTH);
    }

    /** A MONEY column: cents. */
    public LongColumn money(String name) {
        return longs(name, LongColumn.Kind.MONEY);
    }

    /** An ID column: ID keys. */
    public LongColumn ids(String name) {
        return longs(name, LongColumn.Kind.ID);
    }

    /** A REGION column: 12-digit codes as numbers. */
    public LongColumn regions(String name) {
        return longs(name, LongColumn.Kind.REGION);
    }

    /** An INTEGER column. */
    public LongColumn integers(String name) {
        return longs(name, LongColumn.Kind.INTEGER);
    }

    public EnumColumn enums(String name) {
        return cast(name, EnumColumn.class);
    }

    public TextColumn texts(String name) {
        return cast(name, TextColumn.class);
    }

    public DecimalColumn decimals(String name) {
        return cast(name, DecimalColumn.class);
    }

    // ------------------------------------------------------------------ external facts by person

    /** Whether rows carry their person (external datasets). */
    public boolean byPerson() {
        return persons != null;
    }

    /** The person (index into {@link Persons}) of a row of an external dataset. */
    public int person(int row) {
        return persons.get(row);
    }

    /** The first row of a person (rows of an external dataset are ordered by person). */
    public int from(int person) {
        return IntArrays.lowerBound(persons.array(), 0, size, person);
    }

    /** One past the last row of a person. */
    public int to(int person) {
        return IntArrays.lowerBound(persons.array(), 0, size, person + 1);
    }

    /** Bytes held by the columns (dictionaries not counted: they may be shared). */
    public long bytes() {
        long b = persons == null ? 0 : persons.bytes();
        for (DataColumn c : columns.values()) {
            b += c.bytes();
        }
        return b;
    }

    // ------------------------------------------------------------------ loading

    public void addColumn(DataColumn c) {
        columns.put(c.name(), c);
    }

    /** Rows will carry their person. */
    public void trackPersons() {
        persons = new IntColumn("person", IntColumn.Kind.INDEX);
    }

    /** Records the person of the row about to be appended. */
    public void addPerson(int person) {
        persons.add(person);
    }

    /** Counts one more row, once every column has its value. */
    public void rowAppended() {
        size++;
    }

    /** Appends the value of a column for the current row (typed as the contract's reader gives it). */
    public void append(DataColumn c, Object value) {
        c.append(value);
    }

    /** Ends loading: orders external rows by person (stable), trims the arrays. */
    public void finish(int personCount) {
        if (persons != null && !IntArrays.sorted(persons.array(), size)) {
            int[] order = new int[size];
            IntArrays.group(persons.array(), size, personCount, order);
            persons.permute(order, size);
            for (DataColumn c : columns.values()) {
                c.permute(order, size);
            }
        } else {
            if (persons != null) {
                persons.trim(size);
            }
            for (DataColumn c : columns.values()) {
                c.trim(size);
            }
        }
    }

    private IntColumn ints(String name, IntColumn.Kind kind) {
        IntColumn c = cast(name, IntColumn.class);
        if (c.kind() != kind) {
            throw new IllegalArgumentException(dataset.name() + "." + name + " holds " + c.kind() + ", not " + kind);
        }
        return c;
    }

    private LongColumn longs(String name, LongColumn.Kind kind) {
        LongColumn c = cast(name, LongColumn.class);
        if (c.kind() != kind) {
            throw new IllegalArgumentException(dataset.name() + "." + name + " holds " + c.kind() + ", not " + kind);
        }
        return c;
    }

    private <T extends DataColumn> T cast(String name, Class<T> type) {
        DataColumn c = column(name);
        if (!type.isInstance(c)) {
            throw new IllegalArgumentException(dataset.name() + "." + name + " is a " + c.getClass().getSimpleName()
                    + ", not a " + type.getSimpleName());
        }
        return type.cast(c);
    }
}
