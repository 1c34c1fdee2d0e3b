package com.rapport.commission.export;

import org.apache.commons.csv.CSVFormat;

import java.util.Arrays;

/** RFC 4180 lines (CRLF, quotes where a value needs them) written one record at a time, so exports can stream. */
final class CsvLines {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180;

    private CsvLines() {
    }

    static String line(Object... values) {
        return FORMAT.format(Arrays.stream(values).map(v -> v == null ? "" : v).toArray()) + "\r\n";
    }
}
