package com.rapport.commission.export;

import com.prowidesoftware.swift.model.mx.MxPain00100109;
import com.prowidesoftware.swift.model.mx.MxWriteConfiguration;
import com.prowidesoftware.swift.model.mx.dic.AccountIdentification4Choice;
import com.prowidesoftware.swift.model.mx.dic.ActiveOrHistoricCurrencyAndAmount;
import com.prowidesoftware.swift.model.mx.dic.AmountType4Choice;
import com.prowidesoftware.swift.model.mx.dic.BranchAndFinancialInstitutionIdentification6;
import com.prowidesoftware.swift.model.mx.dic.CashAccount38;
import com.prowidesoftware.swift.model.mx.dic.ChargeBearerType1Code;
import com.prowidesoftware.swift.model.mx.dic.CreditTransferTransaction34;
import com.prowidesoftware.swift.model.mx.dic.CustomerCreditTransferInitiationV09;
import com.prowidesoftware.swift.model.mx.dic.DateAndDateTime2Choice;
import com.prowidesoftware.swift.model.mx.dic.FinancialInstitutionIdentification18;
import com.prowidesoftware.swift.model.mx.dic.GenericFinancialIdentification1;
import com.prowidesoftware.swift.model.mx.dic.GroupHeader85;
import com.prowidesoftware.swift.model.mx.dic.PartyIdentification135;
import com.prowidesoftware.swift.model.mx.dic.PaymentIdentification6;
import com.prowidesoftware.swift.model.mx.dic.PaymentInstruction30;
import com.prowidesoftware.swift.model.mx.dic.PaymentMethod3Code;
import com.prowidesoftware.swift.model.mx.dic.PaymentTypeInformation26;
import com.prowidesoftware.swift.model.mx.dic.RemittanceInformation16;
import com.prowidesoftware.swift.model.mx.dic.ServiceLevel8Choice;
import com.rapport.commission.payout.BankAccount;
import com.rapport.commission.payout.PayoutBatchView;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An ISO 20022 pain.001.001.09 customer credit transfer initiation for the lines of a batch in one currency, built
 * with Prowide's model (never hand-written XML): one payment instruction debiting the business's account, one credit
 * transfer per partner, control sums in the group header and the instruction. EUR is a SEPA credit transfer (EPC
 * SCT rulebook 2023: service level SEPA, charges SLEV, names and texts transliterated into the SEPA character set);
 * any other currency a plain ISO 20022 credit transfer (charges shared). Every identifier is derived from the batch
 * (and currency, and partner for a line), so a file written again carries the same ids, and an EndToEndId is unique
 * per line and batch.
 */
final class Pain001Writer {

    /** ISO 20022 Max35Text identifiers. */
    private static final int MAX_ID = 35;
    /** Unstructured remittance information is Max140Text. */
    private static final int MAX_REMITTANCE = 140;
    /** The EPC rulebook allows 70 characters of a party's name. */
    private static final int MAX_SEPA_NAME = 70;
    private static final int MAX_NAME = 140;
    static final String CURRENCY = "EUR";
    static final String SEPA_CURRENCY = "EUR";

    /** Letters the Unicode decomposition does not reduce to Latin ones, spelled as the EPC's guidance suggests. */
    private static final Map<String, String> SPELLED = Map.ofEntries(Map.entry("ß", "ss"), Map.entry("Æ", "AE"),
            Map.entry("æ", "ae"), Map.entry("Ø", "O"), Map.entry("ø", "o"), Map.entry("Œ", "OE"),
            Map.entry("œ", "oe"), Map.entry("Ł", "L"), Map.entry("ł", "l"), Map.entry("Đ", "D"),
            Map.entry("đ", "d"), Map.entry("Þ", "TH"), Map.entry("þ", "th"), Map.entry("ð", "d"),
            Map.entry("ı", "i"), Map.entry("&", "+"), Map.entry("’", "'"), Map.entry("‘", "'"),
            Map.entry("„", "'"), Map.entry("“", "'"), Map.entry("”", "'"), Map.entry("\"", "'"),
            Map.entry("–", "-"), Map.entry("—", "-"), Map.entry("_", "-"));

    private Pain001Writer() {
    }

    /** A line with the account it goes to. */
    record Transfer(String partnerId, BigDecimal amount, BankAccount creditor) {
    }

    static List<PayoutBatchView.Line> eurLines(PayoutBatchView batch) {
        return linesIn(batch, CURRENCY);
    }

    static List<PayoutBatchView.Line> linesIn(PayoutBatchView batch, String currency) {
        return batch.lines().stream().filter(line -> currency.equals(line.currency())).toList();
    }

    static String write(PayoutBatchView batch, List<Transfer> transfers, BankAccount debtor,
                        OffsetDateTime createdAt, LocalDate executionDate) {
        return write(batch, CURRENCY, transfers, debtor, createdAt, executionDate);
    }

