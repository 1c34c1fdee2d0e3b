package com.rapport.commission.export;

import org.apache.commons.csv.CSVFormat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * RFC 4180 lines (CRLF, quotes where a value needs them) written one record at a time, so exports can stream.
 * Every cell is neutralised against formula injection (OWASP "CSV Injection"): text starting with {@code =},
 * {@code +}, {@code -}, {@code @}, a tab or a carriage return gets a leading single quote, so a spreadsheet shows it as
 * text instead of running it. Numbers stay numbers: a {@link BigDecimal} (and a plain decimal string such as
 * {@code -12.50}) is written as it is.
 */
public final class CsvLines {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180;
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");

    private CsvLines() {
    }

    public static String line(Object... values) {
        return FORMAT.format(Arrays.stream(values).map(CsvLines::cell).toArray()) + "\r\n";
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
        if (text.isEmpty() || PLAIN_DECIMAL.matcher(text).matches()) {
            return text;
        }
        char first = text.charAt(0);
        boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t'
                || first == '\r';
        return formula ? "'" + text : text;
    }
}
