package sunshine.scenario;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.random.RandomGenerator;
import sunshine.scenario.RegionAtlas.Division;

/**
 * Other departments' records of people who receive nothing: the bulk of every external dataset, streamed
 * straight to the files (they are never held in memory). Their ID numbers are outsiders' ({@link IdNumberFactory}),
 * so none of them can match a beneficiary; the cross-check must read them all and keep none.
 * <p>
 * Sizes per county of the calibration size (factor 1): about 190,000 rows, of which most are monthly
 * social-insurance records.
 */
final class ExternalNoise {

    /** Receives a row of a dataset, typed values in contract column order. */
    interface Sink {
        void row(String dataset, Object... values) throws IOException;
    }

    /** County codes outside Shandong, for people on other provinces' rolls. */
    private static final String[] ELSEWHERE = {"130102", "130104", "130105", "130108", "410102", "410103",
        "410105", "320102", "320104", "340102", "140105", "120101"};

    private final CountyBuilder b;
    private final RandomGenerator rng;
    private final Sink sink;

    ExternalNoise(CountyBuilder b, Sink sink) {
        this.b = b;
        this.rng = b.rng;
        this.sink = sink;
    }

    void write() throws IOException {
        double f = b.factor;
        deaths((int) (4_000 * f));
        businesses((int) (6_000 * f));
        vehicles((int) (20_000 * f));
        properties((int) (25_000 * f));
        employees((int) (5_000 * f));
        insurance((int) (8_000 * f));
        otherRolls((int) (1_500 * f));
        certificates((int) (15_000 * f));
        residency((int) (3_000 * f));
    }

    private String someone(int minAge, int maxAge) {
        return b.ids.outsider(b.birth(minAge, maxAge), rng.nextBoolean());
    }

    private LocalDate since(int monthsBeforeWindow) {
        return b.someDay(b.firstMonth().minusMonths(rng.nextInt(monthsBeforeWindow)).plusMonths(
                rng.nextInt(b.settings.lookback())));
    }

    private void deaths(int n) throws IOException {
        String[] sources = {"POLICE", "POLICE", "CREMATION", "CREMATION", "HEALTH"};
        for (int i = 0; i < n; i++) {
            String id = someone(45, 99);
            String source = sources[rng.nextInt(sources.length)];
            if (source.equals("CREMATION") && rng.nextInt(10) == 0 && id.startsWith("19", 6)) {
                id = IdNumberFactory.fifteenDigit(id);
            }
            LocalDate died = since(24);
            if (died.isAfter(b.period.atEndOfMonth())) {
                died = b.period.atDay(1);
            }
            sink.row("deaths", id, ChineseNames.full(rng, rng.nextBoolean()), died, source);
        }
    }

    private void businesses(int n) throws IOException {
        String[] roles = {"LEGAL_REP", "SHAREHOLDER", "OWNER"};
        String[] statuses = {"ACTIVE", "ACTIVE", "ACTIVE", "REVOKED", "CANCELLED"};
        for (int i = 0; i < n; i++) {
            boolean enterprise = rng.nextInt(3) == 0;
            String name = ChineseNames.full(rng, rng.nextBoolean());
            String entity = enterprise ? b.county.name() + name.substring(0, 1) + "氏实业有限公司" : name + "农资店";
            BigDecimal capital = enterprise && rng.nextInt(5) > 0
                    ? CountyBuilder.money(10_000L * (1 + rng.nextInt(500))) : null;
            sink.row("businesses", someone(22, 70), name, enterprise ? roles[rng.nextInt(2)] : "OWNER", entity,
                    null, enterprise ? "ENTERPRISE" : "INDIVIDUAL", statuses[rng.nextInt(statuses.length)], capital,
                    since(240));
        }
    }

    private void vehicles(int n) throws IOException {
        String[] types = {"CAR", "CAR", "CAR", "CAR", "TRUCK", "MOTORCYCLE", "TRICYCLE", "LOW_SPEED", "AGRICULTURAL",
            "BUS"};
        for (int i = 0; i < n; i++) {
            String type = types[rng.nextInt(types.length)];
            BigDecimal price = rng.nextInt(4) == 0 ? null : CountyBuilder.money(5_000 + rng.nextInt(300_000));
            sink.row("vehicles", someone(20, 75), b.plate(), type, rng.nextInt(10) == 0 ? "OPERATING" : "PRIVATE",
                    since(150), price, rng.nextInt(8) == 0 ? "SCRAPPED" : "ACTIVE");
        }
    }

