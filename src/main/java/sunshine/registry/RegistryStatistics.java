package sunshine.registry;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Figures about what the registry holds, for the overview screens. */
public interface RegistryStatistics {

    /** Rows of every dataset table, in the contract's order. */
    Map<String, Long> rowCounts();

    /** ACTIVE enrollments per program: enrollments, covered persons and the monthly amount they are approved for. */
    List<ProgramFigures> activeByProgram();

    /** The same, of the households within the actor's region only. */
    List<ProgramFigures> activeByProgram(sunshine.security.Actor actor);

    /**
     * One program's ACTIVE enrollments.
     *
     * @param program        the program code (DIBAO_URBAN ...)
     * @param enrollments    ACTIVE enrollments
     * @param coveredPersons their covered members
     * @param monthlyAmount  the sum of their monthly amounts, in yuan
     */
    record ProgramFigures(String program, long enrollments, long coveredPersons, BigDecimal monthlyAmount) {

        /** Monthly amount per covered person, to the cent (zero when nobody is covered). */
        public BigDecimal perPerson() {
            return coveredPersons == 0 ? BigDecimal.ZERO
                    : monthlyAmount.divide(BigDecimal.valueOf(coveredPersons), 2, java.math.RoundingMode.HALF_UP);
        }
    }
}
