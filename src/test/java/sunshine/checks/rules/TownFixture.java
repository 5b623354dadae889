package sunshine.checks.rules;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Set;
import sunshine.checks.CheckFixture;

/**
 * A folder for the town indicators E01-E03: county 371526 with towns 1..7 (371526101000 ..) and one village each,
 * county 371502 with two towns (fewer than five: they are measured against every town). Households of n persons
 * with one enrollment are added in a line; persons get fresh valid ID numbers.
 */
final class TownFixture {

    static final String PROVINCE = "370000000000";
    static final String CITY = "371500000000";
    static final String COUNTY = "371526000000";
    static final String SMALL_COUNTY = "371502000000";

    final CheckFixture f = new CheckFixture();
    private int persons;
    private int households;
    /** Persons already written (a person may be covered by two enrollments). */
    private final Set<String> seen = new HashSet<>();

    /**
     * @param populations    populations of the county's towns 1..7 (null: not given)
     * @param smallCounty    populations of the small county's towns 1..2
     */
    TownFixture(Long[] populations, Long[] smallCounty) {
        f.table("regions", "code,name,level,parent_code,population",
                PROVINCE + ",山东省,PROVINCE,,",
                CITY + ",聊城市,CITY," + PROVINCE + ",",
                COUNTY + ",高唐县,COUNTY," + CITY + ",",
                SMALL_COUNTY + ",东昌府区,COUNTY," + CITY + ",");
        String[] names = {"鱼邱湖街道", "汇鑫街道", "人和街道", "梁村镇", "尹集镇", "清平镇", "固河镇"};
        for (int i = 1; i <= 7; i++) {
            f.rows("regions", town(i) + "," + names[i - 1] + ",TOWN," + COUNTY + "," + text(populations[i - 1]),
                    village(i) + "," + names[i - 1] + "一村,VILLAGE," + town(i) + ",");
        }
        for (int i = 1; i <= 2; i++) {
            f.rows("regions", smallTown(i) + ",东昌" + i + "镇,TOWN," + SMALL_COUNTY + "," + text(smallCounty[i - 1]),
                    smallVillage(i) + ",东昌" + i + "村,VILLAGE," + smallTown(i) + ",");
        }
    }

    static String town(int i) {
        return "371526" + (100 + i) + "000";
    }

    static String village(int i) {
        return "371526" + (100 + i) + "001";
    }

    static String smallTown(int i) {
        return "37150200" + i + "000";
    }

    static String smallVillage(int i) {
        return "37150200" + i + "001";
    }

    /** A new person's ID number. */
    String person() {
        persons++;
        String birth = LocalDate.of(1950, 1, 1).plusDays(persons).format(DateTimeFormatter.BASIC_ISO_DATE);
        return CheckFixture.id("371526" + birth + "001");
    }

    /**
     * A household of n new persons in the village with one enrollment covering them all; returns the enrollment id
     * (E1, E2 ...). Dates: approved 2020-01-10, start 2020-02 unless given.
     */
    String household(String village, int n, String program, String status, String start, String end) {
        String[] ids = new String[n];
        for (int i = 0; i < n; i++) {
            ids[i] = person();
        }
        return household(village, program, status, start, end, ids);
    }

    /** A household of these (existing or new) persons with one enrollment covering them. */
    String household(String village, String program, String status, String start, String end, String... ids) {
        households++;
        String h = "H" + households;
        String e = "E" + households;
        f.rows("households", h + "," + village + "," + ids[0] + ",RURAL");
        for (String id : ids) {
            if (!seen.add(id)) {
                continue;
            }
            f.rows("persons", id + ",张某某," + h);
        }
        f.rows("enrollments", e + "," + program + "," + h + "," + ids[0] + "," + status + ",2020-01-10," + start + ","
                + (end == null ? "" : end) + ",100.00,");
        for (String id : ids) {
            f.rows("enrollment_members", e + "," + id);
        }
        return e;
    }

    /** An ACTIVE DIBAO_RURAL household of n persons since 2020-02. */
    String dibao(String village, int n) {
        return household(village, n, "DIBAO_RURAL", "ACTIVE", "2020-02", null);
    }

    /** One CASH payment per month from..to, ids {@code <enr>-<yyyy-MM>}. */
    TownFixture paid(String enrollment, String from, String to, String amount) {
        f.monthlyPayments(enrollment, from, to, amount);
        return this;
    }


    private static String text(Long v) {
        return v == null ? "" : v.toString();
    }
}
