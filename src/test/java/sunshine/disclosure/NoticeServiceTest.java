package sunshine.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static sunshine.disclosure.NoticeFixture.ADMIN;
import static sunshine.disclosure.NoticeFixture.AUDITOR;
import static sunshine.disclosure.NoticeFixture.COUNTY_STAFF;
import static sunshine.disclosure.NoticeFixture.OTHER_TOWN_STAFF;
import static sunshine.disclosure.NoticeFixture.OTHER_VILLAGE;
import static sunshine.disclosure.NoticeFixture.TOWN_STAFF;
import static sunshine.disclosure.NoticeFixture.VILLAGE;
import static sunshine.disclosure.NoticeFixture.VILLAGE_2;
import static sunshine.disclosure.NoticeFixture.VILLAGE_STAFF;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import sunshine.audit.AuditLog;
import sunshine.disclosure.Verification.Difference;
import sunshine.disclosure.Verification.Outcome;
import sunshine.disclosure.internal.NoticeKeys;
import sunshine.disclosure.internal.Sm3;

/**
 * Publishing public notices against a real database: the lists are built from ACTIVE enrollments with masked names
 * and nothing else, hashed, signed, chained and recorded; only staff of the village's town or above publish; a
 * changed copy is caught. Abstract: {@link NoticeServiceH2Test} and {@link NoticeServicePostgresTest} run it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
abstract class NoticeServiceTest {

    @Autowired
    NoticeService notices;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AuditLog audit;

    NoticeFixture fixture;

    @BeforeEach
    void registry() {
        NoticeFixture.clear(jdbc);
        fixture = new NoticeFixture(jdbc).write();
    }

    private Map<String, PublishOutcome> byProgram(List<PublishOutcome> outcomes) {
        return outcomes.stream().collect(Collectors.toMap(PublishOutcome::program, o -> o));
    }

    @Test
    void aVillagesListsAreBuiltFromActiveEnrollmentsWithMaskedNamesOnly() {
        Map<String, PublishOutcome> out = byProgram(notices.publishVillage(TOWN_STAFF, VILLAGE));

        assertThat(out.keySet()).containsExactlyInAnyOrder("DIBAO_URBAN", "TEKUN", "ORPHAN");
        assertThat(out.values()).allSatisfy(o -> assertThat(o.status()).isEqualTo(PublishOutcome.Status.PUBLISHED));
        Notice dibao = out.get("DIBAO_URBAN").notice();
        assertThat(dibao.version()).isEqualTo(1);
        assertThat(dibao.previousHash()).isEqualTo(NoticeFormat.GENESIS);
        assertThat(dibao.content()).isEqualTo("""
                SUNSHINE-PUBLIC-NOTICE,1
                village,371526100001,新华社区
                town,371526100000,鱼邱湖街道
                county,371526000000,高唐县
                program,DIBAO_URBAN,城市低保
                version,1
                published_at,%s
                published_by,371526100000,鱼邱湖街道
                previous_hash,0000000000000000000000000000000000000000000000000000000000000000
                households,2
                covered_members,5
                monthly_total,3100.00

                masked_name,covered_members,monthly_amount
                张*,2,1240.00
                阿******提,3,1860.00
                """.formatted(NoticeFormat.TIME.format(dibao.publishedAt())));
        // the four-character name, and the orphan's list names the payee (the grandfather), not the child
        assertThat(out.get("TEKUN").notice().parsed().rows()).extracting(NoticeFormat.Row::maskedName)
                .containsExactly("欧**仁");
        assertThat(out.get("ORPHAN").notice().parsed().rows()).extracting(NoticeFormat.Row::maskedName)
                .containsExactly("王*国");
        // the SUSPENDED enrollment (孙丽华) is on no list
        assertThat(out.values()).allSatisfy(o -> assertThat(o.notice().content()).doesNotContain("孙"));
    }

    @Test
    void noForbiddenFieldIsEverInAPublishedList() {
        List<Notice> published = new ArrayList<>();
        notices.publishAll(COUNTY_STAFF).stream().filter(o -> o.notice() != null).forEach(o -> published.add(o.notice()));

        assertThat(published).hasSize(4);
        for (Notice n : published) {
            for (String forbidden : NoticeFixture.forbidden()) {
                assertThat(n.content()).as("%s in %s", forbidden, n.fileStem()).doesNotContain(forbidden);
            }
            // every row has exactly three fields: masked name, members, amount; no long digit run (an ID
            // number, a card, a phone) anywhere in them (the header's only long numbers are region codes)
            assertThat(n.content().lines().skip(14)).allSatisfy(l -> {
                assertThat(l.split(",", -1)).hasSize(3);
                assertThat(l).doesNotContainPattern("\\d{7,}");
            });
            assertThat(n.content().lines().limit(14).filter(l -> l.matches(".*\\d{13,}.*")))
                    .allSatisfy(l -> assertThat(l).startsWith("previous_hash,"));
        }
    }

    @Test
    void theHashAndTheSignatureVerifyAndATamperedCopyFails() {
        Notice n = notices.publish(TOWN_STAFF, VILLAGE, "DIBAO_URBAN").notice();
        byte[] bytes = n.bytes();
        NoticeService.SigningKey key = notices.key(n.keyFingerprint()).orElseThrow();

        assertThat(Sm3.hex(bytes)).isEqualTo(n.hash());
        assertThat(NoticeKeys.verify(key.pem(), bytes, n.signatureBytes())).isTrue();
        assertThat(n.intact()).isTrue();
        assertThat(key.fingerprint()).isEqualTo(notices.currentKey().fingerprint());

        // the published file itself
        Verification exact = notices.verify(bytes);
        assertThat(exact.outcome()).isEqualTo(Outcome.MATCH);
        assertThat(exact.notice().id()).isEqualTo(n.id());
        assertThat(exact.superseded()).isFalse();
        // opened and saved by an editor: CR LF, a byte order mark
        Verification saved = notices.verify(("\uFEFF" + n.content().replace("\n", "\r\n"))
                .getBytes(StandardCharsets.UTF_8));
        assertThat(saved.outcome()).isEqualTo(Outcome.MATCH_AFTER_NORMALIZING);
        // a careless forgery: an amount changed, the totals not
        String careless = n.content().replace("张*,2,1240.00", "张*,2,1340.00");
        assertThat(NoticeKeys.verify(key.pem(), careless.getBytes(StandardCharsets.UTF_8), n.signatureBytes()))
                .isFalse();
        Verification v1 = notices.verify(careless.getBytes(StandardCharsets.UTF_8));
        assertThat(v1.outcome()).isEqualTo(Outcome.NOT_A_NOTICE);
        assertThat(v1.problem().en()).contains("totals");
        // a careful one: a household added, the totals made to fit
        String careful = n.content().replace("households,2", "households,3").replace("covered_members,5",
                "covered_members,6").replace("monthly_total,3100.00", "monthly_total,3700.00") + "李*,1,600.00\n";
        assertThat(NoticeKeys.verify(key.pem(), careful.getBytes(StandardCharsets.UTF_8), n.signatureBytes()))
                .isFalse();
        Verification v2 = notices.verify(careful.getBytes(StandardCharsets.UTF_8));
        assertThat(v2.outcome()).isEqualTo(Outcome.CHANGED);
        assertThat(v2.notice().id()).isEqualTo(n.id());
        assertThat(v2.differences()).containsExactly(new Difference(Difference.Kind.EXTRA_ROW, null, null,
                "李*,1,600.00"));
        // a household removed
        String removed = n.content().replace("households,2", "households,1").replace("covered_members,5",
                "covered_members,2").replace("monthly_total,3100.00", "monthly_total,1240.00")
                .replace("阿******提,3,1860.00\n", "");
        assertThat(notices.verify(removed.getBytes(StandardCharsets.UTF_8)).differences()).containsExactly(
                new Difference(Difference.Kind.MISSING_ROW, null, "阿******提,3,1860.00", null));
        // a version that was never published
        Verification v3 = notices.verify(n.content().replace("version,1", "version,7").getBytes(StandardCharsets.UTF_8));
        assertThat(v3.outcome()).isEqualTo(Outcome.NO_SUCH_PUBLICATION);
        assertThat(v3.latest().version()).isEqualTo(1);
        // anything else
        assertThat(notices.verify("姓名,金额\n张三,100\n".getBytes(StandardCharsets.UTF_8)).outcome())
                .isEqualTo(Outcome.NOT_A_NOTICE);
        // by hash
        assertThat(notices.verifyHash(n.hash().toUpperCase()).outcome()).isEqualTo(Outcome.HASH_FOUND);
        assertThat(notices.verifyHash("0".repeat(64)).outcome()).isEqualTo(Outcome.HASH_UNKNOWN);
        assertThatThrownBy(() -> notices.verifyHash("abc")).isInstanceOf(DisclosureException.class);
    }

    @Test
    void versionsFormAChainAndAnUnchangedListIsNotPublishedAgain() {
        Notice v1 = notices.publish(TOWN_STAFF, VILLAGE, "DIBAO_URBAN").notice();

        PublishOutcome same = notices.publish(COUNTY_STAFF, VILLAGE, "DIBAO_URBAN");
        assertThat(same.status()).isEqualTo(PublishOutcome.Status.UNCHANGED);
        assertThat(same.notice().id()).isEqualTo(v1.id());

        fixture.setAmount("E001", "1300.00");
        Notice v2 = notices.publish(TOWN_STAFF, VILLAGE, "DIBAO_URBAN").notice();
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.previousHash()).isEqualTo(v1.hash());
        assertThat(v2.content()).contains("previous_hash," + v1.hash() + "\n", "张*,2,1300.00\n");

        // every household left the program: the list is published empty, not left standing
        fixture.setStatus("E001", "TERMINATED");
        fixture.setStatus("E003", "SUSPENDED");
        Map<String, PublishOutcome> out = byProgram(notices.publishVillage(TOWN_STAFF, VILLAGE));
        Notice v3 = out.get("DIBAO_URBAN").notice();
        assertThat(out.get("DIBAO_URBAN").status()).isEqualTo(PublishOutcome.Status.PUBLISHED);
        assertThat(v3.version()).isEqualTo(3);
        assertThat(v3.households()).isZero();
        assertThat(v3.content()).endsWith("monthly_total,0.00\n\nmasked_name,covered_members,monthly_amount\n");
        assertThat(out.get("TEKUN").status()).isEqualTo(PublishOutcome.Status.PUBLISHED);

        NoticeService.NoticeChain chain = notices.chain(VILLAGE, "DIBAO_URBAN");
        assertThat(chain.versions()).extracting(Notice::version).containsExactly(3, 2, 1);
        assertThat(chain.intact()).isTrue();
        assertThat(notices.verify(v1.bytes()).superseded()).isTrue();
        assertThat(notices.verify(v1.bytes()).latest().version()).isEqualTo(3);

        // each publication is an entry of the audit record, with the hash and the link to the one before
        List<Map<String, Object>> entries = jdbc.queryForList("SELECT seq, subject, details FROM audit_entry "
                + "WHERE action = ? ORDER BY seq", NoticeService.PUBLISHED);
        assertThat(entries).extracting(e -> e.get("subject")).contains("notice:371526100001/DIBAO_URBAN/v1",
                "notice:371526100001/DIBAO_URBAN/v2", "notice:371526100001/DIBAO_URBAN/v3");
        String v2Details = (String) entries.stream().filter(e -> e.get("subject").toString().endsWith("/v2"))
                .findFirst().orElseThrow().get("details");
        assertThat(v2Details).contains("\"hash\":\"" + v2.hash() + "\"", "\"previousHash\":\"" + v1.hash() + "\"");
        assertThat(jdbc.queryForObject("SELECT audit_seq FROM notice_publication WHERE hash = ?", Long.class,
                v2.hash())).isEqualTo(((Number) entries.stream().filter(e -> e.get("subject").toString()
                .endsWith("/v2")).findFirst().orElseThrow().get("seq")).longValue());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE action = ? AND subject = ?",
                Long.class, NoticeService.KEY_REGISTERED, "notice-key:" + v1.keyFingerprint())).isEqualTo(1L);
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void onlyStaffOfTheVillagesTownOrAbovePublish() {
        for (var outsider : List.of(OTHER_TOWN_STAFF, VILLAGE_STAFF, AUDITOR, ADMIN)) {
            assertThatThrownBy(() -> notices.publishVillage(outsider, VILLAGE))
                    .isInstanceOfSatisfying(DisclosureException.class,
                            e -> assertThat(e.kind()).isEqualTo(DisclosureException.Kind.FORBIDDEN));
        }
        assertThat(notices.mayPublish(OTHER_TOWN_STAFF, VILLAGE)).isFalse();
        assertThat(notices.mayPublish(OTHER_TOWN_STAFF, OTHER_VILLAGE)).isTrue();
        assertThat(notices.mayPublish(TOWN_STAFF, VILLAGE)).isTrue();
        assertThat(notices.mayPublish(COUNTY_STAFF, OTHER_VILLAGE)).isTrue();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notice_publication", Long.class)).isZero();
        assertThatThrownBy(() -> notices.publishVillage(TOWN_STAFF, "371526100099"))
                .isInstanceOfSatisfying(DisclosureException.class,
                        e -> assertThat(e.kind()).isEqualTo(DisclosureException.Kind.NOT_FOUND));
        // a town is not a village
        assertThatThrownBy(() -> notices.publishVillage(COUNTY_STAFF, NoticeFixture.TOWN))
                .isInstanceOf(DisclosureException.class);

        // a town publishes all of its villages and none of another town's
        List<PublishOutcome> all = notices.publishAll(TOWN_STAFF);
        assertThat(all).extracting(PublishOutcome::villageCode).containsOnly(VILLAGE);
        assertThat(notices.latest(OTHER_VILLAGE)).isEmpty();
        assertThat(notices.latest(VILLAGE_2)).isEmpty();
        assertThat(notices.publishAll(OTHER_TOWN_STAFF)).extracting(PublishOutcome::program)
                .containsExactly("DIBAO_RURAL");
    }

    @Test
    void aListChangedInTheDatabaseIsCaught() {
        Notice n = notices.publish(TOWN_STAFF, VILLAGE, "DIBAO_URBAN").notice();
        String forged = n.content().replace("1240.00", "1340.00").replace("3100.00", "3200.00");
        boolean postgres = jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.triggers "
                + "WHERE trigger_name = 'notice_publication_no_change'", Integer.class) > 0;
        if (postgres) {
            // on PostgreSQL the database itself refuses
            assertThatThrownBy(() -> jdbc.update("UPDATE notice_publication SET content = ? WHERE id = ?", forged,
                    n.id())).hasMessageContaining("append-only");
            assertThatThrownBy(() -> jdbc.update("DELETE FROM notice_publication WHERE id = ?", n.id()))
                    .hasMessageContaining("append-only");
            return;
        }
        jdbc.update("UPDATE notice_publication SET content = ? WHERE id = ?", forged, n.id());
        Notice changed = notices.find(VILLAGE, "DIBAO_URBAN", 1).orElseThrow();
        assertThat(changed.intact()).isFalse();
        assertThat(notices.chain(VILLAGE, "DIBAO_URBAN").brokenAt()).isEqualTo(1);
        // the hash recomputed too: the signature still fails
        jdbc.update("UPDATE notice_publication SET hash = ? WHERE id = ?", Sm3.hex(forged.getBytes(StandardCharsets.UTF_8)),
                n.id());
        assertThat(notices.find(VILLAGE, "DIBAO_URBAN", 1).orElseThrow().intact()).isFalse();
    }

    @Test
    void publishersAtTheSameMomentNeverForkAList() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<List<PublishOutcome>>> runs = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                var who = i % 2 == 0 ? TOWN_STAFF : COUNTY_STAFF;
                runs.add(pool.submit(() -> notices.publishVillage(who, VILLAGE)));
            }
            List<PublishOutcome> all = new ArrayList<>();
            for (Future<List<PublishOutcome>> f : runs) {
                all.addAll(f.get());
            }
            assertThat(all.stream().filter(o -> o.status() == PublishOutcome.Status.PUBLISHED)).hasSize(3);
        } finally {
            pool.shutdown();
        }
        assertThat(jdbc.queryForObject("SELECT MAX(version) FROM notice_publication", Integer.class)).isEqualTo(1);
        assertThat(audit.verify().intact()).isTrue();
    }
}
