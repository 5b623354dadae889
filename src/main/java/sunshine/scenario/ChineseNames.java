package sunshine.scenario;

import java.util.random.RandomGenerator;

/**
 * Realistic Chinese names: surnames by their frequency in Shandong, given names of one or two characters from
 * the characters parents in northern China chose over the last eighty years, by gender.
 */
final class ChineseNames {

    /** Surnames, most frequent first, with a weight each (per mille, roughly). */
    private static final String[] SURNAMES = {
        "王", "张", "李", "刘", "孙", "赵", "陈", "杨", "高", "徐", "马", "于", "董", "周", "吴", "郭", "朱", "曹",
        "宋", "胡", "韩", "许", "崔", "田", "石", "任", "姜", "郑", "梁", "侯", "孟", "魏", "邢", "丁", "冯", "贾",
        "范", "袁", "付", "邵", "谢", "房", "庞", "尹", "白", "牛", "宁", "葛", "苏", "路", "潘", "程", "秦", "吕",
        "司马", "欧阳", "诸葛"};
    private static final int[] SURNAME_WEIGHTS = {
        92, 85, 80, 75, 35, 32, 30, 28, 26, 24, 22, 21, 18, 18, 17, 16, 15, 14, 14, 13, 13, 12, 12, 11, 11, 10,
        10, 10, 9, 9, 9, 8, 8, 8, 8, 7, 7, 7, 6, 6, 6, 6, 5, 5, 5, 5, 4, 4, 4, 4, 4, 4, 3, 3, 1, 1, 1};
    private static final int SURNAME_TOTAL;

    static {
        int t = 0;
        for (int w : SURNAME_WEIGHTS) {
            t += w;
        }
        SURNAME_TOTAL = t;
        if (SURNAMES.length != SURNAME_WEIGHTS.length) {
            throw new IllegalStateException("surname weights");
        }
    }

    private static final String MALE = "建国军伟强明华平刚杰磊勇涛超波斌辉鹏峰浩宇俊凯志新兴福贵德文海林庆长春";
    private static final String FEMALE = "秀英兰芳桂玉凤霞丽娟敏静燕红梅琳婷娜雪慧洁颖萍翠淑珍荣桂云莉";
    private static final String MIDDLE = "建国春秋永志海金玉德广宝学明立新晓文红继";

    private ChineseNames() {
    }

    static String surname(RandomGenerator rng) {
        int r = rng.nextInt(SURNAME_TOTAL);
        for (int i = 0; i < SURNAMES.length; i++) {
            r -= SURNAME_WEIGHTS[i];
            if (r < 0) {
                return SURNAMES[i];
            }
        }
        return SURNAMES[0];
    }

    /** A given name of one (a third of names) or two characters. */
    static String given(RandomGenerator rng, boolean male) {
        String pool = male ? MALE : FEMALE;
        String last = String.valueOf(pool.charAt(rng.nextInt(pool.length())));
        if (rng.nextInt(3) == 0) {
            return last;
        }
        return MIDDLE.charAt(rng.nextInt(MIDDLE.length())) + last;
    }

    static String full(RandomGenerator rng, boolean male) {
        return surname(rng) + given(rng, male);
    }
}
