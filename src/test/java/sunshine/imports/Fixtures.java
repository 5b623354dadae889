package sunshine.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sunshine.contract.IdNumbers;

/**
 * A small, hand-written, valid county: regions, households, persons, enrollments, members, cards, payments (two
 * periods), bank receipts. Tests change single lines to inject exactly the errors they expect, then write it.
 * Lines are CSV text; the first line of each dataset is its header.
 */
public final class Fixtures {

    // ID numbers: region 371526, real birth dates, valid check digits
    public static final String HEAD_1 = id("37152619700101001");
    public static final String SPOUSE_1 = id("37152619720202002");
    public static final String HEAD_2 = id("37152619500303003");
    public static final String CHILD_2 = id("37152620120404004");
    public static final String HEAD_3 = id("37152619450505005");
    public static final String STAFF_1 = id("37152619800606006");

    public static final String PROVINCE = "370000000000";
    public static final String CITY = "371500000000";
    public static final String COUNTY = "371526000000";
    public static final String TOWN = "371526100000";
    public static final String VILLAGE_1 = "371526100001";
    public static final String VILLAGE_2 = "371526100002";

    final Map<String, List<String>> files = new LinkedHashMap<>();

    public Fixtures() {
        put("regions",
                "code,name,level,parent_code,population",
                PROVINCE + ",山东省,PROVINCE,,",
                CITY + ",聊城市,CITY," + PROVINCE + ",",
                COUNTY + ",高唐县,COUNTY," + CITY + ",480000",
                TOWN + ",鱼邱湖街道,乡镇," + COUNTY + ",60000",
                VILLAGE_1 + ",新华社区,VILLAGE," + TOWN + ",3000",
                VILLAGE_2 + ",东关村,村," + TOWN + ",1800");
        put("households",
                "household_id,region_code,address,head_id_no,urban_rural",
                "H001," + VILLAGE_1 + ",新华路1号," + HEAD_1 + ",URBAN",
                "H002," + VILLAGE_2 + ",东关村3组," + HEAD_2 + ",农村",
                "H003," + VILLAGE_2 + ",东关村5组," + HEAD_3 + ",RURAL");
        put("persons",
                "id_no,name,gender,birth_date,household_id,relation,disability_level",
                HEAD_1 + ",张伟,M,1970-01-01,H001,HEAD,",
                SPOUSE_1 + ",李秀英,女,1972-02-02,H001,SPOUSE,",
                HEAD_2 + ",王建国,M,1950-03-03,H002,HEAD,2",
                CHILD_2 + ",王小明,M,2012-04-04,H002,GRANDCHILD,",
                HEAD_3 + ",欧阳·娜仁,F,1945-05-05,H003,HEAD,1");
        put("enrollments",
                "enrollment_id,program,household_id,payee_id_no,status,approved_date,start_month,end_month,"
                        + "monthly_amount,per_capita_income,approver_id_no,investigator_id_no",
                "E001,DIBAO_URBAN,H001," + HEAD_1 + ",ACTIVE,2026-01-15,2026-02,,1240.00,310.00,,",
                "E002,ORPHAN,H002," + HEAD_2 + ",ACTIVE,2025-06-01,2025-07,,1500.00,,,",
                "E003,TEKUN,H003," + HEAD_3 + ",ACTIVE,2024-03-10,2024-04,,980.50,,,");
        put("enrollment_members",
                "enrollment_id,id_no",
                "E001," + HEAD_1,
                "E001," + SPOUSE_1,
                "E002," + CHILD_2,
                "E003," + HEAD_3);
        put("cards",
                "card_no,bank,holder_id_no,holder_name,opened_date,status,purpose,custodian_id_no",
                "6228480001,农业银行高唐支行," + HEAD_1 + ",张伟,2020-01-01,ACTIVE,,",
                "6228480002,农业银行高唐支行," + HEAD_2 + ",王建国,2019-05-01,ACTIVE,SUBSIDY,",
                "6228480003,农村信用社," + HEAD_3 + ",欧阳·娜仁,2018-03-01,ACTIVE,一卡通,");
        put("payments",
                "payment_id,enrollment_id,period,amount,channel,card_no,paid_date,remark,batch_id",
                "P0901,E001,2026-09,1240.00,CARD,6228480001,2026-09-10,9月低保金,B09",
                "P0902,E002,2026-09,1500.00,CARD,6228480002,2026-09-10,9月孤儿基本生活费,B09",
                "P0903,E003,2026-09,980.50,CASH,,2026-09-10,9月特困供养金,B09",
                "P1001,E001,2026-10,1240.00,CARD,6228480001,2026-10-10,10月低保金,B10",
                "P1002,E002,2026-10,1500.00,CARD,6228480002,2026-10-10,10月孤儿基本生活费,B10",
                "P1003,E003,2026-10,980.50,CASH,,2026-10-10,10月特困供养金,B10");
        put("bank_receipts",
                "payment_id,card_no,amount,status,settled_date,failure_reason",
                "P0901,6228480001,1240.00,SUCCESS,2026-09-11,",
                "P0902,6228480002,1500.00,SUCCESS,2026-09-11,",
                "P1001,6228480001,1240.00,SUCCESS,2026-10-11,",
                "P1002,6228480002,1500.00,FAILED,2026-10-11,账户冻结");
    }

    static String id(String first17) {
        return IdNumbers.withCheckDigit(first17);
    }

    /** The same ID number with a wrong check digit. */
    public static String badCheckDigit(String id) {
        char c = id.charAt(17);
        return id.substring(0, 17) + (c == '0' ? '1' : '0');
    }

    void put(String dataset, String... lines) {
        files.put(dataset, new ArrayList<>(List.of(lines)));
    }

    public List<String> lines(String dataset) {
        return files.get(dataset);
    }

    /** Data rows of a dataset (without the header). */
    public int rows(String dataset) {
        return files.get(dataset).size() - 1;
    }

    /** Replaces the data line at a spreadsheet row (header = row 1). */
    Fixtures set(String dataset, int row, String line) {
        files.get(dataset).set(row - 1, line);
        return this;
    }

    /** Replaces text in the data line at a spreadsheet row. */
    public Fixtures replace(String dataset, int row, String from, String to) {
        String line = files.get(dataset).get(row - 1);
        if (!line.contains(from)) {
            throw new IllegalArgumentException(dataset + " row " + row + " has no " + from + ": " + line);
        }
        files.get(dataset).set(row - 1, line.replace(from, to));
        return this;
    }

    Fixtures add(String dataset, String line) {
        files.get(dataset).add(line);
        return this;
    }

    Fixtures without(String dataset) {
        files.remove(dataset);
        return this;
    }

    /** Keeps only the given datasets. */
    Fixtures only(String... datasets) {
        files.keySet().retainAll(List.of(datasets));
        return this;
    }

    /** Writes every dataset as {@code <dataset>.csv} (UTF-8) into the folder; returns it. */
    public Path write(Path dir) {
        try {
            Files.createDirectories(dir);
            for (String dataset : files.keySet()) {
                write(dir, dataset, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /** Writes one dataset as {@code <dataset>.csv} in the given encoding; returns the file. */
    Path write(Path dir, String dataset, Charset charset) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(dataset + ".csv");
            Files.writeString(file, String.join("\r\n", files.get(dataset)) + "\r\n", charset);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
