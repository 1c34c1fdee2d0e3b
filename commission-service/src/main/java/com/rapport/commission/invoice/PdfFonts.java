package com.rapport.commission.invoice;

import com.lowagie.text.pdf.BaseFont;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The font the invoice and tax statement PDFs are written with, embedded (subset) so every viewer shows the same.
 * The first readable file of {@code rapport.commission.invoicing.font-paths} wins; a TrueType/OpenType collection
 * may name its face after a comma ({@code NotoSansCJK-Regular.ttc,2} is Simplified Chinese). The default list puts
 * Debian's Noto Sans CJK first, which covers Latin, Greek, Cyrillic and Chinese/Japanese/Korean names. When none of
 * the files exists, OpenPDF's bundled Liberation Sans is used: Latin scripts only, so CJK characters are then left
 * out of the document (the log says so at start-up).
 */
@Component
public class PdfFonts {

    private static final Logger log = LoggerFactory.getLogger(PdfFonts.class);
    private static final Pattern COLLECTION_FACE = Pattern.compile("(.+\\.ttc),(\\d+)$", Pattern.CASE_INSENSITIVE);
    private static final String LATIN_FALLBACK = "font-fallback/LiberationSans-Regular.ttf";

    private final BaseFont font;
    private final String source;

    @Autowired
    PdfFonts(InvoicingProperties properties) {
        this(properties.fontPaths());
    }

    PdfFonts(List<String> fontPaths) {
        Loaded loaded = load(fontPaths);
        this.font = loaded.font();
        this.source = loaded.source();
    }

    private record Loaded(BaseFont font, String source) {
    }

    private static Loaded load(List<String> fontPaths) {
        for (String candidate : fontPaths) {
            Matcher face = COLLECTION_FACE.matcher(candidate.trim());
            Path file = Path.of(face.matches() ? face.group(1) : candidate.trim());
            if (!Files.isReadable(file)) {
                continue;
            }
            String name = file.toString().toLowerCase(Locale.ROOT).endsWith(".ttc")
                    ? file + "," + (face.matches() ? face.group(2) : "0") : file.toString();
            try {
                BaseFont font = BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
                log.info("PDF documents use the font {}", name);
                return new Loaded(font, name);
            } catch (Exception e) {
                log.warn("font {} could not be loaded, trying the next one: {}", name, e.toString());
            }
        }
        log.warn("none of the fonts {} exists: PDF documents use Liberation Sans and cannot show CJK names",
                fontPaths);
        return new Loaded(latinFallback(), LATIN_FALLBACK);
    }

    public BaseFont font() {
        return font;
    }

    /** The file (or bundled resource) the font came from. */
    public String source() {
        return source;
    }

    /** Whether the font has a glyph for every character of the text. */
    public boolean canShow(String text) {
        return text.codePoints().allMatch(c -> Character.isWhitespace(c) || font.charExists(c));
    }

    private static BaseFont latinFallback() {
        try (InputStream in = BaseFont.class.getClassLoader().getResourceAsStream(LATIN_FALLBACK)) {
            if (in == null) {
                throw new IllegalStateException("OpenPDF's bundled " + LATIN_FALLBACK + " is missing");
            }
            return BaseFont.createFont("LiberationSans-Regular.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED,
                    true, in.readAllBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
