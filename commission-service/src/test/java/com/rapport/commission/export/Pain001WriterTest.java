package com.rapport.commission.export;

import com.prowidesoftware.swift.model.mx.MxPain00100109;
import com.prowidesoftware.swift.model.mx.dic.CreditTransferTransaction34;
import com.prowidesoftware.swift.model.mx.dic.PaymentInstruction30;
import com.rapport.commission.payout.BankAccount;
import com.rapport.commission.payout.BatchStatus;
import com.rapport.commission.payout.PayoutBatchView;
import com.rapport.events.money.Money;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The pain.001.001.09 file is built with Prowide's model and read back through it with every field intact; a EUR
 * file validates against the EPC SEPA schema.
 */
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
        // SEPA character set: '&' becomes '+', umlauts and other characters are transliterated
        assertThat(credits.get(0).getCdtr().getNm()).isEqualTo("Agence Dupont + Fils");
        assertThat(credits.get(0).getCdtrAgt()).isNull();
        assertThat(credits.get(1).getAmt().getInstdAmt().getValue()).isEqualByComparingTo("0.01");
        assertThat(credits.get(1).getCdtrAcct().getId().getIBAN()).isEqualTo("DE89370400440532013000");
        assertThat(credits.get(1).getCdtr().getNm()).isEqualTo("Muller GmbH");
        assertThat(credits.get(1).getCdtrAgt().getFinInstnId().getBICFI()).isEqualTo("COBADEFFXXX");
        assertThat(credits).extracting(c -> c.getPmtId().getEndToEndId()).doesNotHaveDuplicates();
        assertThat(instruction.getPmtTpInf().getSvcLvl().get(0).getCd()).isEqualTo("SEPA");
    }

    @Nested
    class Sepa {

        @Test
        void aEuroFileValidatesAgainstTheEpcSchema() throws Exception {
            String xml = Pain001Writer.write(BATCH, "EUR", List.of(
                    new Pain001Writer.Transfer("partner-a", new BigDecimal("1000.00"), BankAccount.validated(
                            "Ærøskøbing Łódź Straße – “Ñandú” & Søn", "FR14 2004 1010 0505 0001 3M02 606", null)),
                    new Pain001Writer.Transfer("partner-c", new BigDecimal("0.01"), BankAccount.validated(
                            "北京 Trading", "DE89370400440532013000", "COBADEFFXXX"))),
                    DEBTOR, OffsetDateTime.parse("2026-11-16T09:00:00Z"), LocalDate.parse("2026-11-17"));
            epcSchema().newValidator().validate(new StreamSource(new StringReader(xml)));
            MxPain00100109 read = MxPain00100109.parse(xml);
            List<String> names = read.getCstmrCdtTrfInitn().getPmtInf().get(0).getCdtTrfTxInf().stream()
                    .map(c -> c.getCdtr().getNm()).toList();
            assertThat(names).containsExactly("AEroskobing Lodz Strasse - 'Nandu' + Son", "Trading");
            assertThat(names).allMatch(name -> name.matches("[A-Za-z0-9/\\-?:().,'+ ]+"));
        }

        @Test
        void endToEndIdsDifferPerLineAndPerBatch() {
            PayoutBatchView other = new PayoutBatchView("7c1e2d3f-0000-4b5e-9f5e-2f1e6f6e7a01", BATCH.asOf(),
                    BatchStatus.OPEN, BATCH.lines(), List.of(), BATCH.createdAt(), null);
            List<String> ids = new java.util.ArrayList<>();
            for (PayoutBatchView batch : List.of(BATCH, other)) {
                String xml = Pain001Writer.write(batch, "EUR", TRANSFERS, DEBTOR,
                        OffsetDateTime.parse("2026-11-16T09:00:00Z"), LocalDate.parse("2026-11-17"));
                MxPain00100109.parse(xml).getCstmrCdtTrfInitn().getPmtInf().get(0).getCdtTrfTxInf()
                        .forEach(c -> ids.add(c.getPmtId().getEndToEndId()));
            }
            assertThat(ids).hasSize(4).doesNotHaveDuplicates().allMatch(id -> id.length() <= 35);
        }

        @Test
        void transliterationKeepsOnlyTheSepaCharacterSet() {
            assertThat(Pain001Writer.sepaText("Café Ünïcødé; <b>&amp;</b> 100%")).isEqualTo("Cafe Unicode b +amp /b 100");
            assertThat(Pain001Writer.sepaText("東京")).isEqualTo("NOTPROVIDED");
        }
    }

    @Nested
    class OtherCurrencies {

        @Test
        void aYenFileIsAPlainCreditTransferInThatCurrency() {
            String xml = Pain001Writer.write(BATCH, "JPY", List.of(new Pain001Writer.Transfer("partner-b",
                            new BigDecimal("5000"), BankAccount.validated("Yamada Shoji KK", "DE89370400440532013000",
                            "COBADEFFXXX"))), DEBTOR, OffsetDateTime.parse("2026-11-16T09:00:00Z"),
                    LocalDate.parse("2026-11-17"));
            MxPain00100109 read = MxPain00100109.parse(xml);
            PaymentInstruction30 instruction = read.getCstmrCdtTrfInitn().getPmtInf().get(0);
            assertThat(instruction.getPmtTpInf()).isNull();
            assertThat(instruction.getChrgBr().value()).isEqualTo("SHAR");
            assertThat(instruction.getCtrlSum()).isEqualByComparingTo("5000");
            CreditTransferTransaction34 credit = instruction.getCdtTrfTxInf().get(0);
            assertThat(credit.getAmt().getInstdAmt().getCcy()).isEqualTo("JPY");
            assertThat(credit.getAmt().getInstdAmt().getValue()).isEqualByComparingTo("5000");
            assertThat(credit.getCdtrAgt().getFinInstnId().getBICFI()).isEqualTo("COBADEFFXXX");
            assertThat(read.getCstmrCdtTrfInitn().getGrpHdr().getMsgId())
                    .isNotEqualTo(MxPain00100109.parse(Pain001Writer.write(BATCH, "EUR", TRANSFERS, DEBTOR,
                            OffsetDateTime.parse("2026-11-16T09:00:00Z"), LocalDate.parse("2026-11-17")))
                            .getCstmrCdtTrfInitn().getGrpHdr().getMsgId());
            // the EPC schema allows EUR only: a yen file is not a SEPA file
            assertThatThrownBy(() -> epcSchema().newValidator().validate(new StreamSource(new StringReader(xml))))
                    .isInstanceOf(org.xml.sax.SAXException.class);
        }
    }

    static final PayoutBatchView BATCH = new PayoutBatchView("0b6f0e52-6a37-4b5e-9f5e-2f1e6f6e7a01",
            LocalDate.parse("2026-11-15"), BatchStatus.OPEN, List.of(
            new PayoutBatchView.Line("partner-a", "EUR", Money.of("1000.00", "EUR")),
            new PayoutBatchView.Line("partner-b", "JPY", Money.of("5000", "JPY")),
            new PayoutBatchView.Line("partner-c", "EUR", Money.of("0.01", "EUR"))),
            List.of(), Instant.parse("2026-11-16T09:00:00Z"), null);
    static final List<Pain001Writer.Transfer> TRANSFERS = List.of(
            new Pain001Writer.Transfer("partner-a", new BigDecimal("1000.00"),
                    BankAccount.validated("Agence Dupont", "FR14 2004 1010 0505 0001 3M02 606", null)),
            new Pain001Writer.Transfer("partner-c", new BigDecimal("0.01"),
                    BankAccount.validated("Muller GmbH", "DE89370400440532013000", "COBADEFFXXX")));

    /** The EPC's SEPA Credit Transfer schema (2023) from the shared design folder. */
    static Schema epcSchema() throws Exception {
        Path xsd = Path.of("..", "..", "shared", "schemas", "pain.001.001.09-epc-sct-2023.xsd");
        if (!Files.exists(xsd)) {
            xsd = Path.of("/work/shared/schemas/pain.001.001.09-epc-sct-2023.xsd");
        }
        return SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(xsd.toFile());
    }
}
