package sunshine.contract;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

class IdNumbersTest {

    /** The test vector of data-contract.md. */
    private static final String VECTOR = "11010519491231002X";

    @Test
    void checkDigitOfTheSpecTestVectorIsX() {
        assertThat(IdNumbers.checkDigit("11010519491231002")).isEqualTo('X');
        assertThat(IdNumbers.isValid(VECTOR)).isTrue();
    }

    /** Expected values computed independently (weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2, "10X98765432"). */
    @ParameterizedTest
    @CsvSource({
        "11010519491231002, 11010519491231002X",
        "32010619850612341, 320106198506123417",
        "44030420000229123, 440304200002291236",
        "51010819900101001, 510108199001010014",
        "11010520160101000, 110105201601010006",
        "11010519000101001, 11010519000101001X",
        "36042719551130421, 360427195511304214",
        "11010519491231000, 110105194912310003",
    })
    void withCheckDigitAppendsTheMod11CheckDigit(String first17, String expected) {
        assertThat(IdNumbers.withCheckDigit(first17)).isEqualTo(expected);
        assertThat(IdNumbers.isValid(expected)).isTrue();
    }

    @Test
    void everySingleDigitChangeIsDetected() {
        String valid = "320106198506123417";
        for (int i = 0; i < 18; i++) {
            for (char c = '0'; c <= '9'; c++) {
                if (c == valid.charAt(i)) {
                    continue;
                }
                String changed = valid.substring(0, i) + c + valid.substring(i + 1);
                assertThat(IdNumbers.isValid(changed)).as(changed).isFalse();
            }
        }
    }

    @Test
    void isValidAcceptsLowerCaseX() {
        assertThat(IdNumbers.isValid("11010519491231002x")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "110105194912310021",   // wrong check digit
        "11010519491231002",    // 17 characters
        "11010519491231002XX",  // 19 characters
        "110105491231002",      // a 15-digit old number is not valid as such
        "11010519491231A02X",   // a letter among the first 17
        "11010519491231002Y",   // neither digit nor X at the end
        "110105194902300012",   // 1949-02-30 (check digit 2 is right)
        "110105200102291232",   // 2001-02-29 (check digit 2 is right)
        "110105189912310015",   // 1899 (check digit 5 is right)
        " 11010519491231002X",  // isValid does not trim
    })
    void isValidRefuses(String id) {
        assertThat(IdNumbers.isValid(id)).isFalse();
    }

    @Test
    void isValidRefusesNull() {
        assertThat(IdNumbers.isValid(null)).isFalse();
    }

    @Test
    void leapDayBirthIsValid() {
        assertThat(IdNumbers.isValid("440304200002291236")).isTrue();
        assertThat(IdNumbers.birthDate("440304200002291236")).isEqualTo(LocalDate.of(2000, 2, 29));
    }

    @Test
    void upgrade15InsertsTheCenturyAndComputesTheCheckDigit() {
        assertThat(IdNumbers.upgrade15("110105491231002")).isEqualTo(VECTOR);
        assertThat(IdNumbers.upgrade15("320106850612341")).isEqualTo("320106198506123417");
    }

