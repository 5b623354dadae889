package sunshine.checks.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import sunshine.checks.CheckInputException;
import sunshine.checks.CheckProgress;
import sunshine.checks.CheckSource;
import sunshine.checks.data.Cards;
import sunshine.checks.data.DataColumn;
import sunshine.checks.data.Enrollments;
import sunshine.checks.data.Filings;
import sunshine.checks.data.Households;
import sunshine.checks.data.IntArrays;
import sunshine.checks.data.LongIntMap;
import sunshine.checks.data.Payments;
import sunshine.checks.data.Persons;
import sunshine.checks.data.Receipts;
import sunshine.checks.data.Regions;
import sunshine.checks.data.Snapshot;
import sunshine.checks.data.Staff;
import sunshine.checks.data.Standards;
import sunshine.checks.data.StringTable;
import sunshine.checks.data.Submissions;
import sunshine.checks.data.Table;
import sunshine.checks.data.TextColumn;
import sunshine.checks.engine.Ids;
import sunshine.checks.engine.Months;
import sunshine.checks.engine.RegionCodes;
import sunshine.contract.Column;
import sunshine.contract.DataContract;
import sunshine.contract.Dataset;
import sunshine.contract.DatasetKind;
import sunshine.contract.Reason;
import sunshine.contract.RowError;
import sunshine.contract.ValueType;

/**
 * Builds a {@link Snapshot} from a {@link CheckSource}: reads each registry dataset the run needs into typed columns
 * (checking keys and references as the contract defines them, so that every index in the snapshot resolves), derives
 * the indexes and per-payment facts once, then streams each external dataset keeping only the rows of registry
 * persons (and, for datasets scoped by period, only the months of the window).
 * <p>
 * Any bad row (from the source, a duplicate key, a reference to nothing) is collected; after everything was read, a
 * {@link CheckInputException} lists them. Nothing is checked on bad input.
 */
public final class SnapshotLoader {

    /** The registry datasets every check needs: the Terms (made payment, share, in scope) are defined on them. */
    public static final List<String> BASE = List.of("regions", "households", "persons", "enrollments",
            "enrollment_members", "payments", "bank_receipts");

    /** Columns no rule reads; not kept in memory. */
    private static final Set<String> DROPPED = Set.of("households.address", "cards.holder_name",
            "payroll_submissions.name");

    /** Text columns that name the same things as another dataset's column without a contract reference. */
    private static final Map<String, String> SHARED = Map.of(
            "payroll_submissions.enrollment_id", "enrollments.enrollment_id",
            "bank_receipts.card_no", "cards.card_no",
            "payroll_submissions.card_no", "cards.card_no",
            "filings.card_no", "cards.card_no",
            "payments.batch_id", "batch",
            "payroll_submissions.batch_id", "batch");

    private static final int PROGRESS_EVERY = 1 << 16;

    /** Datasets whose row numbers are kept while loading, for errors found after the file was read. */
    private static final Set<String> ROW_NUMBERS = Set.of("enrollments", "enrollment_members");

    /** Programs paid to one person: an enrollment of one of them has exactly one covered member (as the importer). */
    private static final Set<String> INDIVIDUAL_PROGRAMS = Set.of("TEKUN", "ORPHAN", "DISABILITY_LIVING",
            "DISABILITY_CARE");

    private final CheckSource source;
    private final DataContract contract;
    private final CheckProgress progress;
    private final ErrorCollector errors = new ErrorCollector();
    private final Map<String, StringTable> dictionaries = new HashMap<>();
    private final Map<String, LongIntMap> indexes = new HashMap<>();
    private final Map<String, Table> tables = new LinkedHashMap<>();
    private final Set<String> present = new LinkedHashSet<>();
    private final Map<String, int[]> rowNumbers = new HashMap<>();
    private Set<String> loading = Set.of();

    public SnapshotLoader(CheckSource source, DataContract contract, CheckProgress progress) {
        this.source = source;
        this.contract = contract;
        this.progress = progress;
    }

