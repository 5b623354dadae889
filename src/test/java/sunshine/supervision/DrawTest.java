package sunshine.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import sunshine.supervision.internal.Draws;

/** The draw on its own: a known answer computed independently (docs/replay_draw.py), and its properties. */
class DrawTest {

    static final String ANNOUNCEMENT = "高唐县民政局2026年第4季度低保“双随机一公开”抽查公告\n"
            + "抽取日期2026年11月10日，随机值取当日福利彩票“快乐8”开奖号码。";
    static final String BEACON = "03 07 11 19 22 28 31 35 40 44 47 52 55 60 63 66 70 72 75 79";

    static List<PoolTarget> targets() {
        String[] regions = {"371526100201", "371526100202", "371526101201", "371526101202", "371526102201",
                "371526102202", "371526100203", "371526101203", "371526102203", "371526100204"};
        List<PoolTarget> t = new ArrayList<>();
        for (int i = 0; i < regions.length; i++) {
            t.add(new PoolTarget(String.format("H%04d", i + 1), regions[i], null));
        }
        return t;
    }

    static List<Inspector> inspectors() {
        return List.of(new Inspector("I01", "甲", "371526100000"), new Inspector("I02", "乙", "371526101000"),
                new Inspector("I03", "丙", "371526102000"), new Inspector("I04", "丁", "371526000000"),
                new Inspector("I05", "戊", "371526100000"));
    }

    static DrawInput vector() {
        return new DrawInput(TargetKind.HOUSEHOLD, ANNOUNCEMENT, LocalDate.of(2026, 11, 10), BEACON, 4, 2, targets(),
                inspectors());
    }

    @Test
    void aKnownAnswerComputedByTheIndependentPythonReplay() {
        Draw d = Draws.draw(vector());

        assertThat(d.poolHash()).isEqualTo("8fb87c7a2a7eeeba79c13639d353b98bd97537021c45c6e888db5e05deeb9d2d");
        assertThat(d.seed()).isEqualTo("7ebe5e782108e7162132cf01f522d43600b86108d4942a3efe660d30f1cfb8d2");
        assertThat(d.assignments()).containsExactly(
                new Draw.Assignment(1, "H0009", "371526102203", List.of("I04", "I02")),
                new Draw.Assignment(2, "H0005", "371526102201", List.of("I02", "I01")),
                new Draw.Assignment(3, "H0007", "371526100203", List.of("I02", "I04")),
                new Draw.Assignment(4, "H0010", "371526100204", List.of("I02", "I04")));
    }

    @Test
    void theSameInputsInAnyOrderGiveTheSameDraw() {
        List<PoolTarget> t = new ArrayList<>(targets());
        List<Inspector> p = new ArrayList<>(inspectors());
        Collections.shuffle(t, new Random(1));
        Collections.shuffle(p, new Random(2));
        DrawInput v = vector();
        assertThat(Draws.draw(new DrawInput(v.targetKind(), v.announcement(), v.drawDate(), v.beacon(),
                v.sampleSize(), v.inspectorsPerTarget(), t, p))).isEqualTo(Draws.draw(v));
    }

    @Test
    void anyChangeOfTheInputsGivesAnotherSeed() {
        DrawInput v = vector();
        String seed = Draws.draw(v).seed();
        assertThat(Draws.draw(new DrawInput(v.targetKind(), v.announcement(), v.drawDate(), "04 07 11",
                v.sampleSize(), v.inspectorsPerTarget(), v.targets(), v.inspectors())).seed()).isNotEqualTo(seed);
        assertThat(Draws.draw(new DrawInput(v.targetKind(), v.announcement() + "。", v.drawDate(), v.beacon(),
                v.sampleSize(), v.inspectorsPerTarget(), v.targets(), v.inspectors())).seed()).isNotEqualTo(seed);
        assertThat(Draws.draw(new DrawInput(v.targetKind(), v.announcement(), v.drawDate().plusDays(1), v.beacon(),
                v.sampleSize(), v.inspectorsPerTarget(), v.targets(), v.inspectors())).seed()).isNotEqualTo(seed);
        List<PoolTarget> fewer = v.targets().subList(0, 9);
        assertThat(Draws.draw(new DrawInput(v.targetKind(), v.announcement(), v.drawDate(), v.beacon(),
                v.sampleSize(), v.inspectorsPerTarget(), fewer, v.inspectors())).poolHash())
                .isNotEqualTo(Draws.draw(v).poolHash());
    }

    @Test
    void noInspectorIsEverDrawnForATargetInTheirOwnTown() {
        for (int b = 0; b < 300; b++) {
            DrawInput v = vector();
            Draw d = Draws.draw(new DrawInput(v.targetKind(), v.announcement(), v.drawDate(), "beacon " + b, 10, 2,
                    v.targets(), v.inspectors()));
            assertThat(d.assignments()).hasSize(10);
            for (Draw.Assignment a : d.assignments()) {
                assertThat(a.inspectorIds()).doesNotHaveDuplicates();
                for (String id : a.inspectorIds()) {
                    Inspector p = v.inspectors().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
                    assertThat(p.regionCode().substring(0, 9)).as(a.targetId() + " " + id)
                            .isNotEqualTo(a.regionCode().substring(0, 9));
                }
            }
            assertThat(d.assignments()).extracting(Draw.Assignment::targetId).doesNotHaveDuplicates();
        }
    }

    @Test
    void everyTargetIsEquallyLikely() {
        Map<String, Integer> hits = new HashMap<>();
        int draws = 5000;
        DrawInput v = vector();
        for (int b = 0; b < draws; b++) {
            Draw d = Draws.draw(new DrawInput(v.targetKind(), v.announcement(), v.drawDate(), "b" + b, 2, 1,
                    v.targets(), v.inspectors()));
            d.assignments().forEach(a -> hits.merge(a.targetId(), 1, Integer::sum));
        }
        // each of 10 targets is in a sample of 2 with probability 0.2: 1000 expected, sd ≈ 28
        assertThat(hits).hasSize(10);
        hits.values().forEach(h -> assertThat(h).isBetween(880, 1120));
    }

    @Test
    void aDrawThatCannotBeMadeIsRefused() {
        DrawInput v = vector();
        // town 100 has only I01 and I05 as its own; with 4 inspectors per target, targets there have only 3
        assertThatThrownBy(() -> Draws.draw(new DrawInput(v.targetKind(), v.announcement(), v.drawDate(),
                v.beacon(), 10, 4, v.targets(), v.inspectors()))).isInstanceOf(SupervisionException.class)
                .hasMessageContaining("fewer than 4 inspectors");
        assertThatThrownBy(() -> Draws.draw(new DrawInput(v.targetKind(), v.announcement(), v.drawDate(),
                v.beacon(), 11, 1, v.targets(), v.inspectors()))).hasMessageContaining("sample size");
        List<PoolTarget> twice = new ArrayList<>(v.targets());
        twice.add(v.targets().get(0));
        assertThatThrownBy(() -> Draws.draw(new DrawInput(v.targetKind(), v.announcement(), v.drawDate(),
                v.beacon(), 2, 1, twice, v.inspectors()))).hasMessageContaining("repeated");
        List<PoolTarget> bad = List.of(new PoolTarget("../x", "371526100201", null));
        assertThatThrownBy(() -> Draws.draw(new DrawInput(v.targetKind(), v.announcement(), v.drawDate(),
                v.beacon(), 1, 1, bad, v.inspectors()))).hasMessageContaining("malformed");
    }
}