    @ParameterizedTest
    @ValueSource(strings = {"11010549123100", "1101054912310021", "11010549123100X"})
    void upgrade15RefusesAnythingButFifteenDigits(String id) {
        assertThatThrownBy(() -> IdNumbers.upgrade15(id)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1101051949123100", "110105194912310021", "1101051949123100X", "１１０１０５１９４９１２３１００２"})
    void checkDigitRefusesAnythingButSeventeenAsciiDigits(String first17) {
        assertThatThrownBy(() -> IdNumbers.checkDigit(first17)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "11010519491231002X|11010519491231002X",
        "11010519491231002x|11010519491231002X",
        "110105491231002|11010519491231002X",
        "１１０１０５１９４９１２３１００２Ｘ|11010519491231002X",
        "１１０１０５１９４９１２３１００２ｘ|11010519491231002X",
        "'\u3000 11010519491231002x\u00A0'|11010519491231002X",
        "320106198506123417|320106198506123417",
    })
    void normalizeGivesEighteenUpperCaseCharacters(String text, String expected) throws InvalidValueException {
        assertThat(IdNumbers.normalize(text)).isEqualTo(expected);
    }

    @Test
    void normalizeSaysWhichCheckDigitIsExpected() {
        assertThat(reason("110105194912310021"))
                .isEqualTo(new Reason("校验位错误，应为X", "check digit wrong, expected X"));
        assertThat(reason("320106198506123410"))
                .isEqualTo(new Reason("校验位错误，应为7", "check digit wrong, expected 7"));
    }

    @Test
    void normalizeHintsAtExcelWhenTheNumberEndsInZeros() {
        Reason r = reason("110105194912310000");
        assertThat(r.zh()).startsWith("校验位错误，应为3（").contains("Excel");
        assertThat(r.en()).startsWith("check digit wrong, expected 3 (").contains("format the column as text");
    }

    @Test
    void normalizeRefusesABirthDateThatIsNoRealDate() {
        assertThat(reason("110105194902300012")).isEqualTo(new Reason(
                "身份证号中的出生日期无效（应为1900年以后的真实日期）：19490230",
                "the birth date in the ID number is not a real date from 1900 on: 19490230"));
        assertThat(reason("110105189912310015")).isEqualTo(new Reason(
                "身份证号中的出生日期无效（应为1900年以后的真实日期）：18991231",
                "the birth date in the ID number is not a real date from 1900 on: 18991231"));
        assertThat(reason("110105491331002")).isEqualTo(new Reason(
                "身份证号中的出生日期无效（应为1900年以后的真实日期）：19491331",
                "the birth date in the ID number is not a real date from 1900 on: 19491331"));
    }

    @Test
    void normalizeNamesTheLengthItGot() {
        assertThat(reason("1101051949123100")).isEqualTo(new Reason(
                "身份证号应为18位（或15位旧号码），实际为16位",
                "an ID number must have 18 characters (or 15 digits for an old number), got 16"));
        assertThat(reason("110105 19491231002X")).isEqualTo(new Reason(
                "身份证号应为18位（或15位旧号码），实际为19位",
                "an ID number must have 18 characters (or 15 digits for an old number), got 19"));
    }

    @Test
    void normalizeRefusesWrongCharacters() {
        assertThat(reason("11010519491231A02X")).isEqualTo(
                new Reason("身份证号前17位应为数字", "the first 17 characters of an ID number must be digits"));
        assertThat(reason("11010519491231002Y")).isEqualTo(
                new Reason("身份证号末位应为数字或X", "the last character of an ID number must be a digit or X"));
        assertThat(reason("11010549123100X")).isEqualTo(
                new Reason("15位旧身份证号应全部为数字", "a 15-character old ID number must be all digits"));
    }

    @Test
    void normalizeRecognisesANumberExcelWroteInScientificNotation() {
        assertThat(reason("1.10105E+17").en()).startsWith("Excel stored the ID number as a number and lost its last digits");
        assertThat(reason("1.10105E+17").zh()).isEqualTo("身份证号被Excel存为数值，已丢失末尾数字；请将该列设为文本格式后重新录入");
    }

    @Test
    void normalizeRefusesAnEmptyNumber() {
        assertThat(reason(" \u3000")).isEqualTo(new Reason("身份证号为空", "ID number is empty"));
    }

    @Test
    void birthDateOfEighteenAndFifteenDigitNumbers() {
        assertThat(IdNumbers.birthDate(VECTOR)).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(IdNumbers.birthDate("110105491231002")).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThatThrownBy(() -> IdNumbers.birthDate("110105194902300012")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IdNumbers.birthDate("1101051949")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void genderFromTheSequenceDigit() {
        assertThat(IdNumbers.gender(VECTOR)).isEqualTo("F");          // sequence 002
        assertThat(IdNumbers.gender("320106198506123417")).isEqualTo("M"); // sequence 341
        assertThat(IdNumbers.gender("110105491231001")).isEqualTo("M");
    }

    private static Reason reason(String text) {
        try {
            String id = IdNumbers.normalize(text);
            return fail("expected an error for \"" + text + "\", got " + id);
        } catch (InvalidValueException e) {
            return e.reason();
        }
    }
}
