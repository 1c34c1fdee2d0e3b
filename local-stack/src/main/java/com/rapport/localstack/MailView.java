package com.rapport.localstack;

import com.rapport.testsupport.SmtpServerHandle;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A read-only web page of the mail the local SMTP server received: who, when, subject and text. */
final class MailView implements AutoCloseable {

    private final HttpServer server;

    MailView(SmtpServerHandle smtp, int port) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> respond(exchange, render(smtp.receivedMessages())));
        server.start();
    }

    private static String render(List<MimeMessage> messages) {
        StringBuilder html = new StringBuilder("""
                <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Rapport local mail</title>
                <style>body{font-family:sans-serif;margin:2rem}article{border-bottom:1px solid #ccc;padding:1rem 0}
                pre{white-space:pre-wrap}</style></head><body><h1>Mail received by the local SMTP server</h1>
                """);
        html.append("<p>").append(messages.size()).append(" message(s), newest first.</p>");
        for (int i = messages.size() - 1; i >= 0; i--) {
            MimeMessage message = messages.get(i);
            try {
                html.append("<article><h2>").append(escape(message.getSubject())).append("</h2><p>To: ")
                        .append(escape(String.join(", ", addresses(message)))).append(" · ")
                        .append(message.getSentDate()).append("</p><pre>").append(escape(text(message)))
                        .append("</pre></article>");
            } catch (MessagingException | IOException e) {
                html.append("<article>unreadable message: ").append(escape(e.getMessage())).append("</article>");
            }
        }
        return html.append("</body></html>").toString();
    }

    private static List<String> addresses(MimeMessage message) throws MessagingException {
        var recipients = message.getRecipients(Message.RecipientType.TO);
        return recipients == null ? List.of() : java.util.Arrays.stream(recipients).map(Object::toString).toList();
    }

    /** The readable text of a message: its plain-text part when there is one. */
    public static String textOf(MimeMessage message) {
        try {
            return text(message);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("unreadable message", e);
        }
    }

    /** The plain-text part when there is one. */
    static String text(jakarta.mail.Part part) throws MessagingException, IOException {
        Object content = part.getContent();
        if (content instanceof String string) {
            return part.isMimeType("text/html") ? string.replaceAll("<[^>]+>", " ") : string;
        }
        if (content instanceof Multipart multipart) {
            String html = null;
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                if (body.isMimeType("text/plain")) {
                    return (String) body.getContent();
                }
                String nested = text(body);
                if (!nested.isBlank() && html == null) {
                    html = nested;
                }
            }
            return html == null ? "" : html;
        }
        return "";
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static void respond(HttpExchange exchange, String html) throws IOException {
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
