package com.rapport.commission.invoice;

import com.rapport.commission.config.CommissionProperties;
import com.rapport.commission.ledger.LedgerEntry;
import com.rapport.commission.ledger.LedgerEntryDocument;
import com.rapport.commission.ledger.LedgerQueries;
import com.rapport.commission.partner.ClientCompanies;
import com.rapport.commission.partner.Partner;
import com.rapport.commission.partner.PartnerDirectory;
import com.rapport.commission.payout.BatchLine;
import com.rapport.commission.payout.PayoutBatchPaid;
import com.rapport.commission.taxprofile.TaxProfile;
import com.rapport.commission.taxprofile.TaxProfiles;
import com.rapport.events.money.Money;
import com.rapport.support.id.PartnerId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Issues the self-billing invoices of a confirmed batch: one per line (partner, currency). A tracking processor
 * whose failures propagate, so after a crash or a failed write it catches up from the last batch it finished; the
 * register answers an invoice it already issued with the same number, so repeating a batch issues nothing twice.
 * The invoice is dated the day the batch was paid (in the event, so a retry dates it the same), and that day's year
 * picks the register.
 */
@Component
@ProcessingGroup(InvoiceIssuer.GROUP)
// not @DisallowReplay: Axon starts a processor without a token as a replay up to the head, so the events stored
// before its first start would never be sent. A rebuild never resets this group (ReadModelReplay resets only the
// groups it is given).
class InvoiceIssuer {

    static final String GROUP = "invoicing";

    private static final Logger log = LoggerFactory.getLogger(InvoiceIssuer.class);

    private final CommandGateway commands;
    private final ReactiveMongoTemplate mongo;
    private final TaxProfiles taxProfiles;
    private final PartnerDirectory partners;
    private final ClientCompanies clients;
    private final InvoicingProperties invoicing;
    private final Duration commandTimeout;
    private final Duration storeTimeout;

    InvoiceIssuer(CommandGateway commands, ReactiveMongoTemplate mongo, TaxProfiles taxProfiles,
                  PartnerDirectory partners, ClientCompanies clients, InvoicingProperties invoicing,
                  CommissionProperties properties) {
        this.commands = commands;
        this.mongo = mongo;
        this.taxProfiles = taxProfiles;
        this.partners = partners;
        this.clients = clients;
        this.invoicing = invoicing;
        this.commandTimeout = properties.commandTimeout();
        this.storeTimeout = properties.storeTimeout();
    }

    /** Blocking: runs on the tracking processor's thread. */
    @EventHandler
    void on(PayoutBatchPaid event, @Timestamp Instant confirmedAt) {
        for (BatchLine line : event.lines()) {
            IssueInvoice command = issueCommand(event.batchId(), line, event.paidOn(), confirmedAt);
            try {
                // a timeout fails the event (and is retried) rather than move the token past an unissued invoice
                commands.send(command).get(commandTimeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while issuing " + command.key(), e);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("the invoice of " + command.key() + " was not issued", e);
            }
        }
    }

    IssueInvoice issueCommand(String batchId, BatchLine line, LocalDate invoiceDate, Instant issuedAt) {
        int year = invoiceDate.getYear();
        TaxProfile profile = taxProfiles.find(line.partnerId()).blockOptional(storeTimeout).orElse(null);
        Party supplier;
        boolean vatRegistered;
        String vatCountry;
        if (profile != null) {
            TaxProfile.Address a = profile.address();
            supplier = new Party(profile.legalName(), a.line1(), a.line2(), a.city(), a.postalCode(), a.country(),
                    profile.vatId());
            vatRegistered = profile.vatRegistered();
            vatCountry = profile.vatRegistered() ? profile.vatCountry() : null;
        } else {
            // a batch opened before tax profiles were required: the partner's name, and no VAT
            log.warn("partner {} of batch {} has no tax profile; its invoice names it without an address",
                    line.partnerId(), batchId);
            String name = partners.find(line.partnerId()).map(Partner::name).blockOptional(storeTimeout)
                    .orElse(line.partnerId());
            supplier = new Party(name, null, null, null, null, null, null);
            vatRegistered = false;
            vatCountry = null;
        }
        List<LedgerEntry> entries = mongo.find(query(where("_id").in(line.entryIds())).with(LedgerQueries.LEDGER_ORDER),
                        LedgerEntryDocument.class)
                .map(LedgerEntryDocument::toEntry)
                .collectList()
                .block(storeTimeout);
        Map<String, String> companies = entries == null ? Map.of()
                : clients.of(entries.stream().map(LedgerEntry::referralId).filter(java.util.Objects::nonNull)
                        .distinct().toList()).block(storeTimeout);
        List<InvoiceLine> lines = entries == null ? null : entries.stream()
                .map(entry -> invoiceLine(entry, companies == null ? null : companies.get(entry.referralId())))
                .toList();
        if (lines == null || lines.size() != line.entryIds().size()) {
            throw new IllegalStateException("batch %s: not every ledger entry of partner %s is in the ledger yet"
                    .formatted(batchId, line.partnerId()));
        }
        Money total = lines.stream().map(InvoiceLine::amount).reduce(Money::plus).orElseThrow();
        if (!total.equals(line.amount())) {
            // the invoice documents the entries; a difference is a batch defect finance must see
            log.error("batch {}: the entries of partner {} add up to {}, the line pays {}", batchId,
                    line.partnerId(), total, line.amount());
        }
        return new IssueInvoice(InvoiceRegister.idOf(year), year, batchId, PartnerId.of(line.partnerId()),
                line.amount().currencyCode(), invoiceDate, issuedAt, supplier, vatRegistered, vatCountry,
                invoicing.business().asParty(), invoicing.domesticVatRate(), lines);
    }

    private static InvoiceLine invoiceLine(LedgerEntry entry, String company) {
        return new InvoiceLine(entry.entryId(), entry.referralId(), company, entry.type().name(), entry.amount(),
                entry.explanation());
    }
}
