package sunshine.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import sunshine.imports.Fixtures;
import sunshine.imports.ImportService;
import sunshine.registry.TestDatabases;
import sunshine.security.Actor;
import sunshine.security.Role;

/**
 * The audit record against a real database: entries chain, verify() recomputes the chain, and a row changed,
 * deleted or cut off in the database is found and named. Abstract: {@link AuditLogH2Test} and
 * {@link AuditLogPostgresTest} run it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
abstract class AuditLogTest {

    static final Actor COUNTY = new Actor("li.county", "李科长", Role.COUNTY, "371526000000");

    @Autowired
    AuditLog log;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    ImportService imports;
    @TempDir
    Path tmp;

    @BeforeEach
    void emptyRecord() {
        // a fresh chain for each test (only a test may do this)
        jdbc.update("DELETE FROM audit_entry");
        jdbc.update("UPDATE audit_head SET last_seq = 0, last_hash = ? WHERE id = 1", "0".repeat(64));
    }

    private void recordSome(int n) {
        for (int i = 1; i <= n; i++) {
            log.record(COUNTY, "PAYMENT_APPROVED", "payment:P" + i, Map.of("amount", "1240.00", "period", "2026-10",
                    "town", "鱼邱湖街道", "n", i));
        }
    }

    @Test
    void entriesChainAndVerify() {
        AuditEntry first = log.record(COUNTY, "CLUE_CLOSED", "clue:A01-7", Map.of("note", "已追回 1,240.00 元"));
        AuditEntry second = log.record("zhang.town", null, null, "SIGN_IN_FAILED", "user:zhang.town", Map.of());

        assertThat(first.seq()).isEqualTo(1);
        assertThat(first.previousHash()).isEqualTo("0".repeat(64));
        assertThat(first.hash()).matches("[0-9a-f]{64}");
        assertThat(second.seq()).isEqualTo(2);
        assertThat(second.previousHash()).isEqualTo(first.hash());
        assertThat(first.details()).isEqualTo("{\"note\":\"已追回 1,240.00 元\"}");

        AuditVerification v = log.verify();
        assertThat(v.intact()).isTrue();
        assertThat(v.entries()).isEqualTo(2);
        assertThat(v.lastHash()).isEqualTo(second.hash()).isEqualTo(log.head().lastHash());
        assertThat(log.head().lastSeq()).isEqualTo(2);
        // detail keys are sorted: the same facts give the same text whatever map they came in
        assertThat(log.record(COUNTY, "X", "y", Map.of("b", 1, "a", 2)).details()).isEqualTo("{\"a\":2,\"b\":1}");
    }

    @Test
    void theHashIsTheDocumentedFormulaThatAnyoneCanRecompute() {
        log.record(COUNTY, "CLUE_CLOSED", "clue:A01-7", Map.of("note", "已追回"));
        AuditEntry e = log.recent(new Actor("a", null, Role.AUDIT, "370000000000"), 1).get(0);

        String time = java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
                .withZone(java.time.ZoneOffset.UTC).format(e.recordedAt());
        assertThat(time).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
        StringBuilder content = new StringBuilder(e.previousHash()).append("sunshine-audit-v1");
        for (String field : new String[] {Long.toString(e.seq()), time, e.actorId(), e.actorRole().name(),
                e.actorRegion(), e.action(), e.subject(), e.details()}) {
            content.append('\n').append(field.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).append(':')
                    .append(field);
        }
        byte[] bytes = content.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        org.bouncycastle.crypto.digests.SM3Digest sm3 = new org.bouncycastle.crypto.digests.SM3Digest();
        sm3.update(bytes, 0, bytes.length);
        byte[] out = new byte[32];
        sm3.doFinal(out, 0);
        assertThat(java.util.HexFormat.of().formatHex(out)).isEqualTo(e.hash());
    }

    @Test
    void aChangedRowIsFoundAndNamed() {
        recordSome(5);
        assertThat(log.verify().intact()).isTrue();

        // someone with database access changes an amount
        jdbc.update("UPDATE audit_entry SET details = REPLACE(details, '1240.00', '124.00') WHERE seq = 3");

        AuditVerification v = log.verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBroken()).isEqualTo(3);
        assertThat(v.entries()).isEqualTo(2);
        assertThat(v.problemZh()).contains("第3条");
        assertThat(v.problemEn()).contains("entry 3", "changed");
    }

    @Test
    void aChangedActorOrTimeIsFoundToo() {
        recordSome(3);
        jdbc.update("UPDATE audit_entry SET actor_id = 'someone.else' WHERE seq = 2");
        assertThat(log.verify().firstBroken()).isEqualTo(2);

        jdbc.update("UPDATE audit_entry SET actor_id = 'li.county' WHERE seq = 2");
        assertThat(log.verify().intact()).isTrue();
        jdbc.update("UPDATE audit_entry SET recorded_at = recorded_at + INTERVAL '1' SECOND WHERE seq = 1");
        assertThat(log.verify().firstBroken()).isEqualTo(1);
    }

    @Test
    void aDeletedRowIsFoundAtTheGap() {
        recordSome(5);
        jdbc.update("DELETE FROM audit_entry WHERE seq = 2");

        AuditVerification v = log.verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBroken()).isEqualTo(2);
        assertThat(v.problemEn()).contains("entry 2 is missing");
    }

    @Test
    void aRowRecomputedToHideAChangeBreaksTheNextLink() {
        recordSome(4);
        // changed, and its own hash recomputed by someone who knows the formula: the next entry no longer links
        jdbc.update("UPDATE audit_entry SET subject = 'payment:P99', hash = ? WHERE seq = 2", "f".repeat(64));
        AuditVerification v = log.verify();
        assertThat(v.firstBroken()).isEqualTo(2);
    }

    @Test
    void entriesCutOffTheEndAreFoundByTheHead() {
        recordSome(4);
        jdbc.update("DELETE FROM audit_entry WHERE seq >= 3");

        AuditVerification v = log.verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.entries()).isEqualTo(2);
        assertThat(v.firstBroken()).isEqualTo(3);
        assertThat(v.problemEn()).contains("missing at the end");
    }

    @Test
    void anEntryInATransactionThatRollsBackIsNotKept() {
        recordSome(1);
        new TransactionTemplate(transactions).executeWithoutResult(s -> {
            log.record(COUNTY, "PAYMENT_APPROVED", "payment:rolled-back", Map.of());
            s.setRollbackOnly();
        });
        recordSome(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry", Long.class)).isEqualTo(2L);
        assertThat(log.verify().intact()).isTrue();
    }

    @Test
    void concurrentRecordsNeverForkTheChain() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        log.record(COUNTY, "PAYMENT_APPROVED", "payment:" + thread + "-" + i, Map.of());
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        AuditVerification v = log.verify();
        assertThat(v.intact()).isTrue();
        assertThat(v.entries()).isEqualTo(100);
    }

    @Test
    void importsAreRecordedWithTheirFiles() {
        TestDatabases.clear(jdbc);
        imports.importFolder(new Fixtures().write(tmp.resolve("county")), "tester");
        Fixtures bad = new Fixtures().replace("persons", 2, Fixtures.HEAD_1, Fixtures.badCheckDigit(Fixtures.HEAD_1));
        imports.importFolder(bad.write(tmp.resolve("bad")), "tester");

        List<String> actions = jdbc.queryForList("SELECT action FROM audit_entry ORDER BY seq", String.class);
        assertThat(actions).containsExactly("IMPORT", "IMPORT_REJECTED");
        String details = jdbc.queryForObject("SELECT details FROM audit_entry WHERE seq = 1", String.class);
        assertThat(details).contains("\"dataset\":\"payments\"", "\"status\":\"IMPORTED\"", "\"sm3\":\"");
        assertThat(jdbc.queryForObject("SELECT actor_id FROM audit_entry WHERE seq = 1", String.class))
                .isEqualTo("tester");
        assertThat(log.verify().intact()).isTrue();
    }
}
