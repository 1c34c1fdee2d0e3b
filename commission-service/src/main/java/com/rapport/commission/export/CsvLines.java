package com.rapport.commission.export;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * RFC 4180 lines (CRLF, quotes where a value needs them), written a record or a batch at a time so exports can stream.
 * Every cell is neutralised against formula injection (OWASP "CSV Injection"): text starting with {@code =},
 * {@code +}, {@code -}, {@code @}, a tab or a carriage return gets a leading single quote, so a spreadsheet shows it as
 * text instead of running it. Numbers stay numbers: a {@link BigDecimal} (and a plain decimal string such as
 * {@code -12.50}) is written as it is.
 */
public final class CsvLines {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180;

    private CsvLines() {
    }

    public static String line(Object... values) {
        return FORMAT.format(Arrays.stream(values).map(CsvLines::cell).toArray()) + "\r\n";
    }

    /**
     * A streamed export: a header, then the records of each stored entry, a batch of lines per buffer. The entries are
     * turned into lines on another thread than the database driver's, so that the cursor's next batch is on its way
     * while this one is written; at most a few batches are in memory, however many entries there are.
     */
    public static <T> Flux<DataBuffer> streamed(Object[] header, Flux<T> entries,
                                                Function<T, ? extends Iterable<Object[]>> records, int batchSize,
                                                DataBufferFactory buffers) {
        Flux<Object[]> rows = entries.publishOn(Schedulers.parallel(), 2 * batchSize).concatMapIterable(records);
        return Flux.concat(Flux.<Object[]>just(header), rows)
                .buffer(batchSize)
                .map(batch -> buffers.wrap(lines(batch).getBytes(StandardCharsets.UTF_8)));
    }

    /** Many records at once, through one printer: what a streamed export writes per batch. */
    public static String lines(List<Object[]> records) {
        StringBuilder text = new StringBuilder(records.size() * 200);
        try {
            CSVPrinter printer = new CSVPrinter(text, FORMAT);
            for (Object[] values : records) {
                Object[] cells = new Object[values.length];
                for (int i = 0; i < values.length; i++) {
                    cells[i] = cell(values[i]);
                }
                printer.printRecord(cells);
            }
        } catch (IOException cannotHappen) {
            // a StringBuilder does not fail
            throw new UncheckedIOException(cannotHappen);
        }
        return text.toString();
    }

    /** The text a value is written as: numbers as plain decimals, text made safe for spreadsheets. */
    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal number) {
            return number.toPlainString();
        }
        if (value instanceof Number number) {
            return number.toString();
        }
        return neutralised(value.toString());
    }

    static String neutralised(String text) {
        if (text.isEmpty() || isPlainDecimal(text)) {
            return text;
        }
        char first = text.charAt(0);
        boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t'
                || first == '\r';
        return formula ? "'" + text : text;
    }

    /** {@code -?\d+(\.\d+)?}, without a regular expression: exports ask this of every cell. */
    static boolean isPlainDecimal(String text) {
        int i = text.startsWith("-") ? 1 : 0;
        int digits = digitsFrom(text, i);
        if (digits == 0) {
            return false;
        }
        i += digits;
        if (i == text.length()) {
            return true;
        }
        if (text.charAt(i) != '.') {
            return false;
        }
        int fraction = digitsFrom(text, i + 1);
        return fraction > 0 && i + 1 + fraction == text.length();
    }

    private static int digitsFrom(String text, int start) {
        int i = start;
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        return i - start;
    }
}
