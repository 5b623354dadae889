package sunshine.contract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContractFolderTest {

    private static final DataContract CONTRACT = DataContract.standard();

    @TempDir
    Path dir;

    private Path touch(String name) throws IOException {
        return Files.writeString(dir.resolve(name), "x\n");
    }

    @Test
    void findsOneFilePerDatasetInDependencyOrder() throws IOException {
        Path payments = touch("payments.csv");
        Path regions = touch("regions.xlsx");
        Path persons = touch("Persons.XLS");
        Path households = touch("households.csv");
        touch("notes.txt");
        touch("payments.txt");
        touch("~$regions.xlsx");
        Files.createDirectory(dir.resolve("enrollments.csv"));

        Map<Dataset, Path> found = ContractFolder.find(dir, CONTRACT);

        assertThat(found.keySet()).extracting(Dataset::name)
                .containsExactly("regions", "households", "persons", "payments");
        assertThat(found.values()).containsExactly(regions, households, persons, payments);
        assertThat(ContractFolder.unknownFiles(dir, CONTRACT)).containsExactly(
                dir.resolve("notes.txt"), dir.resolve("payments.txt"), dir.resolve("~$regions.xlsx"));
    }

    @Test
    void twoFilesForOneDatasetAreRefused() throws IOException {
        touch("payments.csv");
        touch("payments.xlsx");
        assertThatThrownBy(() -> ContractFolder.find(dir, CONTRACT))
                .isInstanceOfSatisfying(ContractFileException.class, e -> assertThat(e.reason()).isEqualTo(new Reason(
                        "数据集payments（资金发放）有多个文件：payments.csv、payments.xlsx；每个数据集只能有一个文件",
                        "dataset payments has more than one file: payments.csv, payments.xlsx; give one file per "
                                + "dataset")));
    }

    @Test
    void emptyFolder() {
        assertThat(ContractFolder.find(dir, CONTRACT)).isEmpty();
        assertThat(ContractFolder.unknownFiles(dir, CONTRACT)).isEqualTo(List.of());
    }
}