    /**
     * @param registry   the registry datasets to load (the base ones are always loaded); absent ones must have been
     *                   refused by the caller when required, else they load empty
     * @param external   the external datasets to load when present
     * @param windowFrom the first month of the window (rows of period-scoped external datasets outside it are dropped)
     * @param windowTo   the last month of the window
     * @throws CheckInputException when any dataset has bad rows
     */
    public Snapshot load(Set<String> registry, Set<String> external, int windowFrom, int windowTo) {
        Set<String> wanted = new LinkedHashSet<>(BASE);
        wanted.addAll(registry);
        loading = wanted;
        for (Dataset d : contract.datasets()) {
            if (d.kind() == DatasetKind.REGISTRY && wanted.contains(d.name())) {
                tables.put(d.name(), loadRegistry(d));
            }
        }
        Snapshot.Parts registryParts = assemble();
        Persons persons = registryParts.persons();
        for (Dataset d : contract.datasets()) {
            if (d.kind() == DatasetKind.EXTERNAL && external.contains(d.name())) {
                tables.put(d.name(), loadExternal(d, persons, windowFrom, windowTo));
            }
        }
        if (errors.count() > 0) {
            long n = errors.count();
            throw new CheckInputException(new Reason(
                    "输入数据有" + n + "处错误，未进行比对（见下列错误：文件、行、列、值、原因）",
                    "the input has " + n + " error" + (n > 1 ? "s" : "")
                            + "; nothing was checked (see the errors: file, row, column, value, reason)"),
                    errors.errors(), n);
        }
        dictionaries.values().forEach(StringTable::freeze);
        indexes.clear();
        return new Snapshot(new Snapshot.Parts(tables, present, registryParts.regions(), registryParts.households(),
                persons, registryParts.enrollments(), registryParts.payments(), registryParts.receipts(),
                registryParts.cards(), registryParts.standards(), registryParts.staff(), registryParts.filings(),
                registryParts.submissions()));
    }

    // ------------------------------------------------------------------ registry datasets

    private enum Mode { PLAIN, KEY, REF, FREE }

    /** How one column is loaded. */
    private static final class Plan {
        Column column;
        int index;
        DataColumn storage;
        Mode mode = Mode.PLAIN;
        StringTable dictionary;
        LongIntMap ids;
        String target;
        /** The last text added and its code: consecutive rows often repeat one (a batch, a remark, a card). */
        String lastText;
        int lastCode;
    }