    static String write(PayoutBatchView batch, String currency, List<Transfer> transfers, BankAccount debtor,
                        OffsetDateTime createdAt, LocalDate executionDate) {
        boolean sepa = SEPA_CURRENCY.equals(currency);
        BigDecimal controlSum = transfers.stream().map(Transfer::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        String messageId = key("M", batch.batchId() + "/" + currency);
        GroupHeader85 header = new GroupHeader85()
                .setMsgId(messageId)
                .setCreDtTm(createdAt)
                .setNbOfTxs(String.valueOf(transfers.size()))
                .setCtrlSum(controlSum)
                .setInitgPty(new PartyIdentification135().setNm(name(debtor.accountHolder(), sepa)));
        PaymentInstruction30 instruction = new PaymentInstruction30()
                .setPmtInfId(key("P", batch.batchId() + "/" + currency))
                .setPmtMtd(PaymentMethod3Code.TRF)
                .setNbOfTxs(String.valueOf(transfers.size()))
                .setCtrlSum(controlSum)
                .setReqdExctnDt(new DateAndDateTime2Choice().setDt(executionDate))
                .setDbtr(new PartyIdentification135().setNm(name(debtor.accountHolder(), sepa)))
                .setDbtrAcct(account(debtor.iban()))
                .setDbtrAgt(agent(debtor.bic()))
                .setChrgBr(sepa ? ChargeBearerType1Code.SLEV : ChargeBearerType1Code.SHAR);
        if (sepa) {
            instruction.setPmtTpInf(new PaymentTypeInformation26()
                    .addSvcLvl(new ServiceLevel8Choice().setCd("SEPA")));
        }
        for (Transfer transfer : transfers) {
            String endToEnd = key("E", batch.batchId() + "/" + transfer.partnerId() + "/" + currency);
            CreditTransferTransaction34 credit = new CreditTransferTransaction34()
                    .setPmtId(new PaymentIdentification6().setInstrId(endToEnd).setEndToEndId(endToEnd))
                    .setAmt(new AmountType4Choice().setInstdAmt(new ActiveOrHistoricCurrencyAndAmount()
                            .setValue(transfer.amount()).setCcy(currency)))
                    .setCdtr(new PartyIdentification135().setNm(name(transfer.creditor().accountHolder(), sepa)))
                    .setCdtrAcct(account(transfer.creditor().iban()))
                    .setRmtInf(new RemittanceInformation16().addUstrd(text("Commission payout, batch "
                            + batch.batchId() + ", payable by " + batch.asOf(), sepa)));
            if (transfer.creditor().bic() != null && !transfer.creditor().bic().isBlank()) {
                credit.setCdtrAgt(agent(transfer.creditor().bic()));
            }
            instruction.addCdtTrfTxInf(credit);
        }
        MxPain00100109 message = new MxPain00100109().setCstmrCdtTrfInitn(
                new CustomerCreditTransferInitiationV09().setGrpHdr(header).addPmtInf(instruction));
        MxWriteConfiguration configuration = new MxWriteConfiguration();
        configuration.documentPrefix = null;
        return message.message(configuration);
    }

    /**
     * Text in the SEPA character set ({@code a-z A-Z 0-9 / - ? : ( ) . , ' +} and space): accents dropped, a few
     * letters spelled out, anything else a space; runs of spaces collapsed.
     */
    static String sepaText(String value) {
        StringBuilder spelled = new StringBuilder();
        value.codePoints().forEach(c -> {
            String character = new String(Character.toChars(c));
            spelled.append(SPELLED.getOrDefault(character, character));
        });
        String stripped = Normalizer.normalize(spelled, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        StringBuilder sepa = new StringBuilder();
        for (char c : stripped.toCharArray()) {
            boolean allowed = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || "/-?:().,'+ ".indexOf(c) >= 0;
            sepa.append(allowed ? c : ' ');
        }
        String collapsed = sepa.toString().replaceAll(" {2,}", " ").trim();
        return collapsed.isEmpty() ? "NOTPROVIDED" : collapsed;
    }

    private static String name(String value, boolean sepa) {
        return sepa ? cut(sepaText(value), MAX_SEPA_NAME) : cut(value.strip(), MAX_NAME);
    }

    private static String text(String value, boolean sepa) {
        return cut(sepa ? sepaText(value) : value, MAX_REMITTANCE);
    }

    /** A Max35Text identifier derived from {@code source}: a prefix and 32 hex digits. */
    private static String key(String prefix, String source) {
        return cut(prefix + UUID.nameUUIDFromBytes(source.getBytes(StandardCharsets.UTF_8)).toString()
                .replace("-", ""), MAX_ID);
    }

    private static String cut(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }

    private static CashAccount38 account(String iban) {
        return new CashAccount38().setId(new AccountIdentification4Choice().setIBAN(iban));
    }

    /** A BIC when known; "NOTPROVIDED" otherwise, as SEPA rulebooks ask. */
    private static BranchAndFinancialInstitutionIdentification6 agent(String bic) {
        FinancialInstitutionIdentification18 institution = new FinancialInstitutionIdentification18();
        if (bic == null || bic.isBlank()) {
            institution.setOthr(new GenericFinancialIdentification1().setId("NOTPROVIDED"));
        } else {
            institution.setBICFI(bic);
        }
        return new BranchAndFinancialInstitutionIdentification6().setFinInstnId(institution);
    }
}
