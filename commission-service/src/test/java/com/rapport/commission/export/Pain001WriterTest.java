package com.rapport.commission.export;

import com.prowidesoftware.swift.model.mx.MxPain00100109;
import com.prowidesoftware.swift.model.mx.dic.CreditTransferTransaction34;
import com.prowidesoftware.swift.model.mx.dic.PaymentInstruction30;
import com.rapport.commission.payout.BankAccount;
import com.rapport.commission.payout.BatchStatus;
import com.rapport.commission.payout.PayoutBatchView;
import com.rapport.events.money.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The pain.001.001.09 file is built with Prowide's model and read back through it with every field intact. */
class Pain001WriterTest {

    private static final BankAccount DEBTOR = BankAccount.validated("Rapport Agency Ltd", "DE89370400440532013000",
            "COBADEFFXXX");

    @Test
    void everyEuroLineTravelsWithItsAmountIbanAndNameAndTheControlSumsAddUp() {
        PayoutBatchView batch = new PayoutBatchView("0b6f0e52-6a37-4b5e-9f5e-2f1e6f6e7a01",
                LocalDate.parse("2026-11-15"), BatchStatus.OPEN, List.of(
                new PayoutBatchView.Line("partner-a", "EUR", Money.of("1000.00", "EUR")),
                new PayoutBatchView.Line("partner-b", "JPY", Money.of("5000", "JPY")),
                new PayoutBatchView.Line("partner-c", "EUR", Money.of("0.01", "EUR"))),
                List.of(), Instant.parse("2026-11-16T09:00:00Z"), null);
        List<Pain001Writer.Transfer> transfers = List.of(
                new Pain001Writer.Transfer("partner-a", new BigDecimal("1000.00"),
                        BankAccount.validated("Agence Dupont & Fils", "FR14 2004 1010 0505 0001 3M02 606", null)),
                new Pain001Writer.Transfer("partner-c", new BigDecimal("0.01"),
                        BankAccount.validated("Müller <GmbH>", "DE89370400440532013000", "COBADEFFXXX")));
        assertThat(Pain001Writer.eurLines(batch)).extracting(PayoutBatchView.Line::partnerId)
                .containsExactly("partner-a", "partner-c");

        String xml = Pain001Writer.write(batch, transfers, DEBTOR, OffsetDateTime.parse("2026-11-16T09:00:00Z"),
                LocalDate.parse("2026-11-17"));
        MxPain00100109 read = MxPain00100109.parse(xml);

        assertThat(xml).contains("urn:iso:std:iso:20022:tech:xsd:pain.001.001.09");
        var header = read.getCstmrCdtTrfInitn().getGrpHdr();
        assertThat(header.getNbOfTxs()).isEqualTo("2");
        assertThat(header.getCtrlSum()).isEqualByComparingTo("1000.01");
        assertThat(header.getMsgId()).hasSizeLessThanOrEqualTo(35);
        PaymentInstruction30 instruction = read.getCstmrCdtTrfInitn().getPmtInf().get(0);
        assertThat(instruction.getCtrlSum()).isEqualByComparingTo("1000.01");
        assertThat(instruction.getReqdExctnDt().getDt()).isEqualTo(LocalDate.parse("2026-11-17"));
        assertThat(instruction.getDbtr().getNm()).isEqualTo("Rapport Agency Ltd");
        assertThat(instruction.getDbtrAcct().getId().getIBAN()).isEqualTo("DE89370400440532013000");
        assertThat(instruction.getDbtrAgt().getFinInstnId().getBICFI()).isEqualTo("COBADEFFXXX");

        List<CreditTransferTransaction34> credits = instruction.getCdtTrfTxInf();
        assertThat(credits).hasSize(2);
        assertThat(credits.get(0).getAmt().getInstdAmt().getValue()).isEqualByComparingTo("1000.00");
        assertThat(credits.get(0).getAmt().getInstdAmt().getCcy()).isEqualTo("EUR");
        assertThat(credits.get(0).getCdtrAcct().getId().getIBAN()).isEqualTo("FR1420041010050500013M02606");
        assertThat(credits.get(0).getCdtr().getNm()).isEqualTo("Agence Dupont & Fils");
        assertThat(credits.get(0).getCdtrAgt()).isNull();
        assertThat(credits.get(1).getAmt().getInstdAmt().getValue()).isEqualByComparingTo("0.01");
        assertThat(credits.get(1).getCdtrAcct().getId().getIBAN()).isEqualTo("DE89370400440532013000");
        assertThat(credits.get(1).getCdtr().getNm()).isEqualTo("Müller <GmbH>");
        assertThat(credits.get(1).getCdtrAgt().getFinInstnId().getBICFI()).isEqualTo("COBADEFFXXX");
        assertThat(credits).extracting(c -> c.getPmtId().getEndToEndId()).doesNotHaveDuplicates();
    }
}