    private Table loadRegistry(Dataset d) {
        Table table = new Table(d, source.has(d.name()));
        List<Plan> plans = new ArrayList<>();
        for (int i = 0; i < d.columns().size(); i++) {
            Column c = d.columns().get(i);
            String qualified = d.name() + "." + c.name();
            Plan plan = new Plan();
            plan.column = c;
            plan.index = i;
            String domain = null;
            boolean singleKey = d.key().size() == 1 && d.key().get(0).equals(c.name());
            String reference = d.references().get(c.name());
            if (singleKey) {
                plan.mode = Mode.KEY;
                domain = qualified;
            } else if (reference != null && !reference.startsWith(d.name() + ".")) {
                domain = reference;
                plan.target = reference;
                String target = datasetOf(reference);
                plan.mode = loading.contains(target) && source.has(target) ? Mode.REF : Mode.FREE;
            } else if (SHARED.containsKey(qualified)) {
                domain = SHARED.get(qualified);
                plan.mode = Mode.FREE;
            }
            if (c.type() == ValueType.TEXT) {
                plan.dictionary = domain != null ? dictionaries.computeIfAbsent(domain, k -> new StringTable())
                        : new StringTable();
            } else if (plan.mode == Mode.KEY || plan.mode == Mode.REF) {
                plan.ids = indexes.computeIfAbsent(domain, k -> new LongIntMap());
            }
            if (!DROPPED.contains(qualified)) {
                plan.storage = Table.columnFor(c, contract, plan.dictionary);
                table.addColumn(plan.storage);
            }
            plans.add(plan);
        }
        if (!table.present()) {
            table.finish(0);
            return table;
        }
        present.add(d.name());
        String file = source.location(d.name());
        int[] compositeKey = compositeKey(d, plans);
        Plan[] planArray = plans.toArray(new Plan[0]);
        int[] resolved = new int[planArray.length];
        int keyPlan = plans.stream().filter(p -> p.mode == Mode.KEY).mapToInt(plans::indexOf).findFirst().orElse(-1);
        boolean packable = compositeKey != null && compositeKey.length == 2
                && plans.get(compositeKey[0]).mode == Mode.REF && plans.get(compositeKey[1]).mode == Mode.REF;
        LongIntMap packedKeys = packable ? new LongIntMap() : null;
        Set<List<Object>> otherKeys = compositeKey != null && !packable ? new HashSet<>() : null;
        long started = System.nanoTime();
        progress.datasetStarted(d.name());
        long[] read = {0};
        int[][] rows = ROW_NUMBERS.contains(d.name()) ? new int[][] {new int[1024]} : null;
        readAll(d, (row, values) -> {
            if (++read[0] % PROGRESS_EVERY == 0) {
                progress.rows(d.name(), read[0]);
            }
            // references first, then the key, which is the last check and records the row when it is new: a
            // refused row leaves no trace in a dictionary or an index; each value is looked up once
            for (int i = 0; i < planArray.length; i++) {
                Plan p = planArray[i];
                if (p.mode != Mode.REF) {
                    continue;
                }
                Object v = values[p.index];
                int found = v == null ? -1 : p.dictionary != null ? p.dictionary.find((String) v)
                        : p.ids.get(longKey(p.column, v));
                if (v != null && found < 0) {
                    errors.add(new RowError(file, row, p.column.name(), text(v), new Reason(
                            p.column.label() + "“" + text(v) + "”在" + p.target + "中不存在",
                            p.column.name() + " " + text(v) + " is not in " + p.target)));
                    return;
                }
                resolved[i] = found;
            }
            if (compositeKey != null && !newCompositeKey(compositeKey, planArray, resolved, values, packedKeys,
                    otherKeys)) {
                errors.add(new RowError(file, row, "", keyText(compositeKey, values), new Reason(
                        "重复的行：" + String.join("、", d.key()) + "与前面的行相同",
                        "duplicate row: the same " + String.join(", ", d.key()) + " as an earlier row")));
                return;
            }
            int rowIndex = table.size();
            if (keyPlan >= 0 && values[planArray[keyPlan].index] != null) {
                Plan p = planArray[keyPlan];
                Object v = values[p.index];
                boolean duplicate;
                if (p.dictionary != null) {
                    int before = p.dictionary.size();
                    resolved[keyPlan] = p.dictionary.add((String) v);
                    duplicate = resolved[keyPlan] < before;
                    if (!duplicate && resolved[keyPlan] != rowIndex) {
                        throw new IllegalStateException(d.name() + "." + p.column.name() + ": key codes out of "
                                + "step with rows (a dictionary was filled before its key dataset)");
                    }
                } else {
                    duplicate = p.ids.putIfAbsent(longKey(p.column, v), rowIndex) >= 0;
                }
                if (duplicate) {
                    errors.add(new RowError(file, row, p.column.name(), text(v), new Reason(
                            p.column.label() + "“" + text(v) + "”重复（与前面的行相同）",
                            "duplicate " + p.column.name() + " " + text(v) + " (an earlier row has it)")));
                    return;
                }
            }
            for (int i = 0; i < planArray.length; i++) {
                Plan p = planArray[i];
                if (p.storage == null) {
                    continue;
                }
                Object v = values[p.index];
                if (p.dictionary != null) {
                    int code;
                    if (v == null) {
                        code = -1;
                    } else if (p.mode == Mode.KEY || p.mode == Mode.REF) {
                        code = resolved[i];
                    } else if (v.equals(p.lastText)) {
                        code = p.lastCode;
                    } else {
                        code = p.dictionary.add((String) v);
                        p.lastText = (String) v;
                        p.lastCode = code;
                    }
                    ((TextColumn) p.storage).addCode(code);
                } else {
                    table.append(p.storage, v);
                }
            }
            if (rows != null) {
                if (rowIndex == rows[0].length) {
                    rows[0] = Arrays.copyOf(rows[0], rowIndex * 2);
                }
                rows[0][rowIndex] = (int) Math.min(row, Integer.MAX_VALUE);
            }
            table.rowAppended();
        });
        if (rows != null) {
            rowNumbers.put(d.name(), rows[0]);
        }
        table.finish(0);
        progress.datasetDone(d.name(), read[0], table.size(), Duration.ofNanos(System.nanoTime() - started));
        return table;
    }

