package com.rapport.commission.export;

import com.rapport.commission.payout.PayoutBatchView;
import com.rapport.commission.payout.PayoutDetailsDirectory.PayoutDetails;

import java.util.Map;

/** A batch as CSV for accounting: one line a partner and currency, with the account it is paid to when known. */
final class BatchCsvExport {

    static final String[] HEADER = {"batchId", "asOf", "status", "partnerId", "currency", "amount", "accountHolder",
            "iban", "bic"};

    private BatchCsvExport() {
    }

    static String write(PayoutBatchView batch, Map<String, PayoutDetails> details) {
        StringBuilder csv = new StringBuilder(CsvLines.line((Object[]) HEADER));
        for (PayoutBatchView.Line line : batch.lines()) {
            PayoutDetails account = details.get(line.partnerId());
            csv.append(CsvLines.line(batch.batchId(), batch.asOf(), batch.status(), line.partnerId(),
                    line.currency(), line.amount().amount(),
                    account == null ? null : account.accountHolder(), account == null ? null : account.iban(),
                    account == null ? null : account.bic()));
        }
        return csv.toString();
    }
}
