package sunshine.checks.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The primitive storage of the snapshot: dictionaries, the long→int map, grouping. */
class StorageTest {

    @Test
    void aDictionaryGivesDenseCodesInFirstSeenOrderAndSurvivesGrowthAndFreezing() {
        StringTable t = new StringTable();
        int n = 200_000;
        for (int i = 0; i < n; i++) {
            assertThat(t.add("P" + i)).isEqualTo(i);
        }
        assertThat(t.add("P17")).isEqualTo(17);
        assertThat(t.add("张三丰")).isEqualTo(n);
        assertThat(t.find("张三丰")).isEqualTo(n);
        assertThat(t.find("P" + n)).isEqualTo(-1);
        for (int i = 0; i < n; i += 997) {
            assertThat(t.find("P" + i)).isEqualTo(i);
        }
        t.freeze();
        assertThat(t.get(123_456)).isEqualTo("P123456");
        assertThat(t.get(n)).isEqualTo("张三丰");
        assertThat(t.get(-1)).isNull();
        assertThatThrownBy(() -> t.find("P1")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void asciiAndOtherTextShareOneDictionaryAndComeBackByteForByte() {
        StringTable t = new StringTable();
        List<String> texts = List.of("", "a", "A", "PAY-2026-10-000017", "张三", "张三 ", "é", "\u007f", "\u0080", "𠀀丰",
                "ab\u00e9", "abc");
        for (int i = 0; i < texts.size(); i++) {
            assertThat(t.add(texts.get(i))).as(texts.get(i)).isEqualTo(i);
        }
        for (int i = 0; i < texts.size(); i++) {
            assertThat(t.add(new String(texts.get(i).toCharArray()))).as(texts.get(i)).isEqualTo(i);
            assertThat(t.find(texts.get(i))).as(texts.get(i)).isEqualTo(i);
        }
        assertThat(t.find("ab")).isEqualTo(-1);
        assertThat(t.find("abé")).isEqualTo(texts.indexOf("ab\u00e9"));
        t.freeze();
        for (int i = 0; i < texts.size(); i++) {
            assertThat(t.get(i)).isEqualTo(texts.get(i));
        }
    }

    @Test
    void theLongMapFindsEveryKeyAfterGrowth() {
        LongIntMap m = new LongIntMap();
        for (int i = 0; i < 100_000; i++) {
            assertThat(m.putIfAbsent(371526_19500101_000L * 11 + i * 7919L, i)).isEqualTo(-1);
        }
        assertThat(m.size()).isEqualTo(100_000);
        assertThat(m.putIfAbsent(371526_19500101_000L * 11, 5)).isZero();
        for (int i = 0; i < 100_000; i += 13) {
            assertThat(m.get(371526_19500101_000L * 11 + i * 7919L)).isEqualTo(i);
        }
        assertThat(m.get(42)).isEqualTo(-1);
    }

    @Test
    void groupingIsStableAndLeavesOutNegativeKeys() {
        int[] key = {2, 0, 2, -1, 0, 1};
        int[] order = new int[key.length];
        int[] start = IntArrays.group(key, key.length, 3, order);
        assertThat(start).containsExactly(0, 2, 3, 5);
        assertThat(java.util.Arrays.copyOf(order, 5)).containsExactly(1, 4, 5, 0, 2);
        assertThat(IntArrays.lowerBound(new int[] {1, 3, 3, 5}, 0, 4, 3)).isEqualTo(1);
        assertThat(IntArrays.lowerBound(new int[] {1, 3, 3, 5}, 0, 4, 4)).isEqualTo(3);
    }
}