    private static long longKey(Column c, Object v) {
        return c.type() == ValueType.ID ? Ids.key((String) v) : RegionCodes.parse((String) v);
    }

    /** The plan indexes of a composite key, or null for a single-column key or none. */
    private static int[] compositeKey(Dataset d, List<Plan> plans) {
        if (d.key().size() < 2) {
            return null;
        }
        return d.key().stream().mapToInt(d::indexOf).toArray();
    }

    /**
     * Whether the row's composite key is new (and records it). Two reference columns (an enrollment and a person,
     * already resolved to their indexes) are packed into one long; other keys (few rows) are compared as lists.
     */
    private static boolean newCompositeKey(int[] key, Plan[] plans, int[] resolved, Object[] values,
                                           LongIntMap packed, Set<List<Object>> others) {
        if (packed != null) {
            long a = resolved[key[0]];
            long b = resolved[key[1]];
            return packed.putIfAbsent((a << 32 | b) + 1, 0) < 0;
        }
        Object[] k = new Object[key.length];
        for (int i = 0; i < key.length; i++) {
            k[i] = values[plans[key[i]].index];
        }
        return others.add(Arrays.asList(k));
    }

    private static String keyText(int[] key, Object[] values) {
        StringBuilder sb = new StringBuilder();
        for (int i : key) {
            if (!sb.isEmpty()) {
                sb.append(',');
            }
            sb.append(text(values[i]));
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------ derived registry structures

    private Snapshot.Parts assemble() {
        Table regionsT = tables.get("regions");
        Regions regions = new Regions(regionsT, indexes.computeIfAbsent("regions.code", k -> new LongIntMap()));
        Households households = new Households(tables.get("households"));
        Table personsT = tables.get("persons");
        LongIntMap personIndex = indexes.computeIfAbsent("persons.id_no", k -> new LongIntMap());
        Table enrollmentsT = tables.get("enrollments");
        int enrollmentCount = enrollmentsT.size();
        int personCount = personsT.size();

        // covered members: enrollment -> persons, person -> enrollments
        Table membersT = tables.remove("enrollment_members");
        int m = membersT.size();
        int[] memberEnrollment = new int[m];
        int[] memberPerson = new int[m];
        TextColumn me = membersT.texts("enrollment_id");
        var mid = membersT.ids("id_no");
        for (int i = 0; i < m; i++) {
            memberEnrollment[i] = me.code(i);
            memberPerson[i] = personIndex.get(mid.get(i));
        }
        int[] order = new int[m];
        int[] memberStart = IntArrays.group(memberEnrollment, m, enrollmentCount, order);
        checkMembership(enrollmentsT, memberStart, order);
        int[] members = new int[m];
        for (int i = 0; i < m; i++) {
            members[i] = memberPerson[order[i]];
        }
        int[] enrollmentOfPerson = new int[m];
        int[] personStart = IntArrays.group(memberPerson, m, personCount, order);
        for (int i = 0; i < m; i++) {
            enrollmentOfPerson[i] = memberEnrollment[order[i]];
        }
        Persons persons = new Persons(personsT, personIndex, personStart, enrollmentOfPerson);

        // payments by enrollment, by period within one
        Table paymentsT = tables.get("payments");
        int n = paymentsT.size();
        int[] paymentEnrollment = new int[n];
        TextColumn pe = paymentsT.texts("enrollment_id");
        var period = paymentsT.months("period");
        for (int i = 0; i < n; i++) {
            paymentEnrollment[i] = pe.code(i);
        }
        int[] paymentOrder = new int[n];
        int[] paymentStart = IntArrays.group(paymentEnrollment, n, enrollmentCount, paymentOrder);
        for (int e = 0; e < enrollmentCount; e++) {
            sortByPeriod(paymentOrder, paymentStart[e], paymentStart[e + 1], period::get);
        }
        Enrollments enrollments = new Enrollments(enrollmentsT, memberStart, members, paymentStart, paymentOrder);

        // receipts: what made each payment
        Table receiptsT = tables.get("bank_receipts");
        Receipts receipts = new Receipts(receiptsT);
        byte[] flags = new byte[n];
        for (int r = 0; r < receipts.size(); r++) {
            flags[receipts.payment(r)] |= receipts.isSuccess(r) ? Payments.SUCCESS_RECEIPT : Payments.FAILED_RECEIPT;
        }
        Payments payments = new Payments(paymentsT, flags, receipts);

        Cards cards = tables.containsKey("cards")
                ? new Cards(tables.get("cards"), dictionaries.computeIfAbsent("cards.card_no", k -> new StringTable()))
                : null;
        Standards standards = tables.containsKey("standards") ? new Standards(tables.get("standards")) : null;
        Staff staff = tables.containsKey("staff")
                ? new Staff(tables.get("staff"), indexes.computeIfAbsent("staff.id_no", k -> new LongIntMap()),
                tables.get("staff_relatives"))
                : null;
        Filings filings = tables.containsKey("filings") ? new Filings(tables.get("filings")) : null;
        Submissions submissions = tables.containsKey("payroll_submissions")
                ? new Submissions(tables.get("payroll_submissions"), enrollmentCount)
                : null;
        return new Snapshot.Parts(tables, present, regions, households, persons, enrollments, payments, receipts,
                cards, standards, staff, filings, submissions);
    }

    /**
     * As the importer: every enrollment has at least one covered member (reported on the enrollments file), and an
     * enrollment of an individual program exactly one (each member row of one with more is reported).
     */
    /** @param memberRows member table rows grouped by enrollment (as memberStart indexes them) */
    private void checkMembership(Table enrollmentsT, int[] memberStart, int[] memberRows) {
        if (!present.contains("enrollments")) {
            return;
        }
        var program = enrollmentsT.enums("program");
        TextColumn id = enrollmentsT.texts("enrollment_id");
        int[] enrollmentRow = rowNumbers.getOrDefault("enrollments", new int[0]);
        int[] memberRow = rowNumbers.getOrDefault("enrollment_members", new int[0]);
        String enrollmentsFile = source.location("enrollments");
        String membersFile = source.location("enrollment_members");
        var labels = program.type();
        for (int e = 0; e < enrollmentsT.size(); e++) {
            int n = memberStart[e + 1] - memberStart[e];
            if (n == 0) {
                errors.add(new RowError(enrollmentsFile, enrollmentRow[e], "enrollment_id", id.get(e), new Reason(
                        "待遇" + id.get(e) + "没有保障对象（enrollment_members中无此待遇）",
                        "enrollment " + id.get(e) + " has no covered member in enrollment_members")));
            } else if (n > 1 && INDIVIDUAL_PROGRAMS.contains(program.code(e))) {
                for (int i = memberStart[e]; i < memberStart[e + 1]; i++) {
                    errors.add(new RowError(membersFile, memberRow[memberRows[i]], "enrollment_id", id.get(e),
                            new Reason(labels.labelOf(program.code(e)) + "为个人项目，每个待遇只能有一名保障对象，待遇"
                                    + id.get(e) + "有" + n + "名",
                                    program.code(e) + " is an individual program: enrollment " + id.get(e)
                                            + " must have exactly one member, it has " + n)));
                }
            }
        }
    }

    private interface IntKey {
        int of(int row);
    }

    /** Sorts order[from..to) by the key of each row, stably (rows of one period keep their file order). */
    private static void sortByPeriod(int[] order, int from, int to, IntKey key) {
        int len = to - from;
        if (len < 2) {
            return;
        }
        if (len <= 32) {
            for (int i = from + 1; i < to; i++) {
                int row = order[i];
                int k = key.of(row);
                int j = i - 1;
                while (j >= from && key.of(order[j]) > k) {
                    order[j + 1] = order[j];
                    j--;
                }
                order[j + 1] = row;
            }
            return;
        }
        long[] packed = new long[len];
        for (int i = 0; i < len; i++) {
            int row = order[from + i];
            packed[i] = ((long) key.of(row) << 32) | row;
        }
        Arrays.sort(packed);
        for (int i = 0; i < len; i++) {
            order[from + i] = (int) packed[i];
        }
    }

    // ------------------------------------------------------------------ external datasets

    private Table loadExternal(Dataset d, Persons persons, int windowFrom, int windowTo) {
        Table table = new Table(d, source.has(d.name()));
        table.trackPersons();
        int idIndex = d.indexOf("id_no");
        int periodIndex = d.periodColumn() == null ? -1 : d.indexOf(d.periodColumn());
        List<DataColumn> storage = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < d.columns().size(); i++) {
            Column c = d.columns().get(i);
            if (i == idIndex || c.name().equals("name")) {
                continue; // the person is kept as an index; other departments' spelling of names is not needed
            }
            DataColumn col = Table.columnFor(c, contract, null);
            table.addColumn(col);
            storage.add(col);
            positions.add(i);
        }
        if (!table.present()) {
            table.finish(persons.size());
            return table;
        }
        present.add(d.name());
        int[] at = positions.stream().mapToInt(Integer::intValue).toArray();
        DataColumn[] cols = storage.toArray(new DataColumn[0]);
        long started = System.nanoTime();
        progress.datasetStarted(d.name());
        long[] read = {0};
        readAll(d, (row, values) -> {
            if (++read[0] % PROGRESS_EVERY == 0) {
                progress.rows(d.name(), read[0]);
            }
            int person = persons.indexOf(Ids.key((String) values[idIndex]));
            if (person < 0) {
                return;
            }
            if (periodIndex >= 0) {
                int month = Months.of((java.time.YearMonth) values[periodIndex]);
                if (month < windowFrom || month > windowTo) {
                    return;
                }
            }
            table.addPerson(person);
            for (int i = 0; i < cols.length; i++) {
                table.append(cols[i], values[at[i]]);
            }
            table.rowAppended();
        });
        table.finish(persons.size());
        progress.datasetDone(d.name(), read[0], table.size(), Duration.ofNanos(System.nanoTime() - started));
        return table;
    }

    // ------------------------------------------------------------------ reading

    private interface RowHandler {
        void row(long row, Object[] values);
    }

    private void readAll(Dataset d, RowHandler handler) {
        int[] warnings = {0};
        try {
            source.read(d, new CheckSource.Rows() {
                @Override
                public void row(long row, Object[] values) {
                    handler.row(row, values);
                }

                @Override
                public void error(RowError error) {
                    errors.add(error);
                }

                @Override
                public void warning(RowError warning) {
                    if (warnings[0]++ < 20) {
                        progress.message("warning: " + warning.file() + (warning.row() > 0 ? " row " + warning.row() : "")
                                + (warning.value().isEmpty() ? "" : " \"" + warning.value() + "\"") + ": "
                                + warning.reason().zh() + " / " + warning.reason().en());
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source.location(d.name()), e);
        }
    }

    private static String datasetOf(String qualified) {
        return qualified.substring(0, qualified.indexOf('.'));
    }

    private static String text(Object v) {
        return v == null ? "" : v.toString();
    }
}
