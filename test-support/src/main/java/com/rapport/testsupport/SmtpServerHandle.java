package com.rapport.testsupport;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;

import java.util.List;

/**
 * A real SMTP server (GreenMail) that keeps what it receives, with IMAP to read it like a mail client would.
 * {@link #stop()} and {@link #start()} keep the ports, so a test can take the mail server away and bring it back.
 */
public final class SmtpServerHandle implements AutoCloseable {

    private final int smtpPort;
    private final int imapPort;
    private GreenMail greenMail;

    public SmtpServerHandle(int smtpPort, int imapPort) {
        this.smtpPort = smtpPort;
        this.imapPort = imapPort;
        start();
    }

    public synchronized void start() {
        if (greenMail != null) {
            return;
        }
        GreenMail server = new GreenMail(new ServerSetup[]{
                new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        // any address is accepted and gets a mailbox; any IMAP password opens it (local use only)
        server.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        server.start();
        greenMail = server;
    }

    public synchronized void stop() {
        if (greenMail != null) {
            greenMail.stop();
            greenMail = null;
        }
    }

    public synchronized boolean isRunning() {
        return greenMail != null;
    }

    public int smtpPort() {
        return smtpPort;
    }

    public int imapPort() {
        return imapPort;
    }

    /** Every message received since this server was (re)started. */
    public synchronized List<MimeMessage> receivedMessages() {
        return greenMail == null ? List.of() : List.of(greenMail.getReceivedMessages());
    }

    @Override
    public void close() {
        stop();
    }
}
