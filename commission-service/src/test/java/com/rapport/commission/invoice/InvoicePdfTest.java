package com.rapport.commission.invoice;

import com.rapport.events.money.Money;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The invoice PDF read back by PDFBox, an independent reader. */
class InvoicePdfTest {

    static final String NOTO_CJK = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
    static final Party BUSINESS = new Party("Rapport Agency GmbH", "Friedrichstrasse 100", null, "Berlin", "10117",
            "DE", "DE123456789");

    static Invoice invoice(String supplierName, VatTreatment treatment, BigDecimal rate, String vat, String total) {
        return new Invoice("SB-2026-000042", 2026, "batch-1", "p1", "EUR", LocalDate.parse("2026-11-26"),
                Instant.parse("2026-11-26T12:00:00Z"),
                new Party(supplierName, "1 Rue de Rivoli", null, "Paris", "75001", "FR", "FRXX123456789"),
                BUSINESS, treatment, rate, Money.of("100.00", "EUR"), Money.of(vat, "EUR"), Money.of(total, "EUR"),
                List.of(new InvoiceLine("e1", "ref-1", null, "ACCRUAL", Money.of("120.00", "EUR"),
                                "10% of 1200.00 EUR received"),
                        new InvoiceLine("e2", "ref-2", "Acme Ltd", "REVERSAL", Money.of("-20.00", "EUR"),
                                "refund of 200.00 EUR")));
    }

    static String text(byte[] pdf) throws IOException {
        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Nested
    class PrintsWhatASelfBillingInvoiceCarries {

        @Test
        void numberDatePartiesLinesTotalsAndTheReverseCharge() throws IOException {
            InvoicePdf pdf = new InvoicePdf(new PdfFonts(List.of(NOTO_CJK + ",2",
                    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")), ZoneOffset.UTC);
            String text = text(pdf.render(invoice("Dupont SARL", VatTreatment.REVERSE_CHARGE, BigDecimal.ZERO,
                    "0.00", "100.00")));
            assertThat(text).contains("Self-billing invoice", "SB-2026-000042", "2026-11-26", "Dupont SARL",
                    "1 Rue de Rivoli", "VAT ID: FRXX123456789", "Rapport Agency GmbH", "VAT ID: DE123456789",
                    "Referral ref-1", "Acme Ltd", "ACCRUAL", "REVERSAL", "120.00 EUR", "-20.00 EUR",
                    "Net", "100.00 EUR", "Total", "Reverse charge");
        }

        @Test
        void theDomesticRateOnTheVatLine() throws IOException {
            InvoicePdf pdf = new InvoicePdf(new PdfFonts(List.of()), ZoneOffset.UTC);
            String text = text(pdf.render(invoice("Dupont SARL", VatTreatment.DOMESTIC, new BigDecimal("0.19"),
                    "19.00", "119.00")));
            assertThat(text).contains("VAT 19% 19.00 EUR", "Total 119.00 EUR").doesNotContain("Reverse charge");
        }
    }

    @Nested
    class Fonts {

        @Test
        void aChineseLegalNameWithNotoSansCjk() throws IOException {
            assumeTrue(Files.isReadable(Path.of(NOTO_CJK)), "fonts-noto-cjk is not installed");
            PdfFonts fonts = new PdfFonts(List.of("/nowhere/missing.ttf", NOTO_CJK + ",2"));
            assertThat(fonts.source()).isEqualTo(NOTO_CJK + ",2");
            assertThat(fonts.canShow("深圳市腾达科技有限公司")).isTrue();
            byte[] pdf = new InvoicePdf(fonts, ZoneOffset.UTC).render(invoice("深圳市腾达科技有限公司",
                    VatTreatment.NOT_REGISTERED, BigDecimal.ZERO, "0.00", "100.00"));
            // the font is embedded as a subset (the whole face is some 16 MB)
            assertThat(pdf.length).isLessThan(1024 * 1024);
            String text = text(pdf);
            assertThat(text).contains("深圳市腾达科技有限公司", "SB-2026-000042");
        }

        @Test
        void fallsBackToALatinFontWhenNoFileExists() throws IOException {
            PdfFonts fonts = new PdfFonts(List.of("/nowhere/missing.ttc,2", "/nowhere/missing.ttf"));
            assertThat(fonts.source()).endsWith("LiberationSans-Regular.ttf");
            assertThat(fonts.canShow("Müller & Søn")).isTrue();
            assertThat(fonts.canShow("深圳")).isFalse();
            String text = text(new InvoicePdf(fonts, ZoneOffset.UTC).render(invoice("Müller & Søn GmbH",
                    VatTreatment.NOT_REGISTERED, BigDecimal.ZERO, "0.00", "100.00")));
            assertThat(text).contains("Müller & Søn GmbH", "Self-billing invoice");
        }
    }
}
