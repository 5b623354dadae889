package sunshine.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import sunshine.disclosure.NoticeFormat.Content;
import sunshine.disclosure.NoticeFormat.Header;
import sunshine.disclosure.NoticeFormat.Place;
import sunshine.disclosure.NoticeFormat.Row;
import sunshine.disclosure.internal.Sm3;
import sunshine.security.Masking;

/** The canonical form, exactly as docs/verify-public-notice.md specifies it, and the masking of names (§6). */
class NoticeFormatTest {

    static final Header HEADER = new Header(new Place("371526100001", "新华社区"), new Place("371526100000", "鱼邱湖街道"),
            new Place("371526000000", "高唐县"), "DIBAO_URBAN", "城市低保", 1, Instant.parse("2026-11-02T01:00:00.750Z"),
            new Place("371526100000", "鱼邱湖街道"), NoticeFormat.GENESIS);

    /** The document's example; its SM3 hash was computed with {@code openssl dgst -sm3}. */
    static final String EXAMPLE = """
            SUNSHINE-PUBLIC-NOTICE,1
            village,371526100001,新华社区
            town,371526100000,鱼邱湖街道
            county,371526000000,高唐县
            program,DIBAO_URBAN,城市低保
            version,1
            published_at,2026-11-02T01:00:00Z
            published_by,371526100000,鱼邱湖街道
            previous_hash,0000000000000000000000000000000000000000000000000000000000000000
            households,2
            covered_members,3
            monthly_total,2220.50

            masked_name,covered_members,monthly_amount
            张*,2,1240.00
            欧***仁,1,980.50
            """;
    static final String EXAMPLE_SM3 = "c7b389659cdc8f9521df9b6ecd03880a51000502f0f27f06873b147218750234";

    @Test
    void namesAreMaskedAsTheNoticeRuleSays() {
        // §6: two characters 张*; three or more: the first and the last kept, one * per hidden character
        assertThat(Masking.name("张伟")).isEqualTo("张*");
        assertThat(Masking.name("李秀英")).isEqualTo("李*英");
        assertThat(Masking.name("欧阳娜仁")).isEqualTo("欧**仁");
        // minority names written with the middle dot: the dot is a character like any other, and hidden
        assertThat(Masking.name("阿依古丽·买买提")).isEqualTo("阿******提");
        assertThat(Masking.name("买买提·艾力")).isEqualTo("买****力");
        assertThat(Masking.name("欧阳·娜仁")).isEqualTo("欧***仁");
        // characters beyond the basic plane count as one
        assertThat(Masking.name("𠮷田")).isEqualTo("𠮷*");
        assertThat(Masking.name(" 王建国 ")).isEqualTo("王*国");
    }

    @Test
    void theCanonicalTextIsExactlyTheDocumentedOne() {
        Content c = new Content(HEADER, List.of(new Row("欧***仁", 1, new BigDecimal("980.5")),
                new Row("张*", 2, new BigDecimal("1240"))));
        String text = NoticeFormat.write(c);

        assertThat(text).isEqualTo(EXAMPLE);
        assertThat(Sm3.hex(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(EXAMPLE_SM3);
        assertThat(text).doesNotContain("\r").doesNotStartWith("\uFEFF").endsWith("\n");
        assertThat(NoticeFormat.isCanonical(text)).isTrue();
    }

    @Test
    void rowsAreOrderedByTheirContentAlone() {
        List<Row> rows = List.of(new Row("张*", 2, new BigDecimal("800.00")), new Row("张*", 1, new BigDecimal("900.00")),
                new Row("张*", 1, new BigDecimal("100.00")), new Row("丁*", 3, new BigDecimal("1.00")),
                new Row("𠮷*", 1, new BigDecimal("1.00")), new Row("龥*", 1, new BigDecimal("1.00")));
        Content c = new Content(HEADER, rows);

        // code points, as Python compares strings: U+4E01 丁 < U+5F20 张 < U+9FA5 龥 < U+20BB7 𠮷 (in UTF-16 the
        // surrogate D842 would sort 𠮷 before 龥)
        assertThat(c.rows()).extracting(r -> r.maskedName() + r.coveredMembers() + "/" + r.monthlyAmount())
                .containsExactly("丁*3/1.00", "张*1/100.00", "张*1/900.00", "张*2/800.00", "龥*1/1.00", "𠮷*1/1.00");
        List<Row> reversed = new java.util.ArrayList<>(rows);
        java.util.Collections.reverse(reversed);
        assertThat(NoticeFormat.write(new Content(HEADER, reversed))).isEqualTo(NoticeFormat.write(c));
    }

    @Test
    void fieldsThatNeedQuotesGetThemAndReadBack() throws Exception {
        Header header = new Header(new Place("371526100001", "新华,社区"), HEADER.town(), HEADER.county(), "TEKUN",
                "特困", 2, HEADER.publishedAt(), HEADER.publishedBy(), "a".repeat(64));
        Content c = new Content(header, List.of(new Row("王\"*", 1, new BigDecimal("1.00")), new Row("", 1,
                new BigDecimal("0.00"))));
        String text = NoticeFormat.write(c);

        assertThat(text).contains("village,371526100001,\"新华,社区\"\n", "\"王\"\"*\",1,1.00\n", "\n,1,0.00\n");
        Content back = NoticeFormat.parse(text);
        assertThat(back).isEqualTo(c);
        assertThat(NoticeFormat.isCanonical(text)).isTrue();
    }

    @Test
    void aCopyAnEditorChangedStillReadsButIsNotCanonical() throws Exception {
        String crlf = "\uFEFF" + EXAMPLE.replace("\n", "\r\n");
        assertThat(NoticeFormat.isCanonical(crlf)).isFalse();
        assertThat(NoticeFormat.write(NoticeFormat.parse(crlf))).isEqualTo(EXAMPLE);
        String noLastLineEnd = EXAMPLE.substring(0, EXAMPLE.length() - 1);
        assertThat(NoticeFormat.write(NoticeFormat.parse(noLastLineEnd))).isEqualTo(EXAMPLE);
    }

    @Test
    void malformedTextsAreRefusedWithAReason() {
        assertThatThrownBy(() -> NoticeFormat.parse("masked_name,covered_members\n张*,2\n"))
                .isInstanceOf(NoticeFormat.FormatException.class).hasMessageContaining("not a notice");
        assertThatThrownBy(() -> NoticeFormat.parse(EXAMPLE.replace("1240.00", "1340.00")))
                .hasMessageContaining("totals");
        assertThatThrownBy(() -> NoticeFormat.parse(EXAMPLE.replace("1240.00", "1240")))
                .hasMessageContaining("two decimals");
        assertThatThrownBy(() -> NoticeFormat.parse(EXAMPLE.replace("version,1", "version,01")))
                .hasMessageContaining("not a count");
        assertThatThrownBy(() -> NoticeFormat.parse(EXAMPLE.replace("SUNSHINE-PUBLIC-NOTICE,1", "SUNSHINE-PUBLIC-NOTICE,2")))
                .hasMessageContaining("unsupported");
        assertThatThrownBy(() -> NoticeFormat.parse(EXAMPLE.replace("张*,2,1240.00", "张*,2,1240.00,13800138000")))
                .hasMessageContaining("3 fields");
        assertThatThrownBy(() -> NoticeFormat.parse(EXAMPLE.replace("previous_hash,0000", "previous_hash,X000")))
                .hasMessageContaining("previous hash");
    }
}
