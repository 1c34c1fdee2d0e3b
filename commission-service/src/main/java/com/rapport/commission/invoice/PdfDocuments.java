package com.rapport.commission.invoice;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import com.rapport.events.money.Money;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** What the invoice and tax statement PDFs share: the page, the fonts, parties, money and tables. */
public final class PdfDocuments {

    private final PdfFonts fonts;
    private final Font body;
    private final Font small;
    private final Font heading;
    private final Font title;

    public PdfDocuments(PdfFonts fonts) {
        this.fonts = fonts;
        this.body = new Font(fonts.font(), 10);
        this.small = new Font(fonts.font(), 8);
        this.heading = new Font(fonts.font(), 11, Font.BOLD);
        this.title = new Font(fonts.font(), 18, Font.BOLD);
    }

    /** An A4 document with a title, filled by {@code content}; CPU-bound, call it off the event loop. */
    public byte[] write(String documentTitle, Consumer<Document> content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 50, 50, 50, 50);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle(documentTitle);
            document.addCreator("Rapport commission-service");
            document.open();
            Paragraph heading = new Paragraph(documentTitle, title);
            heading.setSpacingAfter(12);
            document.add(heading);
            content.accept(document);
        } catch (DocumentException e) {
            throw new IllegalStateException("the PDF could not be written: " + e.getMessage(), e);
        } finally {
            if (document.isOpen()) {
                document.close();
            }
        }
        return out.toByteArray();
    }

    public Paragraph text(String text) {
        return new Paragraph(text, body);
    }

    public Paragraph note(String text) {
        return new Paragraph(text, small);
    }

    public Paragraph heading(String text) {
        Paragraph paragraph = new Paragraph(text, heading);
        paragraph.setSpacingBefore(10);
        return paragraph;
    }

    /** A party's block: its role, name, address lines and VAT id, one a line. */
    public Paragraph party(String role, Party party) {
        Paragraph block = new Paragraph();
        block.setSpacingBefore(8);
        block.add(new Phrase(role + "\n", heading));
        List<String> lines = new ArrayList<>();
        lines.add(party.name());
        addIfPresent(lines, party.line1());
        addIfPresent(lines, party.line2());
        String city = join(party.postalCode(), party.city());
        addIfPresent(lines, city);
        addIfPresent(lines, party.country());
        if (party.vatId() != null) {
            lines.add("VAT ID: " + party.vatId());
        }
        block.add(new Phrase(String.join("\n", lines), body));
        return block;
    }

    public static String money(Money money) {
        return money.amount().toPlainString() + " " + money.currencyCode();
    }

    /** A table with a header row; the last column is right-aligned (amounts). */
    public PdfPTable table(float[] widths, List<String> header, List<List<String>> rows) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setSpacingBefore(10);
        table.setHeaderRows(1);
        for (int i = 0; i < header.size(); i++) {
            table.addCell(cell(header.get(i), heading, i == header.size() - 1));
        }
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                table.addCell(cell(row.get(i), body, i == row.size() - 1));
            }
        }
        return table;
    }

    /** Label/value lines, values right-aligned (totals). */
    public PdfPTable totals(List<String[]> labelsAndValues) {
        PdfPTable table = new PdfPTable(new float[]{3, 1});
        table.setWidthPercentage(60);
        table.setHorizontalAlignment(Element.ALIGN_RIGHT);
        table.setSpacingBefore(10);
        for (String[] pair : labelsAndValues) {
            PdfPCell label = cell(pair[0], heading, false);
            label.setBorder(PdfPCell.NO_BORDER);
            PdfPCell value = cell(pair[1], heading, true);
            value.setBorder(PdfPCell.NO_BORDER);
            table.addCell(label);
            table.addCell(value);
        }
        return table;
    }

    public PdfFonts fonts() {
        return fonts;
    }

    private static PdfPCell cell(String text, Font font, boolean right) {
        PdfPCell cell = new PdfPCell(new Phrase(text == null ? "" : text, font));
        cell.setPadding(4);
        if (right) {
            cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
        }
        return cell;
    }

    private static void addIfPresent(List<String> lines, String value) {
        if (value != null && !value.isBlank()) {
            lines.add(value);
        }
    }

    private static String join(String a, String b) {
        return ((a == null ? "" : a) + " " + (b == null ? "" : b)).trim();
    }
}
