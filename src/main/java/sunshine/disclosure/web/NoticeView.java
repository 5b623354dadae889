package sunshine.disclosure.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import sunshine.disclosure.Notice;
import sunshine.disclosure.NoticeFormat;
import sunshine.disclosure.NoticeService;

/**
 * A publication as the pages show it: the rows read back from the signed text itself (what is shown is what was
 * signed), the seal, and the list's versions.
 */
record NoticeView(Notice notice, List<NoticeFormat.Row> rows, String publishedAt, String publishedBy,
                  List<Version> versions, boolean chainIntact, Integer brokenAt, String base) {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");

    /** One version in the list's history. */
    record Version(int version, String publishedAt, String hash, String previousHash, int households,
                   int coveredMembers, BigDecimal monthlyTotal, boolean intact, String base) {
    }

    static NoticeView of(Notice n, NoticeService.NoticeChain chain) {
        NoticeFormat.Content c = n.parsed();
        String base = base(n);
        List<Version> versions = chain.versions().stream().map(v -> new Version(v.version(), beijing(v.publishedAt()),
                v.hash(), v.previousHash(), v.households(), v.coveredMembers(), v.monthlyTotal(), v.intact(),
                base(v))).toList();
        return new NoticeView(n, c.rows(), beijing(n.publishedAt()), c.header().publishedBy().name(), versions,
                chain.intact(), chain.brokenAt(), base);
    }

    static String beijing(Instant t) {
        return TIME.format(t.atZone(BEIJING));
    }

    static String base(Notice n) {
        return "/public/notices/" + n.villageCode() + "/" + n.program() + "/v" + n.version();
    }

    /** Whether this is the latest version of its list. */
    public boolean latest() {
        return versions.isEmpty() || versions.get(0).version() == notice.version();
    }
}
