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
import com.prowidesoftware.swift.model.mx.dic.RemittanceInformation16;
import com.rapport.commission.payout.BankAccount;
import com.rapport.commission.payout.PayoutBatchView;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An ISO 20022 pain.001.001.09 customer credit transfer initiation for the EUR lines of a batch, built with Prowide's
 * model (never hand-written XML): one payment instruction debiting the business's account, one credit transfer per
 * partner, control sums in the group header and the instruction.
 */
final class Pain001Writer {

    /** ISO 20022 Max35Text identifiers. */
    private static final int MAX_ID = 35;
    /** Unstructured remittance information is Max140Text. */
    private static final int MAX_REMITTANCE = 140;
    static final String CURRENCY = "EUR";

    private Pain001Writer() {
    }

    /** A EUR line with the account it goes to. */
    record Transfer(String partnerId, BigDecimal amount, BankAccount creditor) {
    }

    static List<PayoutBatchView.Line> eurLines(PayoutBatchView batch) {
        return batch.lines().stream().filter(line -> CURRENCY.equals(line.currency())).toList();
    }

    static String write(PayoutBatchView batch, List<Transfer> transfers, BankAccount debtor,
                        OffsetDateTime createdAt, LocalDate executionDate) {
        BigDecimal controlSum = transfers.stream().map(Transfer::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        String batchKey = batch.batchId().replace("-", "");
        GroupHeader85 header = new GroupHeader85()
                .setMsgId(id("RAPPORT" + batchKey))
                .setCreDtTm(createdAt)
                .setNbOfTxs(String.valueOf(transfers.size()))
                .setCtrlSum(controlSum)
                .setInitgPty(new PartyIdentification135().setNm(debtor.accountHolder()));
        PaymentInstruction30 instruction = new PaymentInstruction30()
                .setPmtInfId(id(batchKey))
                .setPmtMtd(PaymentMethod3Code.TRF)
                .setNbOfTxs(String.valueOf(transfers.size()))
                .setCtrlSum(controlSum)
                .setReqdExctnDt(new DateAndDateTime2Choice().setDt(executionDate))
                .setDbtr(new PartyIdentification135().setNm(debtor.accountHolder()))
                .setDbtrAcct(account(debtor.iban()))
                .setDbtrAgt(agent(debtor.bic()))
                .setChrgBr(ChargeBearerType1Code.SLEV);
        for (Transfer transfer : transfers) {
            String endToEnd = id(transfer.partnerId().replace("-", ""));
            CreditTransferTransaction34 credit = new CreditTransferTransaction34()
                    .setPmtId(new PaymentIdentification6().setInstrId(endToEnd).setEndToEndId(endToEnd))
                    .setAmt(new AmountType4Choice().setInstdAmt(new ActiveOrHistoricCurrencyAndAmount()
                            .setValue(transfer.amount()).setCcy(CURRENCY)))
                    .setCdtr(new PartyIdentification135().setNm(transfer.creditor().accountHolder()))
                    .setCdtrAcct(account(transfer.creditor().iban()))
                    .setRmtInf(new RemittanceInformation16().addUstrd(text("Commission payout, batch "
                            + batch.batchId() + ", payable by " + batch.asOf())));
            if (transfer.creditor().bic() != null) {
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

    private static String id(String value) {
        return value.length() <= MAX_ID ? value : value.substring(0, MAX_ID);
    }

    private static String text(String value) {
        return value.length() <= MAX_REMITTANCE ? value : value.substring(0, MAX_REMITTANCE);
    }
}
