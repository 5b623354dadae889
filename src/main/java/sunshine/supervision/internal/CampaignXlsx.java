package sunshine.supervision.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import sunshine.supervision.CampaignReport;
import sunshine.supervision.Figures;
import sunshine.supervision.ReportRow;

/**
 * A campaign's reporting tables as one XLSX workbook: 按地区汇总 (county → city → province), 按问题类型, 县×类型明细,
 * and 说明 (scope, stages, definitions). Money cells are numbers in yuan with two decimals, so that sums in Excel
 * match the platform's to the cent.
 */
public final class CampaignXlsx {

    public static final List<String> FIGURE_HEADERS = List.of("问题线索数", "已确认", "已排除", "办理中", "已销号",
            "涉及金额（元）", "应追回（元）", "已追回（元）", "未追回（元）", "停发调整待遇", "移送纪检监察", "处理人数",
            "整改完成率（%）");

    private static final String MONEY = "#,##0.00";

    private CampaignXlsx() {
    }

    public static void write(CampaignReport report, OutputStream out) throws IOException {
        Workbook wb = new Workbook(out, "Sunshine", "1.0");
        regionSheet(wb.newWorksheet("按地区汇总"), report.byRegion());
        typeSheet(wb.newWorksheet("按问题类型"), report.byType());
        detailSheet(wb.newWorksheet("县×类型明细"), report.detail());
        notes(wb.newWorksheet("说明"), report);
        wb.finish();
    }

    private static void regionSheet(Worksheet ws, List<ReportRow> rows) {
        header(ws, List.of("层级", "地区代码"));
        int r = 1;
        for (ReportRow row : rows) {
            ws.value(r, 0, level(row.level()));
            ws.value(r, 1, row.regionCode() == null ? "合计" : row.regionCode());
            figures(ws, r, 2, row.figures());
            r++;
        }
        widths(ws, 2);
    }

    private static void typeSheet(Worksheet ws, List<ReportRow> rows) {
        header(ws, List.of("问题类型", "类型名称"));
        int r = 1;
        for (ReportRow row : rows) {
            ws.value(r, 0, row.rule() == null ? "合计" : row.rule());
            ws.value(r, 1, row.ruleName() == null ? "" : row.ruleName());
            figures(ws, r, 2, row.figures());
            r++;
        }
        widths(ws, 2);
    }

    private static void detailSheet(Worksheet ws, List<ReportRow> rows) {
        header(ws, List.of("县（区）代码", "问题类型", "类型名称"));
        int r = 1;
        for (ReportRow row : rows) {
            ws.value(r, 0, row.regionCode());
            ws.value(r, 1, row.rule());
            ws.value(r, 2, row.ruleName() == null ? "" : row.ruleName());
            figures(ws, r, 3, row.figures());
            r++;
        }
        widths(ws, 3);
    }

    private static void notes(Worksheet ws, CampaignReport report) {
        var c = report.campaign();
        String[][] lines = {
                {"专项治理", c.name()},
                {"范围（地区）", String.join("、", c.regions())},
                {"项目", c.programs().isEmpty() ? "全部" : String.join("、", c.programs())},
                {"问题发现期间", c.periodFrom() + " 至 " + c.periodTo()},
                {"阶段", c.stages().stream().map(s -> s.kind().labelZh() + " " + s.startsOn() + "至" + s.endsOn())
                        .collect(Collectors.joining("；"))},
                {"数据截至", report.generatedAt().toString()},
                {"口径", "问题线索数：期间内进入问题台账的问题（大数据比对线索、信访举报、抽查和专项治理发现的问题）；"
                        + "已确认：核查确认的问题（含整改中、待销号、已销号）；涉及金额：各问题最近一次核查的疑点金额；"
                        + "应追回：确认问题时核定的应追回金额；已追回：分次追回金额之和；整改完成率：已销号÷已确认。"
                        + "金额单位为元，精确到分，与问题台账逐笔一致。"},
        };
        for (int r = 0; r < lines.length; r++) {
            ws.value(r, 0, lines[r][0]);
            ws.style(r, 0).bold().set();
            ws.value(r, 1, lines[r][1]);
        }
        ws.width(0, 16);
        ws.width(1, 100);
        if (c.currentStage() != null) {
            ws.value(lines.length, 0, "当前阶段");
            ws.value(lines.length, 1, c.currentStage().labelZh());
        }
    }

    private static void header(Worksheet ws, List<String> first) {
        int c = 0;
        for (String h : first) {
            ws.value(0, c, h);
            ws.style(0, c++).bold().set();
        }
        for (String h : FIGURE_HEADERS) {
            ws.value(0, c, h);
            ws.style(0, c++).bold().wrapText(true).set();
        }
        ws.freezePane(0, 1);
    }

    private static void figures(Worksheet ws, int r, int c, Figures f) {
        ws.value(r, c, f.found());
        ws.value(r, c + 1, f.confirmed());
        ws.value(r, c + 2, f.dismissed());
        ws.value(r, c + 3, f.open());
        ws.value(r, c + 4, f.closed());
        money(ws, r, c + 5, f.amountAtRisk());
        money(ws, r, c + 6, f.amountToRecover());
        money(ws, r, c + 7, f.amountRecovered());
        money(ws, r, c + 8, f.outstanding());
        ws.value(r, c + 9, f.benefitActions());
        ws.value(r, c + 10, f.disciplineTransfers());
        ws.value(r, c + 11, f.peopleHandled());
        if (f.progress() != null) {
            ws.value(r, c + 12, f.progress());
            ws.style(r, c + 12).format("0.0").set();
        } else {
            ws.value(r, c + 12, "—");
        }
    }

    private static void money(Worksheet ws, int r, int c, BigDecimal v) {
        ws.value(r, c, v);
        ws.style(r, c).format(MONEY).set();
    }

    private static void widths(Worksheet ws, int first) {
        for (int c = 0; c < first; c++) {
            ws.width(c, 14);
        }
        for (int c = first; c < first + FIGURE_HEADERS.size(); c++) {
            ws.width(c, 13);
        }
    }

    private static String level(String level) {
        return switch (level) {
            case "PROVINCE" -> "省";
            case "CITY" -> "市";
            case "COUNTY" -> "县（区）";
            default -> "合计";
        };
    }
}