    private void properties(int n) throws IOException {
        String[] usages = {"RESIDENTIAL", "RESIDENTIAL", "RESIDENTIAL", "RESIDENTIAL", "COMMERCIAL", "OFFICE",
            "INDUSTRIAL", "OTHER"};
        for (int i = 0; i < n; i++) {
            Division village = b.randomVillage();
            sink.row("properties", someone(25, 85), b.certificateNo(), usages[rng.nextInt(usages.length)],
                    BigDecimal.valueOf(30 + rng.nextInt(170)).setScale(2), village.code(), since(240));
        }
    }

    private void employees(int n) throws IOException {
        String[] categories = {"CIVIL_SERVANT", "PUBLIC_INSTITUTION", "PUBLIC_INSTITUTION", "SOE"};
        String[] employers = {"人民医院", "第二中学", "实验小学", "财政局", "供电公司", "自来水公司"};
        for (int i = 0; i < n; i++) {
            LocalDate from = since(360);
            sink.row("public_employees", someone(22, 60), ChineseNames.full(rng, rng.nextBoolean()),
                    b.county.name() + employers[rng.nextInt(employers.length)],
                    categories[rng.nextInt(categories.length)], from,
                    rng.nextInt(10) == 0 ? from.plusYears(1 + rng.nextInt(8)) : null);
        }
    }

    private void insurance(int n) throws IOException {
        for (int i = 0; i < n; i++) {
            int r = rng.nextInt(100);
            String kind = r < 60 ? "PENSION" : r < 95 ? "WAGE_BASE" : "UNEMPLOYMENT";
            String id = someone(kind.equals("PENSION") ? 60 : 22, kind.equals("PENSION") ? 95 : 59);
            BigDecimal amount = CountyBuilder.money(switch (kind) {
                case "PENSION" -> 1_200 + rng.nextInt(3_300);
                case "WAGE_BASE" -> 3_000 + rng.nextInt(6_000);
                default -> 1_500;
            });
            int months = kind.equals("UNEMPLOYMENT") ? 1 + rng.nextInt(6) : b.window.size();
            List<YearMonth> window = b.window;
            for (int m = window.size() - months; m < window.size(); m++) {
                sink.row("social_insurance", id, window.get(m), kind, amount);
            }
        }
    }

    private void otherRolls(int n) throws IOException {
        String[] programs = {"DIBAO_RURAL", "DIBAO_URBAN", "TEKUN", "DISABILITY_LIVING"};
        for (int i = 0; i < n; i++) {
            String county = ELSEWHERE[rng.nextInt(ELSEWHERE.length)];
            String id = b.ids.outsider(county, b.birth(20, 90), rng.nextBoolean());
            String program = programs[rng.nextInt(programs.length)];
            BigDecimal amount = CountyBuilder.money(200 + 10L * rng.nextInt(100));
            int months = 3 + rng.nextInt(b.window.size() - 2);
            for (int m = b.window.size() - months; m < b.window.size(); m++) {
                sink.row("other_rolls", id, program, county + "000000", b.window.get(m), amount);
            }
        }
    }

    private void certificates(int n) throws IOException {
        String[] kinds = {"PHYSICAL", "VISUAL", "HEARING", "SPEECH", "INTELLECTUAL", "MENTAL", "MULTIPLE"};
        for (int i = 0; i < n; i++) {
            sink.row("disability_certificates", someone(5, 90), 1 + rng.nextInt(4), kinds[rng.nextInt(kinds.length)],
                    since(200), rng.nextInt(12) == 0 ? "REVOKED" : "ACTIVE");
        }
    }

    private void residency(int n) throws IOException {
        for (int i = 0; i < n; i++) {
            boolean moved = rng.nextInt(5) > 0;
            String to = moved && rng.nextInt(6) > 0 ? ELSEWHERE[rng.nextInt(ELSEWHERE.length)] + "000000" : null;
            sink.row("residency_events", someone(18, 90), moved ? "MOVED_OUT" : "CANCELLED", since(36), to);
        }
    }
}
