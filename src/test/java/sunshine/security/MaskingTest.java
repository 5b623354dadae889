package sunshine.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void idNumbersKeepTheFirstSixAndTheLastFourCharacters() {
        assertThat(Masking.idNumber("371526197001011234")).isEqualTo("371526********1234");
        assertThat(Masking.idNumber("37152619700101123X")).isEqualTo("371526********123X");
        assertThat(Masking.idNumber("371526700101123")).isEqualTo("371526*****1123");
        // a malformed number from a bad file is masked the same way
        assertThat(Masking.idNumber("37152619700101123")).isEqualTo("371526*******1123");
        assertThat(Masking.idNumber("12345")).isEqualTo("*****");
        assertThat(Masking.idNumber(null)).isNull();
    }

    @Test
    void namesFollowThePublicNoticeRule() {
        assertThat(Masking.name("张三")).isEqualTo("张*");
        assertThat(Masking.name("张小三")).isEqualTo("张*三");
        assertThat(Masking.name("欧阳娜仁")).isEqualTo("欧**仁");
        assertThat(Masking.name("张")).isEqualTo("*");
        assertThat(Masking.name(null)).isNull();
    }

    @Test
    void idNumbersInATextAreMaskedAndNothingElse() {
        assertThat(Masking.idNumbersIn("E001, 371526197001011234; card 6228480001; 37152619700101123X."))
                .isEqualTo("E001, 371526********1234; card 6228480001; 371526********123X.");
        // a longer run of digits (a bank card) is not an ID number
        assertThat(Masking.idNumbersIn("6228480012345678901")).isEqualTo("6228480012345678901");
    }

    @Test
    void anActorSeesItsRegionAndRelatesToTheRegionsAboveIt() {
        Actor town = new Actor("t", null, Role.TOWN, "371526100000");
        assertThat(town.canSee("371526100001")).isTrue();
        assertThat(town.canSee("371526101000")).isFalse();
        assertThat(town.relatesTo("371526000000")).isTrue();
        assertThat(town.relatesTo("370000000000")).isTrue();
        assertThat(town.relatesTo("371525000000")).isFalse();
        assertThat(Actor.regionsAbove("371526100001"))
                .containsExactly("370000000000", "371500000000", "371526000000", "371526100000");
        assertThat(Actor.regionsAbove("370000000000")).isEmpty();
    }

    @Test
    void randomPasswordsAlwaysPassThePasswordRule() {
        for (int i = 0; i < 2000; i++) {
            String p = UserAccounts.randomPassword();
            assertThat(p).hasSize(16).matches(".*[0-9].*").matches(".*[A-Za-z].*");
        }
    }
}
