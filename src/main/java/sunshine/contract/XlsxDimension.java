package sunshine.contract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The last row of an XLSX sheet as its {@code <dimension ref="A1:H1000"/>} states it, for a progress estimate.
 * Reads only the workbook's relationships and the first bytes of the sheet; any trouble means "unknown".
 */
final class XlsxDimension {

    private static final int HEAD = 16 * 1024;
    private static final Pattern RELATIONSHIP = Pattern.compile("<(?:\\w+:)?Relationship\\b[^>]*>");
    private static final Pattern ID = Pattern.compile("\\bId=\"([^\"]*)\"");
    private static final Pattern TARGET = Pattern.compile("\\bTarget=\"([^\"]*)\"");
    private static final Pattern DIMENSION = Pattern.compile("<(?:\\w+:)?dimension\\s+ref=\"[A-Z]*\\d*:?[A-Z]*(\\d+)\"");

    private XlsxDimension() {
    }

    /** The sheet's last row number, or 0 when it cannot be told. */
    static long lastRow(Path file, String sheetRelationshipId) {
        if (sheetRelationshipId == null) {
            return 0;
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            String rels = head(zip, "xl/_rels/workbook.xml.rels", Integer.MAX_VALUE);
            if (rels == null) {
                return 0;
            }
            String target = null;
            Matcher m = RELATIONSHIP.matcher(rels);
            while (m.find() && target == null) {
                Matcher id = ID.matcher(m.group());
                Matcher t = TARGET.matcher(m.group());
                if (id.find() && id.group(1).equals(sheetRelationshipId) && t.find()) {
                    target = t.group(1);
                }
            }
            if (target == null) {
                return 0;
            }
            String part = target.startsWith("/") ? target.substring(1) : "xl/" + target;
            String sheet = head(zip, part, HEAD);
            if (sheet == null) {
                return 0;
            }
            Matcher d = DIMENSION.matcher(sheet);
            // streaming writers (fastexcel among them) state "A1" before they know the rows: not a measure
            long last = d.find() ? Long.parseLong(d.group(1)) : 0;
            return last > 1 ? last : 0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static String head(ZipFile zip, String name, int max) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            return null;
        }
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] bytes = max == Integer.MAX_VALUE ? in.readAllBytes() : in.readNBytes(max);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
